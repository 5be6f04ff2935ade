package org.biodid.perf.simulations;

import java.util.List;

import org.biodid.perf.support.BioDidSimulation;
import org.biodid.perf.support.Workload;

/**
 * The default workload: health ×5, verify ×3, enroll ×1, generate ×1, open model at a fixed arrival rate
 * (default 1100 req/s, above the 1000 req/s target) for 60 s. Before it, unmeasured: 200 identities are
 * enrolled, then a 30 s warm-up ramps the same mix up to the rate (10 s left the JIT still compiling when the
 * measurement began: verify P99.9 368 ms in the first seconds, 64 ms after 30 s). Every target applies: per-operation
 * P50/P95/P99/max, error rate, and throughput.
 */
public final class MixedWorkloadSimulation extends BioDidSimulation {

    /**
     * Build the workload.
     */
    public MixedWorkloadSimulation() {
        super(new Workload("mixed", List.of("health", "verify", "enroll", "generate"), rate(1100),
                           Workload.Checks.latencyOnly().withThroughput()));
        double rate = rate(1100);
        setUp(seedEnrollments()
                      .andThen(warmThenMeasured("mixed", chains().mixed(false), chains().mixed(true), rate, warmup(30), duration(60))))
                .protocols(run.protocol())
                .assertions(run.assertions());
    }
}
