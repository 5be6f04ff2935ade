package org.biodid.perf.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Comparison of a run against its baseline: for each operation and percentile, the median over the last N
 * passing runs of the same workload. A metric regresses when it is worse than the baseline by more than the
 * relative tolerance AND by more than an absolute slack (whole-millisecond timings of 1–2 ms would otherwise
 * flag a "100 %" regression on one millisecond of noise).
 */
public final class Baseline {

    /** Metrics compared; the first three can flag a regression, {@code max} is reported only. */
    public static final List<String> METRICS = List.of("p50", "p95", "p99", "max");
    private static final List<String> FLAGGED = List.of("p50", "p95", "p99");

    private Baseline() {
    }

    /**
     * A past run as the history returns it.
     *
     * @param runId run id
     * @param metrics operation → metric ({@code p50}, {@code p95}, …) → value in ms
     */
    public record HistoricRun(String runId, Map<String, Map<String, Double>> metrics) {
    }

    /**
     * One metric's change.
     *
     * @param operation request name
     * @param metric metric
     * @param baseline baseline value (median)
     * @param current this run's value
     * @param changePercent (current − baseline) / baseline × 100
     * @param regression beyond both tolerances (and a flagged metric)
     */
    public record Delta(String operation, String metric, double baseline, double current, double changePercent,
                        boolean regression) {
    }

    /**
     * The comparison.
     *
     * @param runs how many past runs formed the baseline
     * @param runIds their ids
     * @param tolerancePercent relative tolerance
     * @param slackMs absolute slack
     * @param deltas every compared metric
     * @param regression any delta regressed
     */
    public record Comparison(int runs, List<String> runIds, double tolerancePercent, double slackMs,
                             List<Delta> deltas, boolean regression) {
    }

    /**
     * The baseline value of each operation's metrics: the median over the runs that have it.
     *
     * @param runs past passing runs
     * @param operation request name
     * @param metric metric
     * @return median, or NaN when no run has it
     */
    public static double median(List<HistoricRun> runs, String operation, String metric) {
        double[] values = runs.stream()
                .map(run -> run.metrics().getOrDefault(operation, Map.of()).get(metric))
                .filter(v -> v != null && !v.isNaN())
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /**
     * The limit a metric may reach before it counts as a regression.
     *
     * @param baseline baseline value
     * @param tolerancePercent relative tolerance
     * @param slackMs absolute slack
     * @return limit (inclusive)
     */
    public static double limit(double baseline, double tolerancePercent, double slackMs) {
        return Math.max(baseline * (1 + tolerancePercent / 100), baseline + slackMs);
    }

    /**
     * Compare this run with the baseline.
     *
     * @param current this run's operations
     * @param runs past passing runs of the same workload (may be empty)
     * @param tolerancePercent relative tolerance
     * @param slackMs absolute slack
     * @return comparison (no deltas when there is no history)
     */
    public static Comparison compare(Map<String, OperationStats> current, List<HistoricRun> runs,
                                     double tolerancePercent, double slackMs) {
        List<Delta> deltas = new ArrayList<>();
        boolean regression = false;
        for (OperationStats stats : current.values()) {
            for (String metric : METRICS) {
                double baseline = median(runs, stats.operation(), metric);
                if (Double.isNaN(baseline)) {
                    continue;
                }
                double value = stats.metric(metric);
                double change = baseline == 0 ? (value == 0 ? 0 : 100) : (value - baseline) / baseline * 100;
                boolean regressed = FLAGGED.contains(metric) && value > limit(baseline, tolerancePercent, slackMs);
                regression |= regressed;
                deltas.add(new Delta(stats.operation(), metric, baseline, value, OperationStats.round(change, 1),
                                     regressed));
            }
        }
        return new Comparison(runs.size(), runs.stream().map(HistoricRun::runId).toList(), tolerancePercent,
                              slackMs, deltas, regression);
    }

    /**
     * A printable table of the comparison.
     *
     * @param comparison comparison
     * @return text
     */
    public static String table(Comparison comparison) {
        if (comparison.runs() == 0) {
            return "Baseline: no passing run of this workload in the history yet; this run starts it.\n";
        }
        StringBuilder out = new StringBuilder(String.format(
                "Baseline: median of %d passing run(s); regression = worse by > %.0f %% and > %.1f ms%n",
                comparison.runs(), comparison.tolerancePercent(), comparison.slackMs()));
        out.append(String.format("  %-10s %-5s %10s %10s %9s%n", "operation", "stat", "baseline", "now", "change"));
        for (Delta d : comparison.deltas()) {
            out.append(String.format("  %-10s %-5s %8.1f ms %7.0f ms %+8.1f%%%s%n", d.operation(), d.metric(),
                                     d.baseline(), d.current(), d.changePercent(),
                                     d.regression() ? "  REGRESSION" : ""));
        }
        return out.toString();
    }
}
