package org.biodid.perf.support;

import org.biodid.perf.model.Targets;
import org.biodid.perf.model.OperationStats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class OperationStatsTest {

    @Test
    void percentilesOfOneToHundredAreNearestRank() {
        Histogram histogram = new Histogram(3);
        for (int ms = 1; ms <= 100; ms++) {
            histogram.recordValue(ms);
        }
        OperationStats stats = OperationStats.of("verify", histogram, 2, 10.0);
        assertEquals(new OperationStats("verify", 100, 2, 2.0, 10.0, 1, 50.5, 50, 75, 95, 99, 100), stats);
    }

    @Test
    void aSkewedDistributionKeepsItsTail() {
        Histogram histogram = new Histogram(3);
        histogram.recordValueWithCount(2, 990);   // 99 % at 2 ms
        histogram.recordValueWithCount(40, 9);    // 0.9 % at 40 ms
        histogram.recordValue(1500);              // one slow outlier, above 1024: still exact at 3 digits
        OperationStats stats = OperationStats.of("health", histogram, 0, 1.0);
        assertEquals(2, stats.p50Ms());
        assertEquals(2, stats.p95Ms());
        assertEquals(2, stats.p99Ms());
        assertEquals(1500, stats.maxMs());
        assertEquals(1000, stats.count());
        assertEquals(1000.0, stats.throughputRps());
    }

    @Test
    void theRecorderKeepsOperationsLevelsAndTheMeasuredWindowApart() {
        RunRecorder recorder = new RunRecorder();
        recorder.window(1_000, 5_000);
        recorder.levels(start -> start < 3_000 ? 0 : 1);
        recorder.record("health", 500, 7, true);      // before the window: warm-up, ignored
        recorder.record("health", 1_000, 3, true);
        recorder.record("health", 2_000, 5, false);
        recorder.record("health", 4_000, 9, true);
        recorder.record("health", 6_000, 1, true);    // after the window, ignored
        Map<String, RunRecorder.Series> series = recorder.series();
        assertEquals(3, series.get("health").histogram().getTotalCount());
        assertEquals(1, series.get("health").errors());
        assertEquals(2, series.get("health@0").histogram().getTotalCount());
        assertEquals(1, series.get("health@1").histogram().getTotalCount());
        assertEquals(1_000, recorder.firstStart());
        assertEquals(4_009, recorder.lastEnd());
    }

    @Test
    void theKneeIsTheHighestLevelWhoseEveryP95MetItsTarget() {
        Targets targets = Targets.load(); // health p95 < 20, verify p95 < 75
        Map<String, OperationStats> levels = Map.of(
                "health@0", level("health@0", 30, 0),   // a cold first level misses
                "verify@0", level("verify@0", 10, 0),
                "health@1", level("health@1", 5, 0),
                "verify@1", level("verify@1", 20, 0),
                "health@2", level("health@2", 8, 0),
                "verify@2", level("verify@2", 40, 0),
                "health@3", level("health@3", 8, 5),    // too many errors
                "verify@3", level("verify@3", 40, 0),
                "health@4", level("health@4", 90, 0),
                "verify@4", level("verify@4", 400, 0));
        assertEquals(800.0, RunSummarizer.knee(levels, new double[] {400, 600, 800, 1000, 1200}, targets,
                                         java.util.List.of("health", "verify")));
        assertEquals(null, RunSummarizer.knee(Map.of("health@0", level("health@0", 30, 0)), new double[] {400}, targets,
                                        java.util.List.of("health", "verify")));
    }

    private static OperationStats level(String name, long p95, long errors) {
        return new OperationStats(name, 1000, errors, errors / 10.0, 50, 1, 2, 1, 1, p95, p95, p95);
    }

    @Test
    void nothingRecordedGivesZeros() {
        OperationStats stats = OperationStats.of("enroll", new Histogram(3), 0, 0);
        assertEquals(0, stats.count());
        assertEquals(0, stats.p99Ms());
    }
}
