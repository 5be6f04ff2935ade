package org.biodid.perf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class NoiseAndVerdictTest {

    private static final JvmPauses.Stats NO_PAUSES = new JvmPauses.Stats(0, 0, 0, null, 0, 0, 0);
    private static final Calibration QUIET = new Calibration(2, 150, 0.99);

    private static Noise quiet() {
        return Noise.of(QUIET, QUIET, 40, 0, 38, 1.0, 1.2, NO_PAUSES, NO_PAUSES, List.of());
    }

    private static List<RunSummary.Check> checks(double healthP95, double errorRate) {
        return List.of(RunSummary.Check.of("requests", 1000, ">", 0),
                       RunSummary.Check.of("system.errorRatePercent", errorRate, "<", 0.1),
                       RunSummary.Check.of("health.p95", healthP95, "<", 20));
    }

    @Test
    void safepointLinesGivePausesWithTheirTimeAndOperation() {
        JvmPauses pauses = JvmPauses.parse(List.of(
                "[1796162153091ms] Safepoint \"G1CollectForAllocation\", Time since last: 2910472641 ns, Reaching"
                        + " safepoint: 7200 ns, At safepoint: 49037285 ns, Leaving safepoint: 4767 ns, Total: 49049252 ns,"
                        + " Threads: 0 runnable, 10 total",
                "[1796162154000ms] Safepoint \"ICBufferFull\", Time since last: 1 ns, Reaching safepoint: 1 ns, At"
                        + " safepoint: 1 ns, Leaving safepoint: 1 ns, Total: 2000000 ns, Threads: 0 runnable, 10 total",
                "some other line"));
        assertEquals(2, pauses.pauses().size());
        assertEquals(49.049252, pauses.pauses().getFirst().millis(), 1e-9);
        assertTrue(pauses.pauses().getFirst().gc());
        assertFalse(pauses.pauses().getLast().gc());
        JvmPauses.Stats all = pauses.stats(1796162153000L, 1796162155000L);
        assertEquals(new JvmPauses.Stats(2, 51.05, 49.05, "G1CollectForAllocation", 1, 49.05, 49.05), all);
        // only the second one ends inside this window
        assertEquals(1, pauses.stats(1796162153500L, 1796162155000L).count());
    }

    @Test
    void procStatCountersGiveBusyStealAndDatabaseShares() {
        MachineCpu a = MachineCpu.parse(0, "cpu  100 0 100 800 0 0 0 0 0 0", 10);
        MachineCpu b = MachineCpu.parse(1000, "cpu  200 0 150 850 0 0 0 50 0 0", 30);
        // 200 busy ticks (incl. 50 steal) of 250 total
        assertEquals(80.0, a.busyPercentUntil(b), 1e-9);
        assertEquals(20.0, a.stealPercentUntil(b), 1e-9);
        assertEquals(8.0, a.postgresPercentUntil(b), 1e-9);
    }

    @Test
    void calibrationOfAnIdleCoreIsNearlyFullyAvailable() {
        Calibration c = Calibration.measure(1, 5_000_000);
        assertTrue(c.availability() > 0 && c.availability() <= 1, "availability " + c.availability());
        assertTrue(c.wallMs() > 0);
    }

    @Test
    void theLoadGeneratorsOwnThreadsDoNotReadAsForeignWork() {
        long wall = 200_000_000L;
        // 2 cores, idle: each worker has its core
        assertEquals(1.0, Calibration.availability(2, wall, 2 * wall, 2 * wall), 1e-9);
        // a foreign process holds one core: the workers share the other (one busy core of two: 0.5 of the cores,
        // about 0.67 in practice as the scheduler shares three threads over two cores)
        assertEquals(0.5, Calibration.availability(2, wall, wall, wall), 1e-9);
        // this JVM's JIT holds one core instead: the same CPU for the workers, but the run's own, so nothing is lost
        assertEquals(1.0, Calibration.availability(2, wall, wall, 2 * wall), 1e-9);
        // half a core of JIT: still nothing lost
        assertEquals(1.0, Calibration.availability(2, wall, (long) (1.5 * wall), 2 * wall), 1e-9);
        // half a core of JIT and half a core foreign: only the foreign half counts
        assertEquals(1.0 / 1.5, Calibration.availability(2, wall, wall, (long) (1.5 * wall)), 1e-9);
    }

    @Test
    void noiseIsJudgedAgainstEachLimit() {
        assertFalse(quiet().noisy());
        Noise busyCore = Noise.of(new Calibration(2, 300, 0.66), QUIET, 90, 0, 40, 3, 3, NO_PAUSES, NO_PAUSES,
                                  List.of());
        assertTrue(busyCore.noisy());
        assertEquals(2, busyCore.reasons().size(), busyCore.reasons().toString()); // calibration and foreign CPU
        assertEquals(50.0, busyCore.foreignPercent());
        assertTrue(Noise.of(QUIET, QUIET, 40, 6, 34, 1, 1, NO_PAUSES, NO_PAUSES, List.of()).noisy()); // steal
        JvmPauses.Stats longPause = new JvmPauses.Stats(1, 80, 80, "G1CollectForAllocation", 1, 80, 80);
        assertTrue(Noise.of(QUIET, QUIET, 40, 0, 38, 1, 1, NO_PAUSES, longPause, List.of()).noisy());
        // the service's own pauses are its result, not noise
        assertFalse(Noise.of(QUIET, QUIET, 40, 0, 38, 1, 1, longPause, NO_PAUSES, List.of()).noisy());
    }

    @Test
    void aBurstOfOtherWorkAroundTheSlowestRequestsIsNoiseThoughTheMinuteWasQuiet() {
        // the measured case: a 2.7 s stall of every operation at once, 7.6 % foreign CPU over the minute
        Noise.Outlier burst = new Noise.Outlier("verify", 2712, "2026-12-02T01:55:04.941Z",
                                                List.of("enroll", "generate", "health"), 115, 0, 85, 3, 0);
        Noise stalled = Noise.of(QUIET, QUIET, 67, 1.4, 60, 5, 4, NO_PAUSES, NO_PAUSES, List.of(burst));
        assertTrue(stalled.noisy(), stalled.reasons().toString());
        assertTrue(stalled.reasons().get(0).contains("slowest verify"), stalled.reasons().toString());
        // steal counts too (the hypervisor took the CPU)
        Noise.Outlier stolen = new Noise.Outlier("health", 900, "t", List.of(), 0, 0, 10, 35, 0);
        assertTrue(Noise.of(QUIET, QUIET, 60, 1, 58, 1, 1, NO_PAUSES, NO_PAUSES, List.of(stolen)).noisy());
        // the service's own slowness with the machine otherwise quiet is not excused
        // the whole machine froze: an idle probe thread in the load generator woke 1.9 s late
        Noise.Outlier frozen = new Noise.Outlier("verify", 1964, "t", List.of("enroll"), 55, 0, 5, 0.5, 1900);
        Noise machineStall = Noise.of(QUIET, QUIET, 63, 0.2, 60, 4, 4, NO_PAUSES, NO_PAUSES, List.of(frozen));
        assertTrue(machineStall.noisy(), machineStall.reasons().toString());
        assertTrue(machineStall.reasons().get(0).contains("stall of the whole machine"));
        Noise.Outlier own = new Noise.Outlier("verify", 2712, "t", List.of("enroll"), 115, 0, 12, 1, 30);
        Noise quietMinute = Noise.of(QUIET, QUIET, 67, 1.4, 60, 5, 4, NO_PAUSES, NO_PAUSES, List.of(own));
        assertFalse(quietMinute.noisy(), quietMinute.reasons().toString());
    }

    @Test
    void onlyATailOnlyFailIsConfirmedByASecondRun() {
        RunSummary base = Summaries.summary("x", "mixed", false, java.time.Instant.now(), 1, 7);
        List<RunSummary.Check> tail = List.of(RunSummary.Check.of("health.p95", 4, "<", 20),
                                              RunSummary.Check.of("verify.p99", 291, "<", 150),
                                              RunSummary.Check.of("enroll.p999", 511, "<", 500));
        assertTrue(Verdict.worthConfirming(Summaries.withChecks(base, tail, Verdict.FAIL, null)));
        // a P95 miss is the service being slower, not one stall: fail at once
        List<RunSummary.Check> slower = List.of(RunSummary.Check.of("verify.p95", 90, "<", 75),
                                                RunSummary.Check.of("verify.p99", 291, "<", 150));
        assertFalse(Verdict.worthConfirming(Summaries.withChecks(base, slower, Verdict.FAIL, null)));
        // a collapse, errors, or anything but a fail is not re-run for confirmation
        assertFalse(Verdict.worthConfirming(Summaries.withChecks(base, tail, Verdict.FAIL, "2001 requests waiting")));
        List<RunSummary.Check> errors = List.of(RunSummary.Check.of("system.errorRatePercent", 5.9, "<", 0.1));
        assertFalse(Verdict.worthConfirming(Summaries.withChecks(base, errors, Verdict.FAIL, null)));
        assertFalse(Verdict.worthConfirming(Summaries.withChecks(base, tail, Verdict.INCONCLUSIVE, null)));
        assertFalse(Verdict.worthConfirming(Summaries.withChecks(base, List.of(), Verdict.PASS, null)));
    }

    @Test
    void aMissIsAFailOnAQuietMachineAndInconclusiveOnANoisyOne() {
        Noise noisy = Noise.of(new Calibration(2, 300, 0.6), QUIET, 95, 0, 40, 4, 4, NO_PAUSES, NO_PAUSES, List.of());
        Outcomes none = Outcomes.of(0, 0, 0, 300, 1);
        assertEquals(Verdict.PASS, Verdict.decide(checks(5, 0), noisy, none, 1000, 0.1, null).verdict());
        assertEquals(Verdict.FAIL, Verdict.decide(checks(57, 0), quiet(), none, 1000, 0.1, null).verdict());
        Verdict inconclusive = Verdict.decide(checks(57, 0), noisy, none, 1000, 0.1, null);
        assertEquals(Verdict.INCONCLUSIVE, inconclusive.verdict());
        assertTrue(inconclusive.reasons().getFirst().startsWith("health.p95 = 57.0"), inconclusive.reasons().toString());
    }

    @Test
    void aCollapseOnAMachineFilledByTheGeneratorAndTheDatabaseIsInconclusive() {
        String collapse = "2001 requests waiting for the service at once";
        // measured 2026-12-02: the service held 57 % of a full machine, the load generator and PostgreSQL the rest
        Noise shared = Noise.of(QUIET, QUIET, 94, 0.3, 86, 5, 5, NO_PAUSES, NO_PAUSES, List.of(),
                                new Saturation(97.5, 57, 28, 11));
        Verdict verdict = Verdict.decide(checks(5, 0), shared, null, 1000, 0.1, collapse);
        assertEquals(Verdict.INCONCLUSIVE, verdict.verdict());
        assertTrue(verdict.reasons().stream().anyMatch(r -> r.startsWith("the machine was full (97.5 %")),
                   verdict.reasons().toString());
        // the service had the machine to itself (an interpreted service: the generator waits for its answers)
        Noise owned = Noise.of(QUIET, QUIET, 97, 0.3, 95, 5, 5, NO_PAUSES, NO_PAUSES, List.of(),
                               new Saturation(98, 88, 6, 3));
        assertEquals(Verdict.FAIL, Verdict.decide(checks(5, 0), owned, null, 1000, 0.1, collapse).verdict());
        // a machine with CPU to spare: the service fell behind on its own
        Noise spare = Noise.of(QUIET, QUIET, 74, 0.3, 72, 5, 5, NO_PAUSES, NO_PAUSES, List.of(),
                               new Saturation(80, 45, 25, 10));
        assertEquals(Verdict.FAIL, Verdict.decide(checks(5, 0), spare, null, 1000, 0.1, collapse).verdict());
    }

    @Test
    void wrongAnswersAndCollapsesOnAQuietMachineAreNeverExcused() {
        Noise noisy = Noise.of(new Calibration(2, 300, 0.6), QUIET, 95, 0, 40, 4, 4, NO_PAUSES, NO_PAUSES, List.of());
        // 2 impostors accepted in 1000 requests: over the 0.1 % budget, noise or not
        Outcomes wrong = Outcomes.of(0, 2, 2, 300, 0);
        assertEquals(Verdict.FAIL, Verdict.decide(checks(5, 0.2), noisy, wrong, 1000, 0.1, null).verdict());
        // timeouts on a noisy machine may be the machine's
        Outcomes timeouts = Outcomes.of(2, 0, 0, 300, 0);
        assertEquals(Verdict.INCONCLUSIVE, Verdict.decide(checks(5, 0.2), noisy, timeouts, 1000, 0.1, null).verdict());
        Verdict collapsed = Verdict.decide(checks(5, 0), quiet(), timeouts, 1000, 0.1, "2001 requests waiting");
        assertEquals(Verdict.FAIL, collapsed.verdict());
        assertEquals("stopped early: 2001 requests waiting", collapsed.reasons().getFirst());
        assertEquals(Verdict.INCONCLUSIVE, Verdict.decide(checks(5, 0), noisy, timeouts, 1000, 0.1, "x").verdict());
    }

    @Test
    void frrUnderLoadIsRejectsOverGenuineCaptures() {
        assertEquals(0.5, Outcomes.of(0, 0, 0, 400, 2).frrUnderLoadPercent());
        assertEquals(0, Outcomes.of(0, 0, 0, 0, 0).frrUnderLoadPercent());
    }
}
