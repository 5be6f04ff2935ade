package org.biodid.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL 15 cluster of the test's own, in a temporary directory on a free loopback port, so that a test can
 * stop and start the database under a running service without touching the shared cluster on 5432.
 * <p>
 * Driven with {@code initdb} and {@code pg_ctl} from {@code /usr/lib/postgresql/15/bin} (override with
 * {@code BIODID_PG_BIN}). As root the tools run as the {@code postgres} OS user through {@code runuser}; as anyone
 * else they run as that user. Trust authentication, loopback only, socket in the cluster directory. When the tools
 * are missing the test is skipped locally and fails under {@code CI=true}.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final Path BIN = Path.of(System.getenv().getOrDefault("BIODID_PG_BIN",
                                                                         "/usr/lib/postgresql/15/bin"));

    private final Path dir;
    private final int port;
    private final Thread cleanup = new Thread(this::close, "private-postgres-cleanup");

    private PrivatePostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /**
     * Create and start a fresh cluster.
     *
     * @return the running cluster
     * @throws IOException when it cannot be created or started
     */
    public static PrivatePostgres start() throws IOException {
        if (!Files.isExecutable(BIN.resolve("initdb")) || !Files.isExecutable(BIN.resolve("pg_ctl"))) {
            String message = "PostgreSQL server tools not found in " + BIN + " (set BIODID_PG_BIN)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        Path dir = Files.createTempDirectory("biodid-pg-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", dir.toString()));
        }
        PrivatePostgres pg = new PrivatePostgres(dir, freePort());
        pg.tool(List.of(BIN.resolve("initdb").toString(), "-D", pg.dataDir().toString(), "-A", "trust",
                        "-U", "postgres", "-E", "UTF8", "--no-sync"));
        // a test JVM that is stopped (not killed) before its clean-up still stops the cluster
        Runtime.getRuntime().addShutdownHook(pg.cleanup);
        pg.startServer();
        return pg;
    }

    /**
     * @return JDBC URL of the {@code postgres} database of this cluster
     */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /**
     * The environment that points a service process ({@link ServiceProcess}) at this database.
     *
     * @param extra more variables, taking precedence
     * @return {@code DB_CONNECTION_URL}, {@code DB_CONNECTION_USERNAME}, {@code DB_CONNECTION_PASSWORD} and the extra
     */
    public Map<String, String> serviceEnv(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("DB_CONNECTION_URL", jdbcUrl());
        env.put("DB_CONNECTION_USERNAME", "postgres");
        env.put("DB_CONNECTION_PASSWORD", "");
        env.putAll(extra);
        return env;
    }

    /**
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Start the server (again) on the same port and wait until it accepts connections.
     *
     * @throws IOException when it does not start
     */
    public void startServer() throws IOException {
        tool(List.of(BIN.resolve("pg_ctl").toString(), "-D", dataDir().toString(), "-l",
                     dir.resolve("postgres.log").toString(), "-w", "-t", "30",
                     "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=60",
                     "start"));
    }

    /**
     * Stop the server the hard way ({@code -m immediate}: backends are killed, no checkpoint), as in a crash or a
     * network cut.
     *
     * @throws IOException when it does not stop
     */
    public void stopServer() throws IOException {
        tool(List.of(BIN.resolve("pg_ctl").toString(), "-D", dataDir().toString(), "-m", "immediate", "-w",
                     "-t", "30", "stop"));
    }

    /**
     * Open a JDBC connection to the cluster.
     *
     * @return connection
     * @throws SQLException when the server does not answer
     */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    @Override
    public void close() {
        if (Thread.currentThread() != cleanup) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
        if (!Files.exists(dir)) {
            return;
        }
        try {
            if (Files.exists(dataDir().resolve("postmaster.pid"))) {
                tool(List.of(BIN.resolve("pg_ctl").toString(), "-D", dataDir().toString(), "-m", "immediate",
                             "-w", "-t", "30", "stop"));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not stop the private PostgreSQL in " + dir + ": " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }

    private Path dataDir() {
        return dir.resolve("data");
    }

    private void tool(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            boolean done = p.waitFor(60, TimeUnit.SECONDS);
            String out = new String(p.getInputStream().readAllBytes());
            if (!done) {
                p.destroyForcibly();
                throw new IOException("Timed out: " + String.join(" ", command) + "\n" + out);
            }
            if (p.exitValue() != 0) {
                throw new IOException("Failed (" + p.exitValue() + "): " + String.join(" ", command) + "\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
