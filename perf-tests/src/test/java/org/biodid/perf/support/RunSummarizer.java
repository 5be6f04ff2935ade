package org.biodid.perf.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.biodid.perf.model.Baseline;
import org.biodid.perf.model.Noise;
import org.biodid.perf.model.OperationStats;
import org.biodid.perf.model.Outcomes;
import org.biodid.perf.model.RunSummary;
import org.biodid.perf.model.Targets;
import org.biodid.perf.model.Verdict;

/**
 * Turns what a run recorded into its {@link RunSummary}: statistics per operation (and per stress level), the
 * checks against the targets, the bar, the baseline comparison, and the verdict.
 */
final class RunSummarizer {

    /** The single slowest request is information; the max target is checked against P99.9 (docs/performance.md). */
    static final List<String> GATED_METRICS = List.of("p50", "p95", "p99", "p999");

    private RunSummarizer() {
    }

    /**
     * Per-operation statistics of the measured window.
     *
     * @param workload workload
     * @param series recorded series
     * @param seconds measured seconds
     * @return operations (workload's first, then any other recorded) and levels
     */
    static Map<String, OperationStats>[] statistics(Workload workload, Map<String, RunRecorder.Series> series,
                                                    double seconds) {
        Map<String, OperationStats> operations = new LinkedHashMap<>();
        Map<String, OperationStats> levels = new LinkedHashMap<>();
        for (String operation : workload.operations()) {
            RunRecorder.Series s = series.get(operation);
            operations.put(operation, s == null
                    ? OperationStats.of(operation, new Histogram(3), 0, seconds)
                    : OperationStats.of(operation, s.histogram(), s.errors(), seconds));
        }
        series.forEach((name, s) -> {
            if (name.contains("@")) {
                levels.put(name, OperationStats.of(name, s.histogram(), s.errors(), seconds));
            } else if (!operations.containsKey(name)) {
                operations.put(name, OperationStats.of(name, s.histogram(), s.errors(), seconds));
            }
        });
        @SuppressWarnings("unchecked")
        Map<String, OperationStats>[] result = new Map[] {operations, levels};
        return result;
    }

    /**
     * The checks against the targets.
     *
     * @param workload workload
     * @param targets targets
     * @param operations per-operation statistics
     * @param requests measured requests
     * @param errorRate error rate
     * @param throughput throughput
     * @param server service resources
     * @param knee stress knee (null when not a ramp)
     * @param ramp whether the workload is a stress ramp
     * @return checks
     */
    static List<RunSummary.Check> checks(Workload workload, Targets targets, Map<String, OperationStats> operations,
                                         long requests, double errorRate, double throughput, RunSummary.Server server,
                                         Double knee, boolean ramp) {
        List<RunSummary.Check> checks = new ArrayList<>();
        checks.add(RunSummary.Check.of("requests", requests, ">", 0));
        checks.add(RunSummary.Check.of("system.errorRatePercent", errorRate, "<", targets.errorRatePercent()));
        Workload.Checks applies = workload.checks();
        if (applies.throughput()) {
            checks.add(RunSummary.Check.of("system.throughputRps", throughput, ">", targets.throughputRps()));
        }
        if (applies.cpu() && server != null) {
            checks.add(RunSummary.Check.of("system.cpuPercent", server.cpuAvgPercent(), "<", targets.cpuPercent()));
        }
        if (applies.rss() && server != null) {
            checks.add(RunSummary.Check.of("system.rssMb", server.rssMaxMb(), "<", targets.rssMb()));
        }
        if (ramp) {
            checks.add(RunSummary.Check.of("system.kneeRps", knee == null ? 0 : knee, ">", targets.throughputRps()));
        }
        for (String operation : workload.operations()) {
            OperationStats o = operations.get(operation);
            checks.add(RunSummary.Check.of(operation + ".count", o.count(), ">", 0));
            checks.add(RunSummary.Check.of(operation + ".errorRatePercent", o.errorRatePercent(), "<",
                                           targets.errorRatePercent()));
            if (applies.latency()) {
                Targets.OperationTarget t = targets.operation(operation);
                for (String metric : GATED_METRICS) {
                    int limit = t.limit(metric.equals("p999") ? "max" : metric);
                    checks.add(RunSummary.Check.of(operation + "." + metric, o.metric(metric), "<", limit));
                }
            }
        }
        return checks;
    }

