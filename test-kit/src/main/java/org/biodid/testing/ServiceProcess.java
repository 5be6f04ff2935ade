package org.biodid.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    private ServiceProcess(Process process, Path log, int port, Path cwd) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.cwd = cwd;
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
        ProcessBuilder builder = new ProcessBuilder(javaCommand(launch))
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
        try (java.util.stream.Stream<Path> files = Files.walk(cwd)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }

    private static List<String> javaCommand(Launch launch) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch.jvmArgs());
        if (launch.jar() == null) {
            command.addAll(List.of("-cp", classpath(), "org.biodid.Main"));
        } else {
            command.addAll(List.of("-jar", launch.jar().toAbsolutePath().toString()));
        }
        return command;
    }

    /**
     * How to start the service.
     *
     * @param name    what to call its log file
     * @param jar     the packaged service jar, or {@code null} to run {@code org.biodid.Main} from the classpath
     * @param jvmArgs JVM options before the class path or jar
     * @param env     environment on top of the defaults (free port, loopback, {@link #ADMIN_KEY})
     * @param files   file name to content, written into the process's working directory
     * @param logDir  where the output file goes
     */
    public record Launch(String name, Path jar, List<String> jvmArgs, Map<String, String> env,
                         Map<String, String> files, Path logDir) {

        /**
         * The service from the caller's classpath with a small heap and the serial collector.
         *
         * @param name what to call its log file
         * @param env  environment on top of the defaults
         * @return the launch
         */
        public static Launch fromClasspath(String name, Map<String, String> env) {
            return new Launch(name, null, List.of("-Xmx256m", "-XX:+UseSerialGC"), Map.copyOf(env), Map.of(),
                              Path.of("target", "reliability-logs"));
        }

        /**
         * The packaged service jar ({@code service/target/biodid-service.jar}, next to its {@code libs/}).
         *
         * @param name    what to call its log file
         * @param jar     the jar
         * @param jvmArgs JVM options (heap, GC, {@code -XX:StartFlightRecording=...})
         * @param env     environment on top of the defaults
         * @return the launch
         */
        public static Launch fromJar(String name, Path jar, List<String> jvmArgs, Map<String, String> env) {
            return new Launch(name, jar, List.copyOf(jvmArgs), Map.copyOf(env), Map.of(),
                              Path.of("target", "service-logs"));
        }

        /**
         * @param contents file name to content for the working directory
         * @return this launch with those files
         */
        public Launch withFiles(Map<String, String> contents) {
            return new Launch(name, jar, jvmArgs, env, Map.copyOf(contents), logDir);
        }

        /**
         * @param directory where the output file goes
         * @return this launch logging there
         */
        public Launch withLogDir(Path directory) {
            return new Launch(name, jar, jvmArgs, env, files, directory);
        }
    }

    /**
     * @return the file the process writes its output to
     */
    public Path logFile() {
        return log;
    }

    /**
     * The service's runtime classpath: Maven's test classpath without the test classes.
     *
     * @return classpath
     */
    static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        List<String> entries = Arrays.stream(cp.split(File.pathSeparator))
                .filter(e -> !e.isBlank())
                .filter(e -> !Path.of(e).endsWith("test-classes"))
                .collect(Collectors.toList());
        boolean hasMain = entries.stream().anyMatch(e -> Files.exists(Path.of(e, "org", "biodid", "Main.class"))
                || (e.endsWith("biodid-service.jar") && Files.exists(Path.of(e))));
        if (!hasMain) {
            throw new IllegalStateException("org.biodid.Main is not on the test classpath (" + cp + "); run the tests "
                    + "through Maven (mvn -pl service test), which compiles target/classes first");
        }
        return String.join(File.pathSeparator, entries);
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
