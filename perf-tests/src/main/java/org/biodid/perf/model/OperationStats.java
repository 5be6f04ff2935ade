package org.biodid.perf.model;

import org.HdrHistogram.Histogram;

/**
 * One operation's results in a run: counts, throughput over the measured window, and response-time statistics
 * in milliseconds over all its responses (OK and KO, as Gatling's assertions count them).
 *
 * @param operation request name
 * @param count responses
 * @param errors KO responses
 * @param errorRatePercent errors / count × 100
 * @param throughputRps count / measured seconds
 * @param minMs minimum
 * @param meanMs mean
 * @param p50Ms median
 * @param p75Ms 75th percentile
 * @param p95Ms 95th percentile
 * @param p99Ms 99th percentile
 * @param maxMs maximum (information: the gate checks the max target against P99.9)
 * @param p999Ms 99.9th percentile
 */
public record OperationStats(String operation,
                             long count,
                             long errors,
                             double errorRatePercent,
                             double throughputRps,
                             long minMs,
                             double meanMs,
                             long p50Ms,
                             long p75Ms,
                             long p95Ms,
                             long p99Ms,
                             long maxMs,
                             long p999Ms) {

    /**
     * Statistics without a P99.9 (summaries written before it was added; fixtures): P99.9 is taken as the max,
     * which never under-reports.
     *
     * @param operation request name
     * @param count responses
     * @param errors KOs
     * @param errorRatePercent KO percent
     * @param throughputRps responses per measured second
     * @param minMs min
     * @param meanMs mean
     * @param p50Ms P50
     * @param p75Ms P75
     * @param p95Ms P95
     * @param p99Ms P99
     * @param maxMs max
     */
    public OperationStats(String operation, long count, long errors, double errorRatePercent, double throughputRps,
                          long minMs, double meanMs, long p50Ms, long p75Ms, long p95Ms, long p99Ms, long maxMs) {
        this(operation, count, errors, errorRatePercent, throughputRps, minMs, meanMs, p50Ms, p75Ms, p95Ms, p99Ms,
             maxMs, maxMs);
    }

    /**
     * Statistics of a histogram of whole-millisecond response times. Percentiles follow the nearest-rank
     * definition (the smallest recorded value with at least p % of the responses at or below it).
     *
     * @param operation request name
     * @param histogram response times, ms
     * @param errors KO count
     * @param measuredSeconds length of the measured window
     * @return statistics
     */
    public static OperationStats of(String operation, Histogram histogram, long errors, double measuredSeconds) {
        long count = histogram.getTotalCount();
        if (count == 0) {
            return new OperationStats(operation, 0, errors, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new OperationStats(operation,
                                  count,
                                  errors,
                                  round(100.0 * errors / count, 4),
                                  measuredSeconds > 0 ? round(count / measuredSeconds, 2) : 0,
                                  histogram.getMinValue(),
                                  round(histogram.getMean(), 3),
                                  percentile(histogram, 50),
                                  percentile(histogram, 75),
                                  percentile(histogram, 95),
                                  percentile(histogram, 99),
                                  histogram.getMaxValue(),
                                  percentile(histogram, 99.9));
    }

    /**
     * A metric by name.
     *
     * @param metric {@code p50}, {@code p75}, {@code p95}, {@code p99}, {@code p999}, {@code max}, {@code min}, {@code mean}
     * @return value in ms
     */
    public double metric(String metric) {
        return switch (metric) {
            case "min" -> minMs;
            case "mean" -> meanMs;
            case "p50" -> p50Ms;
            case "p75" -> p75Ms;
            case "p95" -> p95Ms;
            case "p99" -> p99Ms;
            case "p999" -> p999Ms;
            case "max" -> maxMs;
            default -> throw new IllegalArgumentException("unknown metric " + metric);
        };
    }

    private static long percentile(Histogram histogram, double percentile) {
        // Whole-ms values below 2048 are stored exactly; lowestEquivalentValue maps a bucket back to its value.
        return histogram.lowestEquivalentValue(histogram.getValueAtPercentile(percentile));
    }

    public static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
