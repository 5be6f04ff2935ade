package org.biodid.perf.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.biodid.perf.model.RunHistory;
import org.biodid.perf.model.RunSummary;
import org.biodid.perf.model.Verdict;

/**
 * Where a run's results go: the summary files, the history, the console, the re-run decision for the gate, and
 * the load generator's exit status.
 */
final class RunOutputs {

    /** Read by the {@code perf} profile between the first run and the re-run (properties-maven-plugin). */
    static final String RERUN_FILE = "rerun.properties";

    /** Exit status of an inconclusive run (fail: 2, like failed Gatling assertions). */
    static final int INCONCLUSIVE_STATUS = 3;

    private RunOutputs() {
    }

    /**
     * Before the run: no re-run unless this run asks for one (a stale decision must not trigger one).
     *
     * @param summaryDir summary directory
     */
    static void resetRerun(Path summaryDir) {
        writeRerun(summaryDir, false);
    }

    /**
     * Write, record and print the summary.
     *
     * @param summary summary
     * @param summaryDir {@code target/perf-results}
     * @param runDir Gatling's report folder (may be null)
     * @param history history
     */
    static void publish(RunSummary summary, Path summaryDir, Path runDir, RunHistory history) {
        String file = summary.runId() + ".json";
        summary.write(summaryDir.resolve(file));
        // A fixed name for CI steps and people who want "the last run" without knowing its id.
        summary.write(summaryDir.resolve("latest.json"));
        if (runDir != null) {
            summary.write(runDir.resolve("biodid-summary.json"));
        }
        System.out.println(Report.text(summary));
        try {
            history.record(summary);
            System.out.println("Recorded in " + history.describe());
        } catch (RuntimeException e) {
            System.out.println("WARNING: run NOT recorded in " + history.describe() + ": " + e);
        }
        System.out.println("Summary: " + summaryDir.resolve(file).toAbsolutePath());
        writeRerun(summaryDir, Verdict.INCONCLUSIVE.equals(summary.verdict()) || Verdict.worthConfirming(summary));
    }

    /**
     * Make the verdict the load generator's exit status once Gatling has written its report: pass 0, fail 2,
     * inconclusive 3 (0 with {@code biodid.perf.allowInconclusive}). Throwing from {@code after()} would make
     * Gatling skip its report ("Run crashed"), so the status is set by a shutdown hook instead.
     *
     * @param verdict the verdict (null: the harness could not summarize; Gatling's own status stands)
     * @param settings settings
     */
    static void exitWith(String verdict, HarnessSettings settings) {
        if (verdict == null || !settings.failOnHarnessChecks()) {
            return;
        }
        int status = switch (verdict) {
            case Verdict.PASS -> 0;
            case Verdict.INCONCLUSIVE -> settings.allowInconclusive() ? 0 : INCONCLUSIVE_STATUS;
            default -> 2;
        };
        System.out.println("BioDID perf: verdict " + verdict.toUpperCase() + " (load generator exit status " + status
                                   + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Runtime.getRuntime().halt(status),
                                                        "biodid-verdict-exit-status"));
    }

    /**
     * Gatling's report folder of this run: the newest folder named after the simulation.
     *
     * @param results Gatling's results folder
     * @param simulation simulation class name
     * @param notBeforeMillis ignore folders older than this
     * @return folder or null
     */
    static Path gatlingRunDir(Path results, String simulation, long notBeforeMillis) {
        if (!Files.isDirectory(results)) {
            return null;
        }
        String prefix = simulation.substring(simulation.lastIndexOf('.') + 1).toLowerCase();
        try (Stream<Path> dirs = Files.list(results)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().startsWith(prefix))
                    .filter(d -> lastModified(d) >= notBeforeMillis)
                    .max(Comparator.comparingLong(RunOutputs::lastModified))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static void writeRerun(Path summaryDir, boolean rerun) {
        try {
            Files.createDirectories(summaryDir);
            Files.writeString(summaryDir.resolve(RERUN_FILE),
                              "# Written by the harness: whether the perf profile re-runs the simulation once\n"
                                      + "# (the first run's verdict was inconclusive: a miss that coincided with noise).\n"
                                      + "biodid.perf.skipRerun=" + !rerun + "\n");
        } catch (IOException e) {
            System.out.println("WARNING: cannot write " + RERUN_FILE + ": " + e);
        }
    }

    private static long lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
