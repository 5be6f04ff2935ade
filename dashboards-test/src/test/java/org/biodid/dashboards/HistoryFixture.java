package org.biodid.dashboards;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;

import org.biodid.perf.model.OperationStats;
import org.biodid.perf.model.RunHistory;
import org.biodid.perf.model.RunSummary;
import org.biodid.perf.model.Targets;

/**
 * Realistic benchmark runs, as the harness summarizes them, recorded through the harness's own writer.
 * The targets are the harness's real targets file.
 */
final class HistoryFixture {

    /** One recorded run, as the tests expect to see it again. */
    record Run(String id, String workload, String branch, Instant started, boolean passed, boolean regression) {
    }

    static final List<String> MIXED_OPERATIONS = List.of("enroll", "generate", "health", "verify");

    private final Targets targets = loadTargets();
    private final SplittableRandom random = new SplittableRandom(6);
    private final List<Run> runs = new ArrayList<>();

    List<Run> runs() {
        return runs;
    }

    Targets targets() {
        return targets;
    }

    /**
     * Eight daily mixed-workload runs on main (one a regression, one failing a target), three on a feature
     * branch, and two health-only runs, all within the last ten days.
     *
     * @param history where to record
     */
    void record(RunHistory history) {
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(9));
        for (int day = 0; day < 8; day++) {
            boolean regression = day == 5;
            boolean slowHealth = day == 6;
            history.record(run("mixed", "main", base.plus(Duration.ofDays(day)), MIXED_OPERATIONS, 1200,
                               regression ? 2.5 : 1.0, slowHealth, regression));
        }
        for (int i = 0; i < 3; i++) {
            history.record(run("mixed", "perf", base.plus(Duration.ofDays(7)).plus(Duration.ofHours(2 + i)),
                               MIXED_OPERATIONS, 1200, 0.8, false, false));
        }
        for (int i = 0; i < 2; i++) {
            history.record(run("health", "main", base.plus(Duration.ofDays(3 + i)).plus(Duration.ofHours(1)),
                               List.of("health"), 2000, 1.0, false, false));
        }
    }

    private RunSummary run(String workload, String branch, Instant started, List<String> operations, double rate,
                           double slowdown, boolean slowHealth, boolean regression) {
        String id = started.toString().replace(":", "").replace("-", "").toLowerCase() + "-" + workload + "-" + branch;
        double seconds = 60;
        Instant measuredStart = started.plusSeconds(10);
        Instant finished = measuredStart.plusSeconds((long) seconds + 5);
        Map<String, OperationStats> ops = new LinkedHashMap<>();
        List<RunSummary.Check> checks = new ArrayList<>();
        long requests = 0;
        long errors = 0;
        for (String op : operations) {
            double share = operations.size() == 1 ? 1.0 : switch (op) {
                case "health" -> 0.5;
                case "verify" -> 0.3;
                default -> 0.1;
            };
            long count = Math.round(rate * share * seconds);
            long opErrors = op.equals("enroll") && random.nextInt(3) == 0 ? 1 : 0;
            double typical = switch (op) {
                case "health" -> 1;
                case "verify" -> 4;
                case "enroll" -> 9;
                default -> 2;
            } * slowdown;
            if (slowHealth && op.equals("health")) {
                typical = 15;
            }
            long p50 = Math.max(1, Math.round(typical));
            long p75 = Math.max(p50, Math.round(typical * 1.3));
            long p95 = Math.max(p75, Math.round(typical * 2 + random.nextInt(2)));
            long p99 = Math.max(p95, Math.round(typical * 4 + random.nextInt(3)));
            long max = Math.max(p99, Math.round(typical * 10 + random.nextInt(20)));
            OperationStats stats = new OperationStats(op, count, opErrors, round(100.0 * opErrors / count),
                                                      round(count / seconds), Math.max(0, p50 - 1), typical * 1.1,
                                                      p50, p75, p95, p99, max);
            ops.put(op, stats);
            Targets.OperationTarget t = targets.operation(op);
            for (String metric : List.of("p50", "p95", "p99", "max")) {
                checks.add(RunSummary.Check.of(op + "." + metric, stats.metric(metric), "<", t.limit(metric)));
            }
            requests += count;
            errors += opErrors;
        }
        double errorRate = round(100.0 * errors / requests);
        double throughput = round(requests / seconds);
        checks.add(RunSummary.Check.of("global.errorRatePercent", errorRate, "<", targets.errorRatePercent()));
        if (workload.equals("mixed")) {
            checks.add(RunSummary.Check.of("global.throughputRps", throughput, ">", targets.throughputRps()));
        }
        if (regression) {
            checks.add(RunSummary.Check.of("baseline.regression", 1, "<", 1));
        }
        boolean passed = checks.stream().allMatch(RunSummary.Check::passed);

        List<double[]> timeline = new ArrayList<>();
        double cpuSum = 0;
        double cpuMax = 0;
        double rssSum = 0;
        double rssMax = 0;
        for (int s = 0; s <= seconds; s++) {
            double cpu = 35 + random.nextDouble() * 20;
            double rss = 180 + s * 0.5 + random.nextDouble() * 10;
            timeline.add(new double[] {measuredStart.plusSeconds(s).toEpochMilli(), round(cpu), round(rss)});
            cpuSum += cpu;
            cpuMax = Math.max(cpuMax, cpu);
            rssSum += rss;
            rssMax = Math.max(rssMax, rss);
        }
        RunSummary.Server server = new RunSummary.Server(4242, timeline.size(), round(cpuSum / timeline.size()),
                                                         round(cpuMax), round(2 * cpuSum / timeline.size()),
                                                         round(rssMax), round(rssSum / timeline.size()),
                                                         timeline.getFirst()[2], timeline.getLast()[2], timeline);
        String commit = String.format("%016x%016x%08x", random.nextLong(), random.nextLong(), random.nextInt());
        RunSummary.Environment environment = new RunSummary.Environment(
                commit.substring(0, 40), branch, false, "Temurin 21.0.5", 2, "Linux 6.1 amd64",
                "http://127.0.0.1:8080", true, "postgresql", "project", "3.15.1");
        runs.add(new Run(id, workload, branch, started, passed, regression));
        return new RunSummary(1, id, workload, "org.biodid.perf.simulations." + capitalize(workload) + "WorkloadSimulation",
                              started.toString(), finished.toString(), measuredStart.toString(),
                              measuredStart.plusSeconds((long) seconds).toString(), seconds, rate, requests, errors,
                              errorRate, throughput, ops, null, server, environment, targets, checks, List.of(),
                              passed, null, regression, null, "target/gatling/" + id, null);
    }

    private static Targets loadTargets() {
        Path file = Path.of(System.getProperty("biodid.targetsFile", "../perf-tests/src/main/resources/targets.properties"));
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the harness's targets file " + file.toAbsolutePath(), e);
        }
        return Targets.parse(properties);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
