package org.biodid.perf.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service under test in its own JVM: {@code java -jar biodid-service.jar}, configured through the
 * environment like in production. The harness's environment is inherited, so {@code DB_CONNECTION_URL},
 * {@code DB_CONNECTION_USERNAME} and {@code DB_CONNECTION_PASSWORD} select PostgreSQL; without them the service
 * runs on embedded H2 in a fresh temporary directory. Output goes to {@code service.log} in the work directory.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The service's safepoint log in its work directory. */
    public static final String SAFEPOINT_LOG = "safepoints.log";

    private static final System.Logger LOGGER = System.getLogger(ServiceProcess.class.getName());

    private final Process process;
    private final String baseUrl;
    private final Path workDir;
    private final Path jfrFile;
    private final Thread shutdownHook;

    private ServiceProcess(Process process, String baseUrl, Path workDir, Path jfrFile) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.workDir = workDir;
        this.jfrFile = jfrFile;
        this.shutdownHook = new Thread(process::destroyForcibly, "biodid-service-killer");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Start the service and wait until {@code /health/ready} answers 200.
     *
     * @param jar the service jar
     * @param port loopback port to listen on ({@link #freeLoopbackPort()})
     * @param jvmArgs JVM options for the service
     * @param environment extra environment (API keys, rate limit, …)
     * @param profile run with JDK Flight Recorder ({@code settings=profile}), dumped on exit
     * @param readyTimeout how long to wait for readiness
     * @return the running service
     */
    public static ServiceProcess start(Path jar, int port, List<String> jvmArgs, Map<String, String> environment, boolean profile,
                                       Duration readyTimeout) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("service jar not found: " + jar.toAbsolutePath()
                                                    + " (build it: mvn -B -DskipTests package -pl service -am)");
        }
        try {
            Path workDir = Files.createTempDirectory("biodid-perf-service-");
            Path jfrFile = profile ? workDir.resolve("service.jfr") : null;
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmArgs);
            // Every stop-the-world pause with its end time (epoch ms): the run summary's noise section.
            command.add("-Xlog:safepoint:file=" + workDir.resolve(SAFEPOINT_LOG) + ":timemillis");
            if (profile) {
                command.add("-XX:StartFlightRecording=filename=" + jfrFile + ",settings=profile,dumponexit=true");
            }
            command.add("-jar");
            command.add(jar.toAbsolutePath().toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("service.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("SERVER_HOST", "127.0.0.1");
            env.put("APP_DATA_DIR", workDir.resolve("data").toString());
            env.putAll(environment);
            LOGGER.log(System.Logger.Level.INFO, "Starting service: " + String.join(" ", command) + " (work dir "
                    + workDir + ", database " + (env.containsKey("DB_CONNECTION_URL")
                    ? env.get("DB_CONNECTION_URL") : "embedded H2") + ")");
            Process process = builder.start();
            ServiceProcess service = new ServiceProcess(process, "http://127.0.0.1:" + port, workDir, jfrFile);
            try {
                service.awaitReady(readyTimeout);
            } catch (RuntimeException e) {
                service.close();
                throw e;
            }
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the service", e);
        }
    }

    /**
     * Wait until a service answers 200 on {@code /health/ready}.
     *
     * @param baseUrl the service
     * @param timeout how long
     * @param alive checked between attempts; false stops waiting
     */
    public static void awaitReady(String baseUrl, Duration timeout, java.util.function.BooleanSupplier alive) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("service exited before it became ready");
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready")).timeout(Duration.ofSeconds(2))
                                .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("service at " + baseUrl + " not ready after " + timeout + ": " + last);
    }

    private void awaitReady(Duration timeout) {
        try {
            awaitReady(baseUrl, timeout, process::isAlive);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; service log: " + log(), e);
        }
    }

    /**
     * Base URL, e.g. {@code http://127.0.0.1:41234}.
     *
     * @return URL
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Process id, for the resource sampler.
     *
     * @return pid
     */
    public long pid() {
        return process.pid();
    }

    /**
     * The Flight Recorder file, once the service has stopped (null unless profiling).
     *
     * @return path or null
     */
    public Path jfrFile() {
        return jfrFile;
    }

    /**
     * The service's safepoint log (every stop-the-world pause).
     *
     * @return path
     */
    public Path safepointLog() {
        return workDir.resolve(SAFEPOINT_LOG);
    }

    /**
     * The service's output.
     *
     * @return path of service.log
     */
    public Path logFile() {
        return workDir.resolve("service.log");
    }

    private String log() {
        try {
            List<String> lines = Files.readAllLines(logFile());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * Stop: SIGTERM (graceful shutdown; Flight Recorder dumps its recording), then SIGKILL after 30 s.
     */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                LOGGER.log(System.Logger.Level.WARNING, "service did not stop in 30 s; killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
    }

    /**
     * A currently free port on the loopback interface.
     *
     * @return port
     */
    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