    /**
     * The project's stricter bar, reported only.
     *
     * @param workload workload
     * @param targets targets
     * @param operations statistics
     * @param errorRate error rate
     * @param server service resources
     * @return bar checks
     */
    static List<RunSummary.Check> bar(Workload workload, Targets targets, Map<String, OperationStats> operations,
                                      double errorRate, RunSummary.Server server) {
        List<RunSummary.Check> bar = new ArrayList<>();
        for (String operation : workload.operations()) {
            Double barP95 = targets.bar().get(operation + ".p95");
            if (barP95 != null) {
                bar.add(RunSummary.Check.of(operation + ".p95", operations.get(operation).p95Ms(), "<", barP95));
            }
        }
        Double barErrors = targets.bar().get("system.errorRatePercent");
        if (barErrors != null) {
            bar.add(RunSummary.Check.of("system.errorRatePercent", errorRate, "<=", barErrors));
        }
        Double barRss = targets.bar().get("system.rssMb");
        if (barRss != null && workload.checks().rss() && server != null) {
            bar.add(RunSummary.Check.of("system.rssMb", server.rssMaxMb(), "<", barRss));
        }
        return bar;
    }

    /**
     * The knee: the highest level rate at which every operation's P95 met its target and errors stayed under the
     * budget. Levels are judged one by one (a noisy lower level does not hide a good higher one).
     *
     * @param levels per {@code <operation>@<level>} statistics
     * @param rates offered rate of each level
     * @param targets targets
     * @param operations measured operations
     * @return the knee's rate, or null when no level met every target
     */
    static Double knee(Map<String, OperationStats> levels, double[] rates, Targets targets, List<String> operations) {
        Double knee = null;
        for (int level = 0; level < rates.length; level++) {
            boolean ok = true;
            boolean ran = false;
            for (String operation : operations) {
                OperationStats o = levels.get(operation + "@" + level);
                if (o == null || o.count() == 0) {
                    continue;
                }
                ran = true;
                ok &= o.p95Ms() < targets.operation(operation).p95()
                        && o.errorRatePercent() < targets.errorRatePercent();
            }
            if (ran && ok) {
                knee = rates[level];
            }
        }
        return knee;
    }

    /**
     * A process's resources over the measured window.
     *
     * @param pid process
     * @param samples its samples
     * @param first window start
     * @param last window end
     * @return resources, or null without samples
     */
    static RunSummary.Server server(long pid, List<ResourceSampler.Sample> samples, long first, long last) {
        if (samples.isEmpty() && first == Long.MAX_VALUE) {
            return null;
        }
        // A sample covers the second before it; keep those that end inside the measured window.
        List<ResourceSampler.Sample> window = samples.stream()
                .filter(s -> s.epochMillis() > first + 500 && s.epochMillis() <= last + 500).toList();
        if (window.isEmpty()) {
            window = samples;
        }
        if (window.isEmpty()) {
            return null;
        }
        List<double[]> timeline = samples.stream()
                .map(s -> new double[] {s.epochMillis(), s.cpuPercentOfMachine(), s.rssMb()}).toList();
        return new RunSummary.Server(
                pid, window.size(),
                OperationStats.round(window.stream().mapToDouble(ResourceSampler.Sample::cpuPercentOfMachine)
                                             .average().orElse(0), 1),
                window.stream().mapToDouble(ResourceSampler.Sample::cpuPercentOfMachine).max().orElse(0),
                OperationStats.round(window.stream().mapToDouble(ResourceSampler.Sample::cpuPercentOfCore)
                                             .average().orElse(0), 1),
                window.stream().mapToDouble(ResourceSampler.Sample::rssMb).max().orElse(0),
                OperationStats.round(window.stream().mapToDouble(ResourceSampler.Sample::rssMb).average().orElse(0), 1),
                window.getFirst().rssMb(), window.getLast().rssMb(), timeline);
    }

