package org.biodid.perf.simulations;

import java.util.List;

import org.biodid.perf.support.BioDidSimulation;
import org.biodid.perf.support.Workload;

/**
 * "Normal load", as this project defines it for the CPU requirement: the mixed workload at 30 % of the
 * 1000 req/s throughput target, i.e. 300 req/s (default), for 120 s after enrolment seeding and a 10 s warm-up.
 * The service's average CPU over the measured window must stay under 70 % of the machine, besides the latency
 * and error targets.
 */
public final class NormalLoadSimulation extends BioDidSimulation {

    /**
     * Build the workload.
     */
    public NormalLoadSimulation() {
        super(new Workload("normal", List.of("health", "verify", "enroll", "generate"), rate(300),
                           Workload.Checks.latencyOnly().withCpu()));
        double rate = rate(300);
        setUp(seedEnrollments()
                      .andThen(warmThenMeasured("normal", chains().mixed(false), chains().mixed(true), rate, warmup(10), duration(120))))
                .protocols(run.protocol())
                .assertions(run.assertions());
    }
}
