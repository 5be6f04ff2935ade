package org.biodid.perf.support;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.biodid.perf.model.Baseline;
import org.biodid.perf.model.PerfConfig;
import org.biodid.perf.model.RunHistory;
import org.biodid.perf.model.RunSummary;
import org.biodid.perf.model.Targets;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * One harness run around a Gatling simulation, in three steps: built in the simulation's constructor (settings,
 * targets, history and baseline, the chains), {@link #start()} in {@code before()} (noise probe, service,
 * samplers), {@link #finish()} in {@code after()} (summary with verdict, outputs, exit status). The parts:
 * {@link HarnessSettings}, {@link Protocols}, {@link GatlingAssertions}, {@link ServiceUnderTest},
 * {@link ResourceSampler}, {@link NoiseProbe}, {@link RunSummarizer}, {@link FlightRecording}, {@link RunOutputs}.
 */
public final class PerfRun {

    private final Workload workload;
    private final String simulation;
    private final HarnessSettings settings;
    private final Targets targets;
    private final RunRecorder recorder = new RunRecorder();
    private final FingerprintSource prints;
    private final Chains chains;
    private final RunHistory history;
    private final List<Baseline.HistoricRun> baselineRuns;
    private final String runId;
    private final Path summaryDir = PerfConfig.getPath("biodid.perf.summaryDir", "target/perf-results");
    private double[] levelRates;

    private ServiceUnderTest service;
    private ResourceSampler sampler;
    private ResourceSampler generatorSampler;
    private NoiseProbe noise;
    private Instant startedAt;

    /**
     * Prepare a run (in the simulation's constructor).
     *
     * @param workload what the simulation measures
     * @param simulation simulation class
     */
    public PerfRun(Workload workload, Class<?> simulation) {
        this.workload = workload;
        this.simulation = simulation.getName();
        this.settings = HarnessSettings.read();
        this.targets = Targets.load();
        workload.operations().forEach(targets::operation); // every measured operation must have targets
        // Captures at the project's default noise model (NoiseModel.DEFAULT): genuine captures the matcher
        // rejects are counted as its false-reject rate under load, not as errors, so no easier noise is needed.
        this.prints = new ProjectFingerprints(PerfConfig.getInt("biodid.perf.seed", 20261128),
                                              PerfConfig.getDouble("biodid.perf.noiseScale", 1.0));
        this.chains = new Chains(recorder, new IdentityPool(), prints, settings.apiKey(),
                                 PerfConfig.getDouble("biodid.perf.impostorShare", 0.1),
                                 PerfConfig.getDouble("biodid.perf.proofShare", 0.3),
                                 PerfConfig.getInt("biodid.perf.fingers", 4),
                                 ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE,
                                 settings.maxInFlight(), settings.walletSigned());
        this.history = RunHistory.open();
        this.baselineRuns = history.lastPassing(workload.name(), settings.baselineRuns());
        this.runId = workload.name() + "-" + Instant.now().toString().replaceAll("[^0-9]", "").substring(0, 14)
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        System.out.printf("BioDID perf: workload %s, target %s, history %s (%d baseline run(s))%n",
                          workload.name(), settings.startsService() ? "service started by harness"
                                  : settings.externalBaseUrl(),
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
     * The HTTP protocol; {@code biodid.perf.shareConnections} (default true) chooses one shared pool.
     *
     * @return protocol
     */
    public HttpProtocolBuilder protocol() {
        return protocol(PerfConfig.getBoolean("biodid.perf.shareConnections", true));
    }

    /**
     * The HTTP protocol.
     *
     * @param shareConnections virtual users share one keep-alive pool
     * @return protocol
     */
    public HttpProtocolBuilder protocol(boolean shareConnections) {
        return Protocols.of(settings, shareConnections);
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
     * The targets as Gatling assertions ({@link GatlingAssertions}).
     *
     * @return assertions for {@code setUp(...).assertions(...)}
     */
    public List<Assertion> assertions() {
        return GatlingAssertions.of(workload, targets, settings, baselineRuns);
    }

    /**
     * Calibrate the machine, start the service (unless targeting a running one), wait for readiness, start
     * sampling.
     */
    public void start() {
        startedAt = Instant.now();
        RunOutputs.resetRerun(summaryDir);
        noise = NoiseProbe.start(summaryDir);
        generatorSampler = ResourceSampler.start(ProcessHandle.current().pid());
        if (settings.startsService()) {
            service = ServiceUnderTest.start(settings, ServiceUnderTest.environment(settings));
            sampler = ResourceSampler.start(service.pid());
            System.out.printf("BioDID perf: service pid %d ready at %s (log %s)%n", service.pid(), settings.baseUrl(),
                              service.logFile());
        } else {
            ServiceUnderTest.awaitExternal(settings.externalBaseUrl());
            PerfConfig.get("biodid.servicePid").map(Long::parseLong)
                    .ifPresent(pid -> sampler = ResourceSampler.start(pid));
        }
    }

    /**
     * Stop everything, then summarize with a verdict, publish, and set the exit status from the verdict. A broken
     * history does not hide the run's results (it is reported instead).
     */
    public void finish() {
        Instant finishedAt = Instant.now();
        List<ResourceSampler.Sample> samples = stop(sampler);
        List<ResourceSampler.Sample> generatorSamples = stop(generatorSampler);
        Path jfr = null;
        if (service != null) {
            service.close();
        }
        if (noise != null) {
            noise.close();
        }
        String verdict = null;
        try {
            Path runDir = RunOutputs.gatlingRunDir(PerfConfig.getPath("biodid.perf.resultsDir", "target/gatling"),
                                                   simulation, startedAt.toEpochMilli() - 120_000);
            if (service != null) {
                jfr = FlightRecording.keep(service.jfrFile(), runDir);
            }
            if (settings.profile() && jfr == null) {
                System.out.println("WARNING: profiling requested but no recording was produced"
                                           + (settings.startsService() ? "" : " (external service: profile it yourself)"));
            }
            long first = recorder.firstStart();
            long last = recorder.lastEnd();
            Map<String, RunRecorder.Series> series = recorder.series();
            RunSummary.Server server = RunSummarizer.server(sampler == null ? 0 : sampler.pid(), samples, first, last);
            RunSummary.Server generator = RunSummarizer.server(ProcessHandle.current().pid(), generatorSamples, first,
                                                               last);
            RunSummarizer.Inputs inputs = new RunSummarizer.Inputs(
                    runId, workload, simulation, startedAt, finishedAt, targets, environment(), server, generator,
                    baselineRuns, settings, levelRates,
                    // Nothing measured (stopped during warm-up): the noise of the whole run.
                    noise.measure(first == Long.MAX_VALUE ? startedAt.toEpochMilli() : first,
                                  first == Long.MAX_VALUE ? finishedAt.toEpochMilli() : last, server, generator,
                                  service == null ? null : service.safepointLog(), series, samples,
                                  generatorSamples),
                    recorder.outcomes(), recorder.aborted(), runDir == null ? null : runDir.toString(),
                    jfr == null ? null : jfr.toString());
            RunSummary summary = RunSummarizer.summarize(inputs, series, first, last);
            RunOutputs.publish(summary, summaryDir, runDir, history);
            if (jfr != null) {
                FlightRecording.printHotMethods(jfr);
            }
            verdict = summary.verdict();
        } catch (RuntimeException e) {
            System.out.println("ERROR: the harness could not summarize the run: " + e);
            e.printStackTrace(System.out);
        }
        RunOutputs.exitWith(verdict, settings);
    }

    private RunSummary.Environment environment() {
        BuildInfo build = BuildInfo.detect(settings.projectDir());
        String database = !settings.startsService() ? "external"
                : PerfConfig.get("biodid.service.db.url").or(() -> PerfConfig.get("DB_CONNECTION_URL")).isPresent()
                ? "postgresql" : "h2";
        return new RunSummary.Environment(
                build.commit(), build.branch(), build.dirty(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                settings.baseUrl(), settings.startsService(), database, prints.description(),
                io.gatling.javaapi.core.Simulation.class.getPackage().getImplementationVersion(),
                noise == null ? -1 : noise.loadAverageStart(), NoiseProbe.loadAverage());
    }

    private static List<ResourceSampler.Sample> stop(ResourceSampler sampler) {
        if (sampler == null) {
            return List.of();
        }
        sampler.close();
        return sampler.samples();
    }
}
