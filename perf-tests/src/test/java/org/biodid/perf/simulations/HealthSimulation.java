package org.biodid.perf.simulations;

import org.biodid.perf.support.BioDidSimulation;
import org.biodid.perf.support.Workload;

/**
 * {@code GET /health} alone, open model: default 1000 req/s for 60 s after a 10 s warm-up.
 */
public final class HealthSimulation extends BioDidSimulation {

    /**
     * Build the workload.
     */
    public HealthSimulation() {
        super(Workload.latency("health", rate(1000), "health"));
        double rate = rate(1000);
        setUp(warmThenMeasured("health", chains().health(false), chains().health(true), rate, warmup(10), duration(60)))
                .protocols(run.protocol())
                .assertions(run.assertions());
    }
}
