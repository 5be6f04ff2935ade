package org.biodid.dashboards;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL these tests record history into: {@code BIODID_GRAFANA_TEST_DB_URL}, by default the server of
 * {@code BIODID_TEST_DB_URL} (default 127.0.0.1:5432) with the database {@code biodid_grafana_test}, created when
 * missing. Unreachable: skipped with a message locally, a failure under {@code CI=true}.
 */
final class HistoryDatabase {

    static final String USER = env("BIODID_TEST_DB_USER", "postgres");
    static final String PASSWORD = env("BIODID_TEST_DB_PASSWORD", "");
    static final String URL = env("BIODID_GRAFANA_TEST_DB_URL", derived());

    private HistoryDatabase() {
    }

    /** Reachable (database created when missing) or skip/fail. */
    static void require() {
        String problem;
        try {
            createIfMissing();
            try (Connection c = connect()) {
                problem = c.isValid(5) ? null : "not valid";
            }
        } catch (SQLException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            String message = "PostgreSQL is not reachable at " + URL + " (" + problem + "); set BIODID_GRAFANA_TEST_DB_URL";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + ". The dashboard SQL tests are required in CI.");
            }
            System.err.println("SKIPPING dashboard SQL tests: " + message);
            Assumptions.abort(message);
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    /** Start from an empty history: this database belongs to these tests. */
    static void dropHistory() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS perf CASCADE");
        }
    }

    private static void createIfMissing() throws SQLException {
        int slash = URL.lastIndexOf('/');
        String name = URL.substring(slash + 1).replaceAll("\\?.*", "");
        String admin = URL.substring(0, slash + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, USER, PASSWORD);
             Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "''") + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
        } catch (SQLException e) {
            // The database may exist without the right to list it; connecting to it decides.
            if (!"42P04".equals(e.getSQLState())) {
                try (Connection ignored = connect()) {
                    return;
                } catch (SQLException inner) {
                    e.addSuppressed(inner);
                    throw e;
                }
            }
        }
    }

    private static String derived() {
        String base = env("BIODID_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/biodid_test");
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + "biodid_grafana_test";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
