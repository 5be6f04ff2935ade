package org.biodid.perf.support;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * One harness run around a Gatling simulation: built in the simulation's constructor (targets, history and
 * baseline, the target URL), {@link #start()} in {@code before()} (service process, resource sampler),
 * {@link #finish()} in {@code after()} (summary, checks, history, baseline comparison, profile).
 *
 * <p>Properties (system property or environment variable, see {@link PerfConfig}):
 * <ul>
 *     <li>{@code biodid.baseUrl}: target an already running service instead of starting one;
 *     {@code biodid.baseUrls}: several running instances, comma-separated, load spread over them (round robin
 *     per virtual user)
 *     ({@code biodid.servicePid}: its pid, to sample its CPU and RSS)</li>
 *     <li>{@code biodid.serviceJar}, {@code biodid.serviceJvmArgs}: the service the harness starts</li>
 *     <li>{@code biodid.apiKey}: the API key (default: a random key the started service is given)</li>
 *     <li>{@code biodid.profile=true}: JDK Flight Recorder on the service; recording kept next to the report</li>
 *     <li>{@code biodid.perf.db.url|user|password}: history in PostgreSQL, else {@code biodid.perf.historyCsv}</li>
 *     <li>{@code biodid.perf.baselineRuns} (5), {@code biodid.perf.tolerancePercent} (20),
 *     {@code biodid.perf.slackMs} (2), {@code biodid.perf.failOnRegression} (false)</li>
 * </ul>
 */
public final class PerfRun {

    private final Workload workload;
    private final String simulation;
    private final Targets targets;
    private final RunRecorder recorder = new RunRecorder();
    private final IdentityPool pool = new IdentityPool();
    private final FingerprintSource prints;
    private final Chains chains;
    private final String apiKey;
    private final String externalBaseUrl;
    private final int port;
    private final String baseUrl;
    private final List<String> extraBaseUrls;
    private final boolean profile;
    private final Path serviceJar;
    private final Path projectDir;
    private final RunHistory history;
    private final List<Baseline.HistoricRun> baselineRuns;
    private final double tolerancePercent;
    private final double slackMs;
    private final boolean failOnRegression;
    private final String runId;
    private double[] levelRates;

    /** Checks that Gatling cannot assert (not in its statistics); the harness fails the run for them. */
    private static final List<String> HARNESS_CHECKS = List.of("system.throughputRps", "system.cpuPercent",
                                                               "system.rssMb", "system.kneeRps",
                                                               "baseline.regression");

    private List<String> harnessFailures = List.of();
    private ServiceProcess service;
    private ResourceSampler sampler;
    private ResourceSampler generatorSampler;
    private Instant startedAt;
    private double loadAverageStart;

    /**
     * Prepare a run (in the simulation's constructor).
     *
     * @param workload what the simulation measures
     * @param simulation simulation class
     */
    public PerfRun(Workload workload, Class<?> simulation) {
        this.workload = workload;
        this.simulation = simulation.getName();
        this.targets = Targets.load();
        workload.operations().forEach(targets::operation); // every measured operation must have targets
        this.projectDir = PerfConfig.getPath("biodid.perf.projectDir", "..");
        this.serviceJar = PerfConfig.getPath("biodid.serviceJar", "../service/target/biodid-service.jar");
        // biodid.baseUrls spreads the load over several running instances (scale-out); the first one stands for
        // them in the summary.
        this.extraBaseUrls = PerfConfig.get("biodid.baseUrls")
                .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(u -> !u.isEmpty())
                        .map(u -> u.replaceAll("/+$", "")).toList())
                .orElse(List.of());
        this.externalBaseUrl = PerfConfig.get("biodid.baseUrl").map(u -> u.replaceAll("/+$", ""))
                .or(() -> extraBaseUrls.stream().findFirst())
                .orElse(null);
        this.port = externalBaseUrl == null ? ServiceProcess.freeLoopbackPort() : -1;
        this.baseUrl = externalBaseUrl != null ? externalBaseUrl : "http://127.0.0.1:" + port;
        this.apiKey = PerfConfig.get("biodid.apiKey")
                .orElseGet(() -> "perf-" + HexFormat.of().formatHex(randomBytes()));
        this.profile = PerfConfig.getBoolean("biodid.profile", false);
        // Captures use the project's noise model scaled by 0.75 by default: at NoiseModel.DEFAULT the pipeline's own
        // false-reject rate (0.33 % of 1200 genuine 2-finger attempts, measured) exceeds the 0.1 % error budget,
        // so every run would fail on accuracy, not speed. -Dbiodid.perf.noiseScale=1 loads with the default noise.
        this.prints = new ProjectFingerprints(PerfConfig.getInt("biodid.perf.seed", 20261128),
                                              PerfConfig.getDouble("biodid.perf.noiseScale", 0.75));
        this.chains = new Chains(recorder, pool, prints, apiKey,
                                 PerfConfig.getDouble("biodid.perf.impostorShare", 0.1),
                                 PerfConfig.getDouble("biodid.perf.proofShare", 0.3),
                                 PerfConfig.getInt("biodid.perf.fingers", 2),
                                 ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        this.history = RunHistory.open();
        this.tolerancePercent = PerfConfig.getDouble("biodid.perf.tolerancePercent", 20);
        this.slackMs = PerfConfig.getDouble("biodid.perf.slackMs", 2);
        this.failOnRegression = PerfConfig.getBoolean("biodid.perf.failOnRegression", false);
        this.baselineRuns = history.lastPassing(workload.name(), PerfConfig.getInt("biodid.perf.baselineRuns", 5));
        this.runId = workload.name() + "-" + Instant.now().toString().replaceAll("[^0-9]", "").substring(0, 14)
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        System.out.printf("BioDID perf: workload %s, target %s, history %s (%d baseline run(s))%n",
                          workload.name(), externalBaseUrl != null ? externalBaseUrl : "service started by harness",
                          history.describe(), baselineRuns.size());
    }

    /**
     * The chains of this run.
     *
     * @return chains
     */
    public Chains chains() {
        return chains;
    }

    /**
     * The recorder of this run.
     *
     * @return recorder
     */
    public RunRecorder recorder() {
        return recorder;
    }

    /**
     * The HTTP protocol: the target, JSON, one shared keep-alive connection pool (API clients such as wallet
     * back-ends keep connections open), warm-up against the service's own liveness route.
     *
     * @return protocol
     */
    public HttpProtocolBuilder protocol() {
        return protocol(PerfConfig.getBoolean("biodid.perf.shareConnections", true));
    }

    /**
     * The HTTP protocol, choosing whether virtual users share one connection pool or each keep their own
     * connection (the closed model: 1000 users, 1000 connections).
     *
     * @param shareConnections share one pool
     * @return protocol
     */
    public HttpProtocolBuilder protocol(boolean shareConnections) {
        HttpProtocolBuilder protocol = (extraBaseUrls.size() > 1 ? http.baseUrls(extraBaseUrls) : http.baseUrl(baseUrl))
                .acceptHeader("application/json")
                .userAgentHeader("biodid-perf (Gatling)")
                .warmUp(baseUrl + "/health/live");
        return shareConnections ? protocol.shareConnections() : protocol;
    }

    /**
     * Stress ramp: the offered rate of each level, for the knee.
     *
     * @param rates level rates
     */
    public void levelRates(double... rates) {
        this.levelRates = rates.clone();
    }

    /**
     * The build-failing assertions, all from the targets file: per measured operation that it ran, its error
     * rate and (unless the workload is a stress ramp) its P50/P95/P99/max; globally, that requests ran and the
     * error rate. With {@code biodid.perf.failOnRegression},
     * each P50/P95/P99 also may not exceed its baseline by more than the tolerance.
     *
     * @return assertions for {@code setUp(...).assertions(...)}
     */
    public List<Assertion> assertions() {
        List<Assertion> assertions = new ArrayList<>();
        assertions.add(global().allRequests().count().gt(0L));
        assertions.add(global().failedRequests().percent().lt(targets.errorRatePercent()));
        // Throughput is not a Gatling assertion: Gatling divides by the whole run, seeding and warm-up included.
        // The harness checks it on the measured window (summary check system.throughputRps, enforced by RunGate).
        for (String operation : workload.operations()) {
            assertions.add(details(operation).allRequests().count().gt(0L));
            assertions.add(details(operation).failedRequests().percent().lt(targets.errorRatePercent()));
            if (workload.checksLatency()) {
                Targets.OperationTarget t = targets.operation(operation);
                assertions.add(details(operation).responseTime().percentile(50.0).lt(t.p50()));
                assertions.add(details(operation).responseTime().percentile(95.0).lt(t.p95()));
                assertions.add(details(operation).responseTime().percentile(99.0).lt(t.p99()));
                assertions.add(details(operation).responseTime().max().lt(t.max()));
            }
            if (failOnRegression) {
                for (String metric : List.of("p50", "p95", "p99")) {
                    double baseline = Baseline.median(baselineRuns, operation, metric);
                    if (!Double.isNaN(baseline)) {
                        int limit = (int) Math.floor(Baseline.limit(baseline, tolerancePercent, slackMs));
                        assertions.add(details(operation).responseTime()
                                               .percentile(Double.parseDouble(metric.substring(1))).lte(limit));
                    }
                }
            }
        }
        return assertions;
    }

    /**
     * Start the service (unless targeting a running one), wait for readiness, start sampling.
     */
    public void start() {
        startedAt = Instant.now();
        loadAverageStart = loadAverage();
        generatorSampler = ResourceSampler.start(ProcessHandle.current().pid());
        if (externalBaseUrl == null) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("APP_API_KEYS", apiKey + ":enroll+verify+admin");
            env.put("APP_REQUIRE_WALLET_SIGNATURE", "false"); // until the simulated wallets sign (Cip30Signer)
            env.put("APP_RATE_LIMIT_RPS", PerfConfig.get("biodid.service.rateLimitRps", "1000000"));
            env.put("APP_RATE_LIMIT_BURST", PerfConfig.get("biodid.service.rateLimitBurst", "1000000"));
            PerfConfig.get("biodid.service.db.url").ifPresent(v -> env.put("DB_CONNECTION_URL", v));
            PerfConfig.get("biodid.service.db.user").ifPresent(v -> env.put("DB_CONNECTION_USERNAME", v));
            PerfConfig.get("biodid.service.db.password").ifPresent(v -> env.put("DB_CONNECTION_PASSWORD", v));
            List<String> jvmArgs = Arrays.stream(PerfConfig.get("biodid.serviceJvmArgs",
                                                                "-Xms256m -Xmx1g -XX:+ExitOnOutOfMemoryError")
                                                         .split("\\s+")).filter(s -> !s.isBlank()).toList();
            service = ServiceProcess.start(serviceJar, port, jvmArgs, env, profile, java.time.Duration.ofSeconds(90));
            sampler = ResourceSampler.start(service.pid());
            System.out.printf("BioDID perf: service pid %d ready at %s (log %s)%n", service.pid(), baseUrl,
                              service.logFile());
        } else {
            ServiceProcess.awaitReady(externalBaseUrl, java.time.Duration.ofSeconds(30), () -> true);
            PerfConfig.get("biodid.servicePid").map(Long::parseLong)
                    .ifPresent(pid -> sampler = ResourceSampler.start(pid));
        }
    }

    /**
     * Stop everything, then summarize, check, compare, record and print. A broken history does not hide the
     * run's results (it is reported instead). When a check that Gatling cannot assert failed (throughput on the
     * measured window, CPU, RSS, stress knee, regression), the Gatling JVM exits with status 2 after Gatling has
     * written its report, unless {@code -Dbiodid.perf.failOnHarnessChecks=false}.
     */
    public void finish() {
        Instant finishedAt = Instant.now();
        List<ResourceSampler.Sample> samples = List.of();
        List<ResourceSampler.Sample> generatorSamples = List.of();
        if (generatorSampler != null) {
            generatorSampler.close();
            generatorSamples = generatorSampler.samples();
        }
        if (sampler != null) {
            sampler.close();
            samples = sampler.samples();
        }
        if (service != null) {
            service.close();
        }
        try {
            Path runDir = gatlingRunDir();
            RunSummary summary = summarize(finishedAt, samples, generatorSamples, runDir);
            Path jfr = keepRecording(runDir);
            if (jfr != null) {
                summary = withJfr(summary, jfr);
            }
            String file = summary.runId() + ".json";
            Path summaryDir = PerfConfig.getPath("biodid.perf.summaryDir", "target/perf-results");
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
            if (jfr != null) {
                printHotMethods(jfr);
            }
            harnessFailures = summary.checks().stream()
                    .filter(c -> !c.passed() && HARNESS_CHECKS.contains(c.name()))
                    .map(c -> c.name() + " = " + c.actual() + ", must be " + c.comparator() + " " + c.limit())
                    .toList();
        } catch (RuntimeException e) {
            System.out.println("ERROR: the harness could not summarize the run: " + e);
            e.printStackTrace(System.out);
        }
        if (!harnessFailures.isEmpty() && PerfConfig.getBoolean("biodid.perf.failOnHarnessChecks", true)) {
            // These are not Gatling statistics, so they cannot be Gatling assertions, and throwing here would make
            // Gatling skip its report and its assertions ("Run crashed"). Instead the run ends normally and the
            // JVM's exit status becomes 2, the status of failed Gatling assertions, once Gatling has exited.
            System.out.println("FAILED harness checks (the run will exit with status 2): " + harnessFailures);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Runtime.getRuntime().halt(2),
                                                            "biodid-harness-checks-failed"));
        }
    }

    private RunSummary summarize(Instant finishedAt, List<ResourceSampler.Sample> samples,
                                 List<ResourceSampler.Sample> generatorSamples, Path runDir) {
        long first = recorder.firstStart();
        long last = recorder.lastEnd();
        boolean any = first != Long.MAX_VALUE;
        double seconds = any ? Math.max(0.001, (last - first) / 1000.0) : 0;
        Map<String, OperationStats> operations = new LinkedHashMap<>();
        Map<String, OperationStats> levels = new LinkedHashMap<>();
        Map<String, RunRecorder.Series> series = recorder.series();
        for (String operation : workload.operations()) {
            RunRecorder.Series s = series.get(operation);
            operations.put(operation, s == null
                    ? OperationStats.of(operation, new org.HdrHistogram.Histogram(3), 0, seconds)
                    : OperationStats.of(operation, s.histogram(), s.errors(), seconds));
        }
        series.forEach((name, s) -> {
            if (name.contains("@")) {
                levels.put(name, OperationStats.of(name, s.histogram(), s.errors(), seconds));
            } else if (!operations.containsKey(name)) {
                operations.put(name, OperationStats.of(name, s.histogram(), s.errors(), seconds));
            }
        });
        long requests = operations.values().stream().mapToLong(OperationStats::count).sum();
        long errors = operations.values().stream().mapToLong(OperationStats::errors).sum();
        double errorRate = requests == 0 ? 0 : OperationStats.round(100.0 * errors / requests, 4);
        double throughput = seconds == 0 ? 0 : OperationStats.round(requests / seconds, 2);
        RunSummary.Server server = server(sampler == null ? 0 : sampler.pid(), samples, first, last);
        RunSummary.Server generator = server(ProcessHandle.current().pid(), generatorSamples, first, last);
        Double knee = levelRates == null ? null : knee(levels, levelRates, targets, workload.operations());

        List<RunSummary.Check> checks = new ArrayList<>();
        checks.add(RunSummary.Check.of("requests", requests, ">", 0));
        checks.add(RunSummary.Check.of("system.errorRatePercent", errorRate, "<", targets.errorRatePercent()));
        if (workload.checksThroughput()) {
            checks.add(RunSummary.Check.of("system.throughputRps", throughput, ">", targets.throughputRps()));
        }
        if (workload.checksCpu() && server != null) {
            checks.add(RunSummary.Check.of("system.cpuPercent", server.cpuAvgPercent(), "<", targets.cpuPercent()));
        }
        if (workload.checksRss() && server != null) {
            checks.add(RunSummary.Check.of("system.rssMb", server.rssMaxMb(), "<", targets.rssMb()));
        }
        if (levelRates != null) {
            checks.add(RunSummary.Check.of("system.kneeRps", knee == null ? 0 : knee, ">", targets.throughputRps()));
        }
        List<RunSummary.Check> bar = new ArrayList<>();
        for (String operation : workload.operations()) {
            OperationStats o = operations.get(operation);
            checks.add(RunSummary.Check.of(operation + ".count", o.count(), ">", 0));
            checks.add(RunSummary.Check.of(operation + ".errorRatePercent", o.errorRatePercent(), "<",
                                           targets.errorRatePercent()));
            if (workload.checksLatency()) {
                Targets.OperationTarget t = targets.operation(operation);
                for (String metric : Baseline.METRICS) {
                    checks.add(RunSummary.Check.of(operation + "." + metric, o.metric(metric), "<", t.limit(metric)));
                }
            }
            Double barP95 = targets.bar().get(operation + ".p95");
            if (barP95 != null) {
                bar.add(RunSummary.Check.of(operation + ".p95", o.p95Ms(), "<", barP95));
            }
        }
        Double barErrors = targets.bar().get("system.errorRatePercent");
        if (barErrors != null) {
            bar.add(RunSummary.Check.of("system.errorRatePercent", errorRate, "<=", barErrors));
        }
        Double barRss = targets.bar().get("system.rssMb");
        if (barRss != null && workload.checksRss() && server != null) {
            bar.add(RunSummary.Check.of("system.rssMb", server.rssMaxMb(), "<", barRss));
        }
        Baseline.Comparison comparison = Baseline.compare(operations, baselineRuns, tolerancePercent, slackMs);
        if (failOnRegression && comparison.regression()) {
            checks.add(RunSummary.Check.of("baseline.regression", 1, "<", 1));
        }
        boolean passed = checks.stream().allMatch(RunSummary.Check::passed);

        BuildInfo build = BuildInfo.detect(projectDir);
        String database = externalBaseUrl != null ? "external"
                : PerfConfig.get("biodid.service.db.url").or(() -> PerfConfig.get("DB_CONNECTION_URL")).isPresent()
                ? "postgresql" : "h2";
        RunSummary.Environment environment = new RunSummary.Environment(
                build.commit(), build.branch(), build.dirty(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                baseUrl, externalBaseUrl == null, database, prints.description(),
                io.gatling.javaapi.core.Simulation.class.getPackage().getImplementationVersion(),
                loadAverageStart, loadAverage());
        return new RunSummary(1, runId, workload.name(), simulation, startedAt.toString(), finishedAt.toString(),
                              any ? Instant.ofEpochMilli(first).toString() : null,
                              any ? Instant.ofEpochMilli(last).toString() : null,
                              seconds, workload.offeredRps(), requests, errors, errorRate, throughput, operations,
                              levels.isEmpty() ? null : levels, server, generator, environment, targets, checks, bar,
                              passed,
                              comparison, comparison.regression(), knee,
                              runDir == null ? null : runDir.toString(), null);
    }

    /**
     * The knee: the highest level rate at which every operation's P95 met its target and errors stayed under the
     * budget. Levels are judged one by one (a noisy lower level does not hide a good higher one).
     *
     * @param levels per {@code <operation>@<level>} statistics
     * @param rates offered rate of each level
     * @param targets targets
     * @param operations measured operations
     * @return the knee's rate, or null when no level met every target
     */
    static Double knee(Map<String, OperationStats> levels, double[] rates, Targets targets, List<String> operations) {
        Double knee = null;
        for (int level = 0; level < rates.length; level++) {
            boolean ok = true;
            boolean ran = false;
            for (String operation : operations) {
                OperationStats o = levels.get(operation + "@" + level);
                if (o == null || o.count() == 0) {
                    continue;
                }
                ran = true;
                ok &= o.p95Ms() < targets.operation(operation).p95()
                        && o.errorRatePercent() < targets.errorRatePercent();
            }
            if (ran && ok) {
                knee = rates[level];
            }
        }
        return knee;
    }

    private static RunSummary.Server server(long pid, List<ResourceSampler.Sample> samples, long first, long last) {
        if (samples.isEmpty() && first == Long.MAX_VALUE) {
            return null;
        }
        // A sample covers the second before it; keep those that end inside the measured window.
        List<ResourceSampler.Sample> window = samples.stream()
                .filter(s -> s.epochMillis() > first + 500 && s.epochMillis() <= last + 500).toList();
        if (window.isEmpty()) {
            window = samples;
        }
        if (window.isEmpty()) {
            return null;
        }
        List<double[]> timeline = samples.stream()
                .map(s -> new double[] {s.epochMillis(), s.cpuPercentOfMachine(), s.rssMb()}).toList();
        return new RunSummary.Server(
                pid, window.size(),
                OperationStats.round(window.stream().mapToDouble(ResourceSampler.Sample::cpuPercentOfMachine)
                                             .average().orElse(0), 1),
                window.stream().mapToDouble(ResourceSampler.Sample::cpuPercentOfMachine).max().orElse(0),
                OperationStats.round(window.stream().mapToDouble(ResourceSampler.Sample::cpuPercentOfCore)
                                             .average().orElse(0), 1),
                window.stream().mapToDouble(ResourceSampler.Sample::rssMb).max().orElse(0),
                OperationStats.round(window.stream().mapToDouble(ResourceSampler.Sample::rssMb).average().orElse(0), 1),
                window.getFirst().rssMb(), window.getLast().rssMb(), timeline);
    }

    private Path gatlingRunDir() {
        Path results = PerfConfig.getPath("biodid.perf.resultsDir", "target/gatling");
        if (!Files.isDirectory(results)) {
            return null;
        }
        try (Stream<Path> dirs = Files.list(results)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().startsWith(
                            simulation.substring(simulation.lastIndexOf('.') + 1).toLowerCase()))
                    .filter(d -> lastModified(d) >= startedAt.toEpochMilli() - 120_000)
                    .max(Comparator.comparingLong(PerfRun::lastModified))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static long lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private Path keepRecording(Path runDir) {
        if (service == null || service.jfrFile() == null || !Files.exists(service.jfrFile())) {
            if (profile) {
                System.out.println("WARNING: profiling requested but no recording was produced"
                                           + (externalBaseUrl != null ? " (external service: profile it yourself)" : ""));
            }
            return null;
        }
        try {
            Path target = (runDir != null ? runDir : service.jfrFile().getParent()).resolve("service.jfr");
            Files.move(service.jfrFile(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            System.out.println("WARNING: cannot move the recording: " + e);
            return service.jfrFile();
        }
    }

    private static RunSummary withJfr(RunSummary s, Path jfr) {
        return new RunSummary(s.schemaVersion(), s.runId(), s.workload(), s.simulation(), s.startedAt(),
                              s.finishedAt(), s.measuredStart(), s.measuredEnd(), s.measuredSeconds(), s.offeredRps(),
                              s.requests(), s.errors(), s.errorRatePercent(), s.throughputRps(), s.operations(),
                              s.levels(), s.server(), s.loadGenerator(), s.environment(), s.targets(), s.checks(),
                              s.bar(), s.passed(),
                              s.baseline(), s.regression(), s.kneeRps(), s.gatlingRunDir(), jfr.toString());
    }

    private static void printHotMethods(Path jfr) {
        Path tool = Path.of(System.getProperty("java.home"), "bin", "jfr");
        try {
            Process process = new ProcessBuilder(tool.toString(), "view", "hot-methods", jfr.toString())
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor(60, TimeUnit.SECONDS);
            Files.writeString(jfr.resolveSibling("hot-methods.txt"), out);
            System.out.println("Service hot methods (jfr view hot-methods " + jfr + "):");
            System.out.println(out);
        } catch (IOException e) {
            System.out.println("WARNING: cannot run " + tool + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
