package org.biodid.perf.model;


import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Run summaries for the harness's own tests.
 */
public final class Summaries {

    private Summaries() {
    }

    public static RunSummary summary(String runId, String workload, boolean passed, Instant startedAt, long healthP95,
                              long verifyP95) {
        Map<String, OperationStats> operations = new LinkedHashMap<>();
        operations.put("health", new OperationStats("health", 5000, 0, 0, 500, 0, 1.2, 1, 1, healthP95, 3, 30));
        operations.put("verify", new OperationStats("verify", 3000, 3, 0.1, 300, 2, 6.5, 5, 6, verifyP95, 20, 80));
        RunSummary.Server server = new RunSummary.Server(0, 10, 35.5, 60.1, 71.0, 410.2, 400.0, 380.0, 410.0,
                                                         List.of(new double[] {startedAt.toEpochMilli() + 1000, 30, 400},
                                                                 new double[] {startedAt.toEpochMilli() + 2000, 41, 410}));
        RunSummary.Environment environment = new RunSummary.Environment("abc123", "perf", false, "OpenJDK 25", 2,
                                                                        "Linux", "http://127.0.0.1:1", true, "h2",
                                                                        "test", "3.15.1", 1.5, 2.5);
        List<RunSummary.Check> checks = List.of(RunSummary.Check.of("requests", 8000, ">", 0),
                                                RunSummary.Check.of("health.p95", healthP95, "<", passed ? 1e9 : 0));
        return new RunSummary(1, runId, workload, "org.example.Simulation", startedAt.toString(),
                              startedAt.plusSeconds(80).toString(), startedAt.plusSeconds(15).toString(),
                              startedAt.plusSeconds(75).toString(), 60, 800, 8000, 3, 0.0375, 133.3, operations, null,
                              server, null, environment, Targets.load(), checks, List.of(), passed,
                              Baseline.compare(operations, List.of(), 20, 2), false, null, null, null);
    }

    /**
     * The same summary with another verdict.
     *
     * @param s summary
     * @param verdict verdict
     * @param reasons reasons
     * @return summary
     */
    public static RunSummary withChecks(RunSummary s, List<RunSummary.Check> checks, String verdict, String aborted) {
        return new RunSummary(s.schemaVersion(), s.runId(), s.workload(), s.simulation(), s.startedAt(),
                              s.finishedAt(), s.measuredStart(), s.measuredEnd(), s.measuredSeconds(), s.offeredRps(),
                              s.requests(), s.errors(), s.errorRatePercent(), s.throughputRps(), s.operations(),
                              s.levels(), s.server(), s.loadGenerator(), s.environment(), s.targets(), checks,
                              s.bar(), Verdict.PASS.equals(verdict), s.baseline(), s.regression(), s.kneeRps(),
                              s.gatlingRunDir(), s.jfrFile(), verdict, List.of(), null, null, aborted);
    }

    public static RunSummary withVerdict(RunSummary s, String verdict, List<String> reasons) {
        return new RunSummary(s.schemaVersion(), s.runId(), s.workload(), s.simulation(), s.startedAt(),
                              s.finishedAt(), s.measuredStart(), s.measuredEnd(), s.measuredSeconds(), s.offeredRps(),
                              s.requests(), s.errors(), s.errorRatePercent(), s.throughputRps(), s.operations(),
                              s.levels(), s.server(), s.loadGenerator(), s.environment(), s.targets(), s.checks(),
                              s.bar(), Verdict.PASS.equals(verdict), s.baseline(), s.regression(), s.kneeRps(),
                              s.gatlingRunDir(), s.jfrFile(), verdict, reasons, null, null, null);
    }
}
