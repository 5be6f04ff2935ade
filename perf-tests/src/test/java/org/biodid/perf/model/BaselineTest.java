package org.biodid.perf.model;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BaselineTest {

    private static Baseline.HistoricRun run(String id, double p50, double p95, double p99, double max) {
        return new Baseline.HistoricRun(id, Map.of("verify", Map.of("p50", p50, "p95", p95, "p99", p99, "max", max)));
    }

    private static OperationStats verify(long p50, long p95, long p99, long max) {
        return new OperationStats("verify", 1000, 0, 0, 100, 1, p50, p50, p50, p95, p99, max);
    }

    @Test
    void theBaselineIsTheMedianOfThePastRuns() {
        List<Baseline.HistoricRun> odd = List.of(run("a", 10, 20, 30, 40), run("b", 30, 60, 90, 500),
                                                 run("c", 12, 22, 32, 42));
        assertEquals(12, Baseline.median(odd, "verify", "p50"));
        assertEquals(42, Baseline.median(odd, "verify", "max"));
        List<Baseline.HistoricRun> even = List.of(run("a", 10, 20, 30, 40), run("b", 20, 30, 40, 50));
        assertEquals(15, Baseline.median(even, "verify", "p50"));
        assertTrue(Double.isNaN(Baseline.median(even, "health", "p50")));
    }

    @Test
    void aRegressionIsWorseBeyondBothTheRelativeToleranceAndTheAbsoluteSlack() {
        List<Baseline.HistoricRun> history = List.of(run("a", 10, 20, 40, 100), run("b", 10, 20, 40, 100),
                                                     run("c", 10, 20, 40, 100));
        // p95 20 -> 25: +25 % and +5 ms, beyond 20 % and 2 ms
        Baseline.Comparison worse = Baseline.compare(Map.of("verify", verify(10, 25, 40, 100)), history, 20, 2);
        assertTrue(worse.regression());
        Baseline.Delta p95 = worse.deltas().stream().filter(d -> d.metric().equals("p95")).findFirst().orElseThrow();
        assertEquals(25.0, p95.changePercent());
        assertTrue(p95.regression());
        assertEquals(3, worse.runs());

        // p95 20 -> 23: +15 %, within the relative tolerance
        assertFalse(Baseline.compare(Map.of("verify", verify(10, 23, 40, 100)), history, 20, 2).regression());
        // p50 10 -> 12: +20 % exactly, not beyond; with a 1 ms baseline, 1 -> 3 is +200 % but only 2 ms
        assertFalse(Baseline.compare(Map.of("verify", verify(12, 20, 40, 100)), history, 20, 2).regression());
        List<Baseline.HistoricRun> fast = List.of(run("a", 1, 1, 2, 5));
        assertFalse(Baseline.compare(Map.of("verify", verify(3, 3, 4, 5)), fast, 20, 2).regression());
        assertTrue(Baseline.compare(Map.of("verify", verify(4, 3, 4, 5)), fast, 20, 2).regression());
        // max is reported, never flagged (one slow GC pause is not a regression of the code)
        assertFalse(Baseline.compare(Map.of("verify", verify(10, 20, 40, 900)), history, 20, 2).regression());
    }

    @Test
    void withoutHistoryThereIsNothingToCompare() {
        Baseline.Comparison none = Baseline.compare(Map.of("verify", verify(10, 20, 40, 100)), List.of(), 20, 2);
        assertEquals(0, none.runs());
        assertTrue(none.deltas().isEmpty());
        assertFalse(none.regression());
        assertTrue(Baseline.table(none).contains("no passing run"));
    }
}