    /**
     * Everything that goes into a summary besides the statistics.
     *
     * @param runId run id
     * @param workload workload
     * @param simulation simulation class
     * @param startedAt start
     * @param finishedAt end
     * @param targets targets
     * @param environment environment
     * @param server service resources
     * @param generator load generator resources
     * @param baselineRuns baseline
     * @param settings settings
     * @param levelRates stress levels (null otherwise)
     * @param noise noise
     * @param outcomes outcomes
     * @param aborted abort reason
     * @param gatlingRunDir report folder
     * @param jfrFile recording
     */
    record Inputs(String runId, Workload workload, String simulation, Instant startedAt, Instant finishedAt,
                  Targets targets, RunSummary.Environment environment, RunSummary.Server server,
                  RunSummary.Server generator, List<Baseline.HistoricRun> baselineRuns, HarnessSettings settings,
                  double[] levelRates, Noise noise, Outcomes outcomes, String aborted, String gatlingRunDir,
                  String jfrFile) {
    }

    /**
     * The summary.
     *
     * @param in inputs
     * @param series recorded series
     * @param first window start (Long.MAX_VALUE: nothing recorded)
     * @param last window end
     * @return summary
     */
    static RunSummary summarize(Inputs in, Map<String, RunRecorder.Series> series, long first, long last) {
        boolean any = first != Long.MAX_VALUE;
        double seconds = any ? Math.max(0.001, (last - first) / 1000.0) : 0;
        Map<String, OperationStats>[] stats = statistics(in.workload(), series, seconds);
        Map<String, OperationStats> operations = stats[0];
        Map<String, OperationStats> levels = stats[1];
        long requests = operations.values().stream().mapToLong(OperationStats::count).sum();
        long errors = operations.values().stream().mapToLong(OperationStats::errors).sum();
        double errorRate = requests == 0 ? 0 : OperationStats.round(100.0 * errors / requests, 4);
        double throughput = seconds == 0 ? 0 : OperationStats.round(requests / seconds, 2);
        Double knee = in.levelRates() == null ? null
                : knee(levels, in.levelRates(), in.targets(), in.workload().operations());
        List<RunSummary.Check> checks = checks(in.workload(), in.targets(), operations, requests, errorRate,
                                               throughput, in.server(), knee, in.levelRates() != null);
        Baseline.Comparison comparison = Baseline.compare(operations, in.baselineRuns(),
                                                          in.settings().tolerancePercent(), in.settings().slackMs());
        if (in.settings().failOnRegression() && comparison.regression()) {
            checks.add(RunSummary.Check.of("baseline.regression", 1, "<", 1));
        }
        boolean passed = in.aborted() == null && checks.stream().allMatch(RunSummary.Check::passed);
        Verdict verdict = Verdict.decide(checks, in.noise(), in.outcomes(), requests,
                                         in.targets().errorRatePercent(), in.aborted());
        return new RunSummary(2, in.runId(), in.workload().name(), in.simulation(), in.startedAt().toString(),
                              in.finishedAt().toString(),
                              any ? Instant.ofEpochMilli(first).toString() : null,
                              any ? Instant.ofEpochMilli(last).toString() : null,
                              seconds, in.workload().offeredRps(), requests, errors, errorRate, throughput, operations,
                              levels.isEmpty() ? null : levels, in.server(), in.generator(), in.environment(),
                              in.targets(), checks, bar(in.workload(), in.targets(), operations, errorRate, in.server()),
                              passed, comparison, comparison.regression(), knee, in.gatlingRunDir(), in.jfrFile(),
                              verdict.verdict(), verdict.reasons(), in.noise(), in.outcomes(), in.aborted());
    }
}
