package org.biodid.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import io.helidon.config.Config;

import org.junit.jupiter.api.Assumptions;

/**
 * Real databases for tests: the local PostgreSQL (required in CI), and H2 files where the embedded default itself
 * is under test.
 * <p>
 * PostgreSQL is found through {@code BIODID_TEST_DB_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/biodid_test},
 * user {@code BIODID_TEST_DB_USER}, default {@code postgres}); the database is created when missing. Without a
 * reachable PostgreSQL the tests that need it are skipped with a visible message, unless {@code CI=true} or
 * {@code -Dbiodid.requirePostgres=true}, where they fail.
 */
public final class TestDatabases {

    private static final String URL = env("BIODID_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/biodid_test");
    private static final String USER = env("BIODID_TEST_DB_USER", "postgres");
    private static final String PASSWORD = env("BIODID_TEST_DB_PASSWORD", "");

    private static volatile Boolean available;

    private TestDatabases() {
    }

    /**
     * @return JDBC URL of the test PostgreSQL database
     */
    public static String postgresUrl() {
        requirePostgres();
        return URL;
    }

    /**
     * @return user name for the test database
     */
    public static String postgresUser() {
        return USER;
    }

    /**
     * Skip (locally) or fail (in CI) when PostgreSQL cannot be reached; create the test database when missing.
     */
    public static synchronized void requirePostgres() {
        if (available == null) {
            available = connectOrCreate();
        }
        if (!available) {
            String message = "PostgreSQL is not reachable at " + URL + " (set BIODID_TEST_DB_URL)";
            if ("true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("biodid.requirePostgres")) {
                throw new IllegalStateException(message + "; PostgreSQL tests are required here");
            }
            System.err.println("SKIPPING PostgreSQL tests: " + message);
            Assumptions.abort(message);
        }
    }

    /**
     * Service configuration on the test PostgreSQL, on a free port.
     *
     * @param overrides extra keys, taking precedence
     * @return configuration
     */
    public static Config postgresConfig(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("db.connection.url", postgresUrl());
        values.put("db.connection.username", USER);
        values.put("db.connection.password", PASSWORD);
        values.putAll(overrides);
        return serviceConfig(values);
    }

    /**
     * Service configuration on an embedded H2 database in a directory of the test's own.
     *
     * @param dataDir directory for the database files
     * @return configuration
     */
    public static Config h2Config(Path dataDir) {
        return h2Config(dataDir, Map.of());
    }

    /**
     * Service configuration on an embedded H2 database, with extra keys.
     *
     * @param dataDir   directory for the database files
     * @param overrides extra keys, taking precedence
     * @return configuration
     */
    public static Config h2Config(Path dataDir, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(overrides);
        values.put("app.data.dir", dataDir.toString());
        return serviceConfig(values);
    }

    /**
     * Remove all rows from the service tables, so that each test starts from a known state.
     */
    public static void truncateServiceTables() {
        // the schema first: a fresh database has no tables yet
        org.flywaydb.core.Flyway.configure().dataSource(postgresUrl(), USER, PASSWORD)
                .locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(postgresUrl(), USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("TRUNCATE enrollments, idempotency_records, api_keys, used_proofs, verify_failures, "
                      + "wallet_challenges");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The service's configuration ({@code application.yaml}) under test defaults (free port, short shutdown grace,
     * few idle connections) and the given keys; no environment or system properties.
     *
     * @param values keys taking precedence
     * @return configuration
     */
    public static Config serviceConfig(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(Map.of("server.port", "0", "server.host", "localhost",
                                                         "server.shutdown-grace-period", "PT0.5S",
                                                         // many services start in one test JVM: few idle links
                                                         "db.connection.minimumIdle", "1",
                                                         // every test service opens every other's sealed rows
                                                         "app.helper.data.key", TestKeys.HELPER_DATA_KEY,
                                                         // hundreds of wirings start per test run: no warm-up
                                                         "app.warmup.rounds", "0",
                                                         // enrollments without a wallet signature, except in the
                                                         // tests of wallet control, which set it to true
                                                         "app.require.wallet.signature", "false"));
        all.putAll(values);
        return TestConfigs.applicationYaml(all);
    }

    private static boolean connectOrCreate() {
        try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return true;
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) {
                return false;
            }
        }
        // 3D000: the server is there but the database is not; create it through the maintenance database.
        int slash = URL.lastIndexOf('/');
        String name = URL.substring(slash + 1).replaceAll("\\?.*", "");
        try (Connection c = DriverManager.getConnection(URL.substring(0, slash) + "/postgres", USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + name + "\"");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
