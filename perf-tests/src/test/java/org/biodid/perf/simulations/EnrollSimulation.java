package org.biodid.perf.simulations;

import org.biodid.perf.support.BioDidSimulation;
import org.biodid.perf.support.Workload;

/**
 * {@code POST /api/v1/did/enroll} alone, open model: default 200 enrolments/s (each a new wallet and fresh
 * captures of 4 fingers; one committed database transaction each) for 60 s after a 10 s warm-up.
 */
public final class EnrollSimulation extends BioDidSimulation {

    /**
     * Build the workload.
     */
    public EnrollSimulation() {
        super(Workload.latency("enroll", rate(200), "enroll"));
        double rate = rate(200);
        setUp(warmThenMeasured("enroll", chains().enroll(false), chains().enroll(true), rate, warmup(10), duration(60)))
                .protocols(run.protocol())
                .assertions(run.assertions());
    }
}
