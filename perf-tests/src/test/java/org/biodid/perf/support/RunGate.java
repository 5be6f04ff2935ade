package org.biodid.perf.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.biodid.perf.model.Noise;
import org.biodid.perf.model.PerfConfig;
import org.biodid.perf.model.RunSummary;
import org.biodid.perf.model.Verdict;

/**
 * The last step of {@code mvn -Pperf verify}: the gate. It reads the run summaries written in this build (the
 * run, and the automatic re-run when the first was inconclusive) and fails the build unless the last one passed:
 * <ul>
 *     <li>no summary, or no measured request: the simulation did not really run;</li>
 *     <li>{@code fail}: "performance gate FAILED", with the missed targets;</li>
 *     <li>{@code inconclusive} twice: "performance gate INCONCLUSIVE", with the noise that was measured, unless
 *     {@code -Dbiodid.perf.allowInconclusive=true} (then reported loudly and the build goes on).</li>
 * </ul>
 */
public final class RunGate {

    private RunGate() {
    }

    /**
     * Check.
     *
     * @param args the summary directory ({@code target/perf-results})
     */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/perf-results");
        Instant since = ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH);
        String problem = check(dir, since, PerfConfig.getBoolean("biodid.perf.allowInconclusive", false));
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /**
     * The gate's decision.
     *
     * @param dir summary directory
     * @param since the build's start; older summaries do not count
     * @param allowInconclusive an inconclusive last run does not fail
     * @return null when the build may go on, else the build's failure message
     */
    public static String check(Path dir, Instant since, boolean allowInconclusive) {
        List<Path> fresh;
        try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            fresh = files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !f.getFileName().toString().equals("latest.json"))
                    .filter(f -> modified(f).isAfter(since))
                    .sorted(Comparator.comparing(RunGate::modified))
                    .toList();
        } catch (IOException e) {
            return "performance gate: cannot list " + dir + ": " + e;
        }
        if (fresh.isEmpty()) {
            return "performance gate: no simulation ran in this build (no run summary in " + dir + " since " + since + ")";
        }
        String firstVerdict = null;
        for (int i = 0; i < fresh.size() - 1; i++) {
            RunSummary earlier = RunSummary.read(fresh.get(i));
            if (i == 0) {
                firstVerdict = earlier.verdict();
            }
            System.out.println("performance gate: run " + (i + 1) + " of " + fresh.size() + " (" + earlier.runId()
                                       + ") was " + earlier.verdict() + ": " + earlier.verdictReasons());
        }
        Path file = fresh.getLast();
        RunSummary last = RunSummary.read(file);
        String verdict = last.verdict() != null ? last.verdict() : last.passed() ? Verdict.PASS : Verdict.FAIL;
        if (last.requests() == 0 && !Verdict.INCONCLUSIVE.equals(verdict)) {
            return "performance gate FAILED: the simulation ran no measured request: " + last.verdictReasons()
                    + " (" + file + ")";
        }
        String runs = firstVerdict != null ? " after an automatic re-run (the first run was " + firstVerdict + ")" : "";
        return switch (verdict) {
            case Verdict.PASS -> {
                System.out.println("performance gate PASSED" + runs + ": " + last.workload() + " ran "
                                           + last.requests() + " requests and met every target (" + file + ")");
                yield null;
            }
            case Verdict.INCONCLUSIVE -> {
                String message = "performance gate INCONCLUSIVE" + runs + ": targets were missed while the machine was"
                        + " measurably noisy, so the run cannot tell a slow service from a busy machine. Missed and"
                        + " noise: " + last.verdictReasons() + noiseFigures(last.noise()) + " (" + file + "). Re-run on"
                        + " a quiet machine, or pass -Dbiodid.perf.allowInconclusive=true to accept it.";
                if (allowInconclusive) {
                    System.out.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
                    System.out.println("WARNING (allowed by biodid.perf.allowInconclusive): " + message);
                    System.out.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
                    yield null;
                }
                yield message;
            }
            default -> "performance gate FAILED" + runs + ": " + last.verdictReasons() + noiseFigures(last.noise())
                    + " (" + file + ")";
        };
    }

    private static String noiseFigures(Noise n) {
        if (n == null) {
            return "";
        }
        return String.format("; measured: machine busy %.1f %%, foreign CPU %.1f %%, steal %.2f %%, calibration %s/%s,"
                                     + " load %.2f -> %.2f, load-generator pause max %s ms, service pause max %s ms",
                             n.machineBusyPercent(), n.foreignPercent(), n.stealPercent(),
                             n.calibrationBefore() == null ? "-" : n.calibrationBefore().availability(),
                             n.calibrationAfter() == null ? "-" : n.calibrationAfter().availability(),
                             n.loadAverageStart(), n.loadAverageEnd(),
                             n.generatorPauses() == null ? "-" : n.generatorPauses().maxMs(),
                             n.servicePauses() == null ? "-" : n.servicePauses().maxMs());
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
