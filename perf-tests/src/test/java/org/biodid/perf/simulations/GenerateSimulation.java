package org.biodid.perf.simulations;

import org.biodid.perf.support.BioDidSimulation;
import org.biodid.perf.support.Workload;

/**
 * {@code POST /api/v1/did/generate} alone, open model: default 1000 req/s for 60 s after a 10 s warm-up. Each
 * request has a fresh random commitment; the answer must be exactly the DID derived client-side.
 */
public final class GenerateSimulation extends BioDidSimulation {

    /**
     * Build the workload.
     */
    public GenerateSimulation() {
        super(Workload.latency("generate", rate(1000), "generate"));
        double rate = rate(1000);
        setUp(warmThenMeasured("generate", chains().generate(false), chains().generate(true), rate, warmup(10), duration(60)))
                .protocols(run.protocol())
                .assertions(run.assertions());
    }
}
