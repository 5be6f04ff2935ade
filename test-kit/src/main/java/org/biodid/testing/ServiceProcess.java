package org.biodid.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service as a separate JVM ({@code org.biodid.Main}), configured only through environment variables, the way
 * it runs in production, so that a test can {@code kill -9} it, send it SIGTERM and read its console output.
 * <p>
 * A {@link Launch} says how: from the caller's classpath (the service's own tests: the one Maven built for them
 * minus the test classes, so they need no packaged jar and run exactly as the jar would, whose manifest points at
 * the same classes and {@code target/libs}), or from the packaged {@code biodid-service.jar} with JVM options of the
 * caller's (load tests: heap, GC, a JFR recording). The port comes from the service's own start-up line
 * ({@code SERVER_PORT=0} unless the environment names one). The output goes to a log file in the launch's log
 * directory ({@code target/reliability-logs/} by default, kept for the CI artifacts).
 */
public final class ServiceProcess implements AutoCloseable {

    /** An API key with every scope, configured on every process the reliability tests start. */
    public static final String ADMIN_KEY = "reliability-admin-key-0123456789";

    private static final Pattern LISTENING = Pattern.compile("BioDID service listening on \\S+ \\(port (\\d+)\\)");
    /** A waiting limit, not an expectation: a JVM on a loaded two-core machine can take over a minute to start. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final Path log;
    private final int port;
    private final Path cwd;
    /** A service must not outlive the JVM that started it (a load run stopped with Ctrl-C, a crashed fork). */
    private final Thread killer;

    private ServiceProcess(Process process, Path log, int port, Path cwd) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.cwd = cwd;
        this.killer = new Thread(process::destroyForcibly, "biodid-service-killer");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Start a service process and wait until it listens.
     *
     * @param name what to call its log file
     * @param env  environment on top of the defaults (free port, loopback, {@link #ADMIN_KEY})
     * @return the running service
     * @throws IOException when it does not start; the message carries its output
     */
    public static ServiceProcess start(String name, Map<String, String> env) throws IOException {
        return start(name, env, Map.of());
    }

    /**
     * Start a service process with files in its working directory (a {@code logging.properties} there replaces the
     * packaged one) and wait until it listens.
     *
     * @param name  what to call its log file
     * @param env   environment on top of the defaults
     * @param files file name to content, written into the process's working directory
     * @return the running service
     * @throws IOException when it does not start; the message carries its output
     */
    public static ServiceProcess start(String name, Map<String, String> env, Map<String, String> files)
            throws IOException {
        return start(Launch.fromClasspath(name, env).withFiles(files));
    }

    /**
     * Start a service process as the launch says and wait until it listens.
     *
     * @param launch how to start it
     * @return the running service
     * @throws IOException when it does not start; the message carries its output
     */
    public static ServiceProcess start(Launch launch) throws IOException {
        Path cwd = Files.createTempDirectory("biodid-cwd-");
        for (Map.Entry<String, String> file : launch.files().entrySet()) {
            Files.writeString(cwd.resolve(file.getKey()), file.getValue());
        }
        Files.createDirectories(launch.logDir());
        Path log = launch.logDir().toAbsolutePath().resolve(launch.name() + "-" + System.currentTimeMillis() + ".log");
        ProcessBuilder builder = new ProcessBuilder(launch.command())
                .directory(cwd.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("APP_") || k.startsWith("DB_") || k.startsWith("SERVER_"));
        Map<String, String> all = new HashMap<>();
        all.put("SERVER_PORT", "0");
        all.put("SERVER_HOST", "127.0.0.1");
        all.put("APP_API_KEYS", ADMIN_KEY + ":enroll+verify+admin");
        all.put("APP_DB_MIGRATION_RETRY", "PT0.3S");
        all.put("APP_HELPER_DATA_KEY", TestKeys.HELPER_DATA_KEY);
        // these tests enroll synthetic wallets without a wallet signature (WalletControlServerTest covers signing)
        all.put("APP_REQUIRE_WALLET_SIGNATURE", "false");
        all.putAll(launch.env());
        environment.putAll(all);
        Process process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            Matcher m = LISTENING.matcher(text);
            if (m.find()) {
                return new ServiceProcess(process, log, Integer.parseInt(m.group(1)), cwd);
            }
            if (!process.isAlive()) {
                throw new IOException("The service process exited with " + process.exitValue()
                        + " before listening; its output:\n" + text);
            }
            sleep(50);
        }
        process.destroyForcibly();
        throw new IOException("The service did not listen within " + START_TIMEOUT + "; its output:\n"
                + Files.readString(log, StandardCharsets.UTF_8));
    }

    /**
     * @return the port the service listens on
     */
    public int port() {
        return port;
    }

    /**
     * @return {@code http://127.0.0.1:<port>}
     */
    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * @return the process id
     */
    public long pid() {
        return process.pid();
    }

    /**
     * {@code kill -9}: no shutdown hook, no draining, no pool close.
     *
     * @throws IOException when it does not die
     */
    public void kill9() throws IOException {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /**
     * Send SIGTERM (what {@code docker stop} and Kubernetes send) without waiting.
     */
    public void sigterm() {
        process.destroy();
    }

    /**
     * Wait for the process to end.
     *
     * @param timeout how long
     * @return exit code
     * @throws IOException when it is still running afterwards
     */
    public int awaitExit(Duration timeout) throws IOException {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("The service process is still running after " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return process.exitValue();
    }

    /**
     * Wait until the service answers 200 on {@code /health/ready} (listening comes before the database is migrated).
     *
     * @param timeout how long
     * @throws IOException when it is not ready by then or exits; the message carries its last answer and output
     */
    public void awaitReady(Duration timeout) throws IOException {
        try {
            awaitReady(base(), timeout, process::isAlive);
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "; its output:\n" + output(), e);
        }
    }

    /**
     * Wait until a service, possibly one this JVM did not start, answers 200 on {@code /health/ready}.
     *
     * @param base    e.g. {@code http://127.0.0.1:8080}
     * @param timeout how long
     * @param alive   asked between attempts; false stops waiting
     * @throws IOException when it is not ready by then or has gone
     */
    public static void awaitReady(URI base, Duration timeout, java.util.function.BooleanSupplier alive)
            throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(base.resolve("/health/ready")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!alive.getAsBoolean()) {
                throw new IOException("The service at " + base + " exited before it became ready");
            }
            try {
                HttpResponse<String> response = client.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            sleep(200);
        }
        throw new IOException("The service at " + base + " was not ready within " + timeout + ": " + last);
    }

    /**
     * Stop the way an orchestrator does: SIGTERM (graceful shutdown; a Flight Recording is dumped on exit), then
     * {@code kill -9} if it has not ended within the grace period.
     *
     * @param grace how long it may take to shut down
     */
    public void stop(Duration grace) {
        process.destroy();
        try {
            awaitExit(grace);
        } catch (IOException e) {
            System.getLogger(ServiceProcess.class.getName()).log(System.Logger.Level.WARNING,
                    "service did not stop within " + grace + "; killing it");
        }
        close();
    }

    /**
     * @return whether the process is running
     */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * @return everything the service wrote to stdout and stderr so far
     */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException ignored) {
            // the JVM is shutting down: the hook runs anyway
        }
        try (java.util.stream.Stream<Path> files = Files.walk(cwd)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }


    /**
     * @return the file the process writes its output to
     */
    public Path logFile() {
        return log;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
