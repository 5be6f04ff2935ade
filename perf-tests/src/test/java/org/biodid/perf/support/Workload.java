package org.biodid.perf.support;

import java.util.List;

/**
 * What a simulation claims to measure, and so which targets apply to it.
 *
 * @param name stable workload name (history and baseline key), e.g. {@code mixed}
 * @param operations request names it measures; each gets the per-request checks of the targets file
 * @param offeredRps the arrival rate of the measured phase (open model), or 0 for closed models
 * @param checks which of the system targets apply
 */
public record Workload(String name, List<String> operations, double offeredRps, Checks checks) {

    /**
     * Immutable copy.
     */
    public Workload {
        operations = List.copyOf(operations);
    }

    /**
     * Which targets a workload is judged on. Start from {@link #latencyOnly()} and add with the {@code with…}
     * methods: {@code Checks.latencyOnly().withThroughput()}.
     *
     * @param latency the per-operation latency targets (false for the stress ramp, which goes past them)
     * @param throughput the system throughput target
     * @param cpu the "CPU under normal load" target
     * @param rss the "memory with 1000 concurrent users" target
     */
    public record Checks(boolean latency, boolean throughput, boolean cpu, boolean rss) {

        /**
         * Latency and errors only.
         *
         * @return checks
         */
        public static Checks latencyOnly() {
            return new Checks(true, false, false, false);
        }

        /**
         * Errors only (a stress ramp: latency is judged per level, by the knee).
         *
         * @return checks
         */
        public static Checks errorsOnly() {
            return new Checks(false, false, false, false);
        }

        /**
         * Add the throughput target.
         *
         * @return checks
         */
        public Checks withThroughput() {
            return new Checks(latency, true, cpu, rss);
        }

        /**
         * Add the CPU target.
         *
         * @return checks
         */
        public Checks withCpu() {
            return new Checks(latency, throughput, true, rss);
        }

        /**
         * Add the memory target.
         *
         * @return checks
         */
        public Checks withRss() {
            return new Checks(latency, throughput, cpu, true);
        }
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
        return new Workload(name, List.of(operations), offeredRps, Checks.latencyOnly());
    }
}
