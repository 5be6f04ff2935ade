package org.biodid.perf.support;

import org.biodid.perf.model.Baseline;
import org.biodid.perf.model.JvmPauses;
import org.biodid.perf.model.Noise;
import org.biodid.perf.model.OperationStats;
import org.biodid.perf.model.Outcomes;
import org.biodid.perf.model.RunSummary;
import org.biodid.perf.model.Targets;

/**
 * The console report of a run: per-operation statistics against the targets, failed checks, the project's
 * bar, service resources, and the baseline comparison.
 */
public final class Report {

    private Report() {
    }

    /**
     * Render.
     *
     * @param s summary
     * @return text
     */
    public static String text(RunSummary s) {
        StringBuilder out = new StringBuilder();
        out.append("================ BioDID performance: ").append(s.workload()).append(" (").append(s.runId())
                .append(") ================\n");
        out.append(String.format("measured %.1f s, %d requests, %d errors (%.3f %%), %.1f req/s%s%n",
                                 s.measuredSeconds(), s.requests(), s.errors(), s.errorRatePercent(),
                                 s.throughputRps(),
                                 s.offeredRps() > 0 ? String.format(" (offered %.0f req/s)", s.offeredRps()) : ""));
        out.append(String.format("  %-9s %8s %6s %8s %5s %7s %5s %5s %5s %5s %6s %6s   %s%n", "operation", "count", "KO",
                                 "req/s", "min", "mean", "p50", "p75", "p95", "p99", "p99.9", "max", "targets p50/p95/p99/max(p99.9)"));
        for (OperationStats o : s.operations().values()) {
            Targets.OperationTarget t = s.targets().operations().get(o.operation());
            out.append(String.format("  %-9s %8d %6d %8.1f %5d %7.2f %5d %5d %5d %5d %6d %6d   %s%n", o.operation(),
                                     o.count(), o.errors(), o.throughputRps(), o.minMs(), o.meanMs(), o.p50Ms(),
                                     o.p75Ms(), o.p95Ms(), o.p99Ms(), o.p999Ms(), o.maxMs(),
                                     t == null ? "-" : "<" + t.p50() + "/<" + t.p95() + "/<" + t.p99() + "/<" + t.max()));
        }
        if (s.levels() != null) {
            out.append("stress levels (p95 ms per operation):\n");
            s.levels().forEach((name, o) -> out.append(String.format("  %-14s %7d req %6d KO  p95 %5d  p99 %5d%n",
                                                                     name, o.count(), o.errors(), o.p95Ms(),
                                                                     o.p99Ms())));
            out.append("knee: ").append(s.kneeRps() == null ? "none (no level met every P95 target)"
                                                : String.format("%.0f req/s", s.kneeRps())).append('\n');
        }
        if (s.server() != null) {
            RunSummary.Server r = s.server();
            out.append(String.format("service: CPU avg %.1f %% / max %.1f %% of the machine (%.1f %% of one core),"
                                             + " RSS max %.0f MiB, avg %.0f MiB (start %.0f, end %.0f)%n",
                                     r.cpuAvgPercent(), r.cpuMaxPercent(), r.cpuAvgPercentOfCore(), r.rssMaxMb(),
                                     r.rssAvgMb(), r.rssStartMb(), r.rssEndMb()));
        } else {
            out.append("service: resources not sampled (external service without -Dbiodid.servicePid)\n");
        }
        if (s.loadGenerator() != null) {
            out.append(String.format("load generator (Gatling JVM): CPU avg %.1f %% / max %.1f %% of the machine;"
                                             + " machine load average %.2f -> %.2f on %d cores%n",
                                     s.loadGenerator().cpuAvgPercent(), s.loadGenerator().cpuMaxPercent(),
                                     s.environment().loadAverageStart(), s.environment().loadAverageEnd(),
                                     s.environment().cores()));
        }
        long failed = s.checks().stream().filter(c -> !c.passed()).count();
        out.append(String.format("targets: %s (%d checks, %d failed)%n", s.passed() ? "PASSED" : "FAILED",
                                 s.checks().size(), failed));
        s.checks().stream().filter(c -> !c.passed()).forEach(c -> out.append(
                String.format("  FAILED %s = %s, must be %s %s%n", c.name(), num(c.actual()), c.comparator(),
                              num(c.limit()))));
        out.append("project bar (reported only):");
        if (s.bar().isEmpty()) {
            out.append(" n/a");
        }
        s.bar().forEach(c -> out.append(String.format(" %s %s %s%s%s;", c.name(), num(c.actual()), c.comparator(),
                                                      num(c.limit()), c.passed() ? " ok" : " MISSED")));
        out.append('\n');
        if (s.baseline() != null) {
            out.append(Baseline.table(s.baseline()));
        }
        if (s.outcomes() != null) {
            Outcomes o = s.outcomes();
            out.append(String.format("outcomes: %d server faults (5xx, timeouts), %d wrong answers (%d impostors accepted);"
                                             + " biometric FRR under load %d / %d genuine captures = %.3f %% (not errors)%n",
                                     o.serverFaults(), o.wrongAnswers(), o.impostorsAccepted(), o.biometricRejects(),
                                     o.genuineCaptures(), o.frrUnderLoadPercent()));
        }
        if (s.noise() != null) {
            out.append(noise(s.noise()));
        }
        out.append(String.format("VERDICT: %s%s%n", s.verdict() == null ? "-" : s.verdict().toUpperCase(),
                                 s.aborted() != null ? " (stopped early: " + s.aborted() + ")" : ""));
        if (s.verdictReasons() != null) {
            s.verdictReasons().forEach(r -> out.append("  - ").append(r).append('\n'));
        }
        return out.toString();
    }

    /**
     * The noise section as text.
     *
     * @param n noise
     * @return text
     */
    static String noise(Noise n) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("noise: machine busy %.1f %% (run %.1f %%, foreign %.1f %%, steal %.2f %%), load %.2f -> %.2f;"
                                         + " calibration availability %s before, %s after%n",
                                 n.machineBusyPercent(), n.runPercent(), n.foreignPercent(), n.stealPercent(),
                                 n.loadAverageStart(), n.loadAverageEnd(),
                                 n.calibrationBefore() == null ? "-" : n.calibrationBefore().availability(),
                                 n.calibrationAfter() == null ? "-" : n.calibrationAfter().availability()));
        for (var e : new Object[][] {{"service", n.servicePauses()}, {"load generator", n.generatorPauses()}}) {
            JvmPauses.Stats p = (JvmPauses.Stats) e[1];
            if (p != null) {
                out.append(String.format("  %s pauses in window: %d, total %.1f ms, max %.1f ms (%s); GC %d, total %.1f ms,"
                                                 + " max %.1f ms%n", e[0], p.count(), p.totalMs(), p.maxMs(),
                                         p.maxOperation() == null ? "-" : p.maxOperation(), p.gcCount(), p.gcTotalMs(),
                                         p.gcMaxMs()));
            }
        }
        n.outliers().forEach(o -> out.append(String.format(
                "  slowest %-8s %6.0f ms at %s; coincides with %s; service pauses %.1f ms, generator pauses %.1f ms;"
                        + " around it foreign CPU up to %.1f %%, steal up to %.1f %%, machine stall up to %.0f ms%n",
                o.operation(), o.maxMs(), o.startedAt(), o.coincidingOperations(), o.servicePauseMs(),
                o.generatorPauseMs(), o.foreignBurstPercent(), o.stealBurstPercent(), o.machineStallMs())));
        out.append("  noisy: ").append(n.noisy() ? "YES " + n.reasons() : "no").append('\n');
        return out.toString();
    }

    private static String num(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
