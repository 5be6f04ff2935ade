package org.biodid.dashboards;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL these tests record history into. By default a database of their own on the server of
 * {@code BIODID_TEST_DB_URL} (default 127.0.0.1:5432), named {@code biodid_grafana_test_<pid>} so that builds
 * running side by side on one machine do not share it, created here and dropped afterwards. With
 * {@code BIODID_GRAFANA_TEST_DB_URL} set, that database is used as it is (its {@code perf} schema is replaced).
 * Unreachable: skipped with a message locally, a failure under {@code CI=true}.
 */
final class HistoryDatabase {

    static final String USER = env("BIODID_TEST_DB_USER", "postgres");
    static final String PASSWORD = env("BIODID_TEST_DB_PASSWORD", "");
    private static final String CONFIGURED = System.getenv("BIODID_GRAFANA_TEST_DB_URL");
    static final String URL = CONFIGURED != null && !CONFIGURED.isBlank() ? CONFIGURED : derived();

    private static boolean created;

    private HistoryDatabase() {
    }

    /** Reachable (own database created) or skip/fail. */
    static synchronized void require() {
        String problem;
        try {
            if (CONFIGURED == null || CONFIGURED.isBlank()) {
                admin("CREATE DATABASE \"" + name() + "\"");
                created = true;
            }
            try (Connection c = connect()) {
                problem = c.isValid(5) ? null : "not valid";
            }
        } catch (SQLException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            String message = "PostgreSQL is not reachable at " + URL + " (" + problem + "); set BIODID_TEST_DB_URL "
                             + "or BIODID_GRAFANA_TEST_DB_URL";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + ". The dashboard SQL tests are required in CI.");
            }
            System.err.println("SKIPPING dashboard SQL tests: " + message);
            Assumptions.abort(message);
        }
    }

    /** Drop the database this class created (nothing when it was configured). */
    static synchronized void release() throws SQLException {
        if (created) {
            admin("DROP DATABASE IF EXISTS \"" + name() + "\" WITH (FORCE)");
            created = false;
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    /** Start from an empty history. */
    static void dropHistory() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS perf CASCADE");
        }
    }

    private static void admin(String sql) throws SQLException {
        String admin = URL.substring(0, URL.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String name() {
        return URL.substring(URL.lastIndexOf('/') + 1).replaceAll("\\?.*", "").replace("\"", "");
    }

    private static String derived() {
        String base = env("BIODID_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/biodid_test");
        String query = base.contains("?") ? base.substring(base.indexOf('?')) : "";
        String server = base.substring(0, (query.isEmpty() ? base : base.substring(0, base.indexOf('?'))).lastIndexOf('/') + 1);
        return server + "biodid_grafana_test_" + ProcessHandle.current().pid() + query;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
