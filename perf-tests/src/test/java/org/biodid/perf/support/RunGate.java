package org.biodid.perf.support;

import org.biodid.perf.model.RunSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The last step of {@code mvn -Pperf verify}: fails the build unless a simulation really ran in this build and
 * met every target. It catches what Gatling's own assertions cannot: a build in which no simulation ran (or
 * ran no request), and the harness's resource checks (CPU, RSS, stress knee), which are not Gatling
 * statistics. Gatling's assertions have already failed the build for latency and errors.
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
        String problem = check(dir, since);
        if (problem != null) {
            throw new IllegalStateException("performance run gate: " + problem);
        }
    }

    /**
     * The gate's verdict.
     *
     * @param dir summary directory
     * @param since the build's start; older summaries do not count
     * @return null when the run is good, else what is wrong
     */
    public static String check(Path dir, Instant since) {
        List<Path> fresh;
        try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            fresh = files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> modified(f).isAfter(since))
                    .sorted(Comparator.comparing(RunGate::modified))
                    .toList();
        } catch (IOException e) {
            return "cannot list " + dir + ": " + e;
        }
        if (fresh.isEmpty()) {
            return "no simulation ran in this build (no run summary in " + dir + " since " + since + ")";
        }
        for (Path file : fresh) {
            RunSummary summary = RunSummary.read(file);
            if (summary.requests() == 0) {
                return "the simulation ran no measured request (" + file + ")";
            }
            if (!summary.passed()) {
                return "targets missed: " + summary.checks().stream().filter(c -> !c.passed())
                        .map(c -> c.name() + "=" + c.actual() + " (" + c.comparator() + " " + c.limit() + ")")
                        .toList() + " (" + file + ")";
            }
            System.out.println("performance run gate: " + summary.workload() + " ran " + summary.requests()
                                       + " requests and met every target (" + file + ")");
        }
        return null;
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
