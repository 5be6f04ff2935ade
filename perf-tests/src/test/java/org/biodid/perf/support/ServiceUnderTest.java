package org.biodid.perf.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.biodid.perf.model.PerfConfig;
import org.biodid.testing.Launch;
import org.biodid.testing.ServiceProcess;

/**
 * The service the harness starts: the packaged {@code biodid-service.jar} in its own JVM through the test kit's
 * {@link ServiceProcess}, configured through the environment like in production, with a safepoint log (the run
 * summary's noise section) and optionally a Flight Recording in its own work directory.
 * <p>
 * The test kit starts the service with a clean {@code APP_*}/{@code DB_*} environment; the harness passes on its
 * own {@code APP_*} and {@code DB_*} variables first, so that {@code DB_CONNECTION_URL} in the shell still selects
 * PostgreSQL. Without one the service runs on embedded H2 in the work directory.
 */
final class ServiceUnderTest implements AutoCloseable {

    private static final String SAFEPOINT_LOG = "safepoints.log";
    /** Graceful shutdown, long enough for the Flight Recorder to write its dump. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final ServiceProcess process;
    private final Path workDir;
    private final Path jfrFile;

    private ServiceUnderTest(ServiceProcess process, Path workDir, Path jfrFile) {
        this.process = process;
        this.workDir = workDir;
        this.jfrFile = jfrFile;
    }

    /**
     * Start the service and wait until {@code /health/ready} answers 200.
     *
     * @param settings    jar, port, JVM options, profiling
     * @param environment the service's settings (API keys, limits, …) on top of the harness's own
     * @return the ready service
     */
    static ServiceUnderTest start(HarnessSettings settings, Map<String, String> environment) {
        try {
            Path workDir = Files.createTempDirectory("biodid-perf-service-");
            Path jfrFile = settings.profile() ? workDir.resolve("service.jfr") : null;
            List<String> jvmArgs = new ArrayList<>(settings.serviceJvmArgs());
            // Every stop-the-world pause with its end time (epoch ms).
            jvmArgs.add("-Xlog:safepoint:file=" + workDir.resolve(SAFEPOINT_LOG) + ":timemillis");
            if (jfrFile != null) {
                jvmArgs.add("-XX:StartFlightRecording=filename=" + jfrFile + ",settings=profile,dumponexit=true");
            }
            Map<String, String> env = new LinkedHashMap<>();
            System.getenv().forEach((name, value) -> {
                if (name.startsWith("APP_") || name.startsWith("DB_")) {
                    env.put(name, value);
                }
            });
            env.put("APP_DATA_DIR", workDir.resolve("data").toString());
            env.putAll(environment);
            env.put("SERVER_PORT", Integer.toString(settings.port()));
            System.out.println("BioDID perf: starting " + settings.serviceJar() + " " + jvmArgs + " (work dir " + workDir
                    + ", database " + env.getOrDefault("DB_CONNECTION_URL", "embedded H2") + ")");
            ServiceProcess process = ServiceProcess.start(
                    Launch.fromJar("service", requireJar(settings.serviceJar()), jvmArgs, env).withLogDir(workDir));
            try {
                process.awaitReady(Duration.ofSeconds(90));
            } catch (IOException | RuntimeException e) {
                process.close();
                throw e;
            }
            return new ServiceUnderTest(process, workDir, jfrFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the service", e);
        }
    }

    private static Path requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("service jar not found: " + jar.toAbsolutePath()
                    + " (build it: mvn -B -DskipTests package -pl service -am)");
        }
        return jar;
    }

    /**
     * @return process id, for the resource sampler
     */
    long pid() {
        return process.pid();
    }

    /**
     * @return the service's console output
     */
    Path logFile() {
        return process.logFile();
    }

    /**
     * @return the Flight Recorder file once the service has stopped (null unless profiling)
     */
    Path jfrFile() {
        return jfrFile;
    }

    /**
     * @return the service's safepoint log (every stop-the-world pause)
     */
    Path safepointLog() {
        return workDir.resolve(SAFEPOINT_LOG);
    }

    /**
     * Stop: SIGTERM (graceful shutdown; the Flight Recorder dumps its recording), then SIGKILL after 30 s.
     */
    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }

    /**
     * Wait until a service the harness did not start is ready.
     *
     * @param baseUrl the service
     */
    static void awaitExternal(String baseUrl) {
        try {
            ServiceProcess.awaitReady(java.net.URI.create(baseUrl), Duration.ofSeconds(30), () -> true);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The harness's settings for the service: its key, limits no run reaches, the database, and any
     * {@code -Dbiodid.service.env=NAME=value,NAME2=value2}.
     *
     * @param settings the harness settings
     * @return environment
     */
    static Map<String, String> environment(HarnessSettings settings) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("APP_API_KEYS", settings.apiKey() + ":enroll+verify+admin");
        env.put("APP_RATE_LIMIT_RPS", PerfConfig.get("biodid.service.rateLimitRps", "1000000"));
        env.put("APP_RATE_LIMIT_BURST", PerfConfig.get("biodid.service.rateLimitBurst", "1000000"));
        PerfConfig.get("biodid.service.db.url").ifPresent(v -> env.put("DB_CONNECTION_URL", v));
        PerfConfig.get("biodid.service.db.user").ifPresent(v -> env.put("DB_CONNECTION_USERNAME", v));
        PerfConfig.get("biodid.service.db.password").ifPresent(v -> env.put("DB_CONNECTION_PASSWORD", v));
        // Enrolments carry their wallet's CIP-30 signature (Chains.enroll), as production requires; with
        // -Dbiodid.service.requireWalletSignature=false neither the service nor the harness does wallet signatures.
        env.put("APP_REQUIRE_WALLET_SIGNATURE", Boolean.toString(settings.walletSigned()));
        // The verification failure budget (5 failures in a row per subject and key, then 429) stays on, with
        // limits no run reaches: a tenth of the verifications are impostors, so a long run would lock subjects
        // and turn genuine verifications into refusals. Unknown to services without a budget.
        env.put("APP_VERIFY_FAILURES_LIMIT", PerfConfig.get("biodid.service.verifyFailuresLimit", "1000000"));
        env.put("APP_VERIFY_FAILURES_SUBJECT_LIMIT", PerfConfig.get("biodid.service.verifyFailuresLimit", "1000000"));
        PerfConfig.get("biodid.service.env").ifPresent(list -> {
            for (String pair : list.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    env.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
        });
        return env;
    }
}
