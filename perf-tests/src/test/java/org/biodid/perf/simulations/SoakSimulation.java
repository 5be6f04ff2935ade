package org.biodid.perf.simulations;

import java.util.List;

import org.biodid.perf.support.BioDidSimulation;
import org.biodid.perf.support.Workload;

/**
 * Soak: the mixed workload at a steady 500 req/s (default) for 30 minutes (default; {@code -Dbiodid.perf.duration}
 * in seconds) after seeding and a 30 s warm-up. Same latency and error targets; the summary's RSS start/end and
 * the per-second resource timeline show leaks, and the history keeps the latency per run.
 */
public final class SoakSimulation extends BioDidSimulation {

    /**
     * Build the workload.
     */
    public SoakSimulation() {
        super(new Workload("soak", List.of("health", "verify", "enroll", "generate"), rate(500),
                           Workload.Checks.latencyOnly()));
        double rate = rate(500);
        setUp(seedEnrollments()
                      .andThen(warmThenMeasured("soak", chains().mixed(false), chains().mixed(true), rate, warmup(30), duration(1800))))
                .protocols(run.protocol())
                .assertions(run.assertions());
    }
}
