package org.biodid.perf.simulations;

import org.biodid.perf.support.BioDidSimulation;
import org.biodid.perf.support.Workload;

/**
 * {@code POST /api/v1/did/verify} alone, open model: enrol {@code biodid.perf.identities} identities first, then
 * default 500 verifications/s for 60 s after a 10 s warm-up. Each is a fresh capture of an enrolled identity
 * (expect {@code verified: true}) or, for 10 %, an impostor's (expect {@code false}).
 */
public final class VerifySimulation extends BioDidSimulation {

    /**
     * Build the workload.
     */
    public VerifySimulation() {
        super(Workload.latency("verify", rate(500), "verify"));
        double rate = rate(500);
        setUp(seedEnrollments()
                      .andThen(warmThenMeasured("verify", chains().verify(false), chains().verify(true), rate, warmup(10), duration(60))))
                .protocols(run.protocol())
                .assertions(run.assertions());
    }
}
