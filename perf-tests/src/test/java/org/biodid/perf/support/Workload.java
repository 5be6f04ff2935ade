package org.biodid.perf.support;

import java.util.List;

/**
 * What a simulation claims to measure, and so which targets apply to it.
 *
 * @param name stable workload name (history and baseline key), e.g. {@code mixed}
 * @param operations request names it measures; each gets the per-request assertions of the targets file
 * @param offeredRps the arrival rate of the measured phase (open model), or 0 for closed models
 * @param checksThroughput the system throughput target applies
 * @param checksCpu the "CPU under normal load" target applies
 * @param checksRss the "memory with 1000 concurrent users" target applies
 * @param checksLatency the per-operation latency targets apply (false for the stress ramp, which goes past them)
 */
public record Workload(String name,
                       List<String> operations,
                       double offeredRps,
                       boolean checksThroughput,
                       boolean checksCpu,
                       boolean checksRss,
                       boolean checksLatency) {

    /**
     * Immutable copy.
     */
    public Workload {
        operations = List.copyOf(operations);
    }

    /**
     * A workload with latency and error targets only.
     *
     * @param name name
     * @param offeredRps arrival rate
     * @param operations request names
     * @return workload
     */
    public static Workload latency(String name, double offeredRps, String... operations) {
        return new Workload(name, List.of(operations), offeredRps, false, false, false, true);
    }
}
