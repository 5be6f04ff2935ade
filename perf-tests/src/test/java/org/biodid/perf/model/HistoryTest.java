package org.biodid.perf.model;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both history writers, through the same scenario: three runs of one workload (the middle one failing), one of
 * another; the baseline query returns the passing runs of the workload, newest first, with their percentiles.
 * PostgreSQL: {@code BIODID_PERF_TEST_DB_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/biodid_perf_test},
 * user postgres, created when missing); skipped when unreachable unless {@code CI=true}.
 */
class HistoryTest {

    private static final String PG_URL = PerfConfig.get("BIODID_PERF_TEST_DB_URL",
                                                        "jdbc:postgresql://127.0.0.1:5432/biodid_perf_test");

    @Test
    void csvHistoryAppendsAndFindsTheBaselineRuns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("history/perf-history.csv");
        CsvHistory history = new CsvHistory(file);
        recordScenario(history);
        List<String> lines = Files.readAllLines(file);
        assertEquals(String.join(",", CsvHistory.COLUMNS), lines.getFirst());
        assertEquals(1 + 4 * 2, lines.size()); // header + 4 runs x 2 operations
        assertScenario(history);
    }

    @Test
    void postgresHistoryMigratesItsSchemaAndFindsTheBaselineRuns() throws Exception {
        assumePostgres();
        try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS perf CASCADE");
        }
        PostgresHistory history = PostgresHistory.open(PG_URL, "postgres", "");
        PostgresHistory.open(PG_URL, "postgres", ""); // migrating again is a no-op
        recordScenario(history);
        assertScenario(history);
        try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT version, success FROM perf.flyway_schema_history WHERE version IS NOT NULL")) {
                assertTrue(rs.next());
                assertEquals("1", rs.getString(1));
                assertTrue(rs.getBoolean(2));
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT o.p95_ms, o.target_p95_ms, r.target_throughput_rps, r.passed, r.summary->>'workload',
                           (SELECT count(*) FROM perf.resource_samples x WHERE x.run_id = r.run_id)
                    FROM perf.runs r JOIN perf.operation_results o USING (run_id)
                    WHERE r.run_id = 'mixed-3' AND o.operation = 'verify'""")) {
                assertTrue(rs.next());
                assertEquals(9, rs.getDouble(1));
                assertEquals(75, rs.getDouble(2));
                assertEquals(1000, rs.getDouble(3));
                assertTrue(rs.getBoolean(4));
                assertEquals("mixed", rs.getString(5));
                assertEquals(2, rs.getLong(6));
            }
        }
    }

    private static void recordScenario(RunHistory history) {
        Instant t = Instant.parse("2026-11-28T01:00:00Z");
        history.record(Summaries.summary("mixed-1", "mixed", true, t, 1, 7));
        history.record(Summaries.summary("mixed-2", "mixed", false, t.plusSeconds(100), 1, 500));
        history.record(Summaries.summary("health-1", "health", true, t.plusSeconds(200), 2, 8));
        history.record(Summaries.summary("mixed-3", "mixed", true, t.plusSeconds(300), 2, 9));
    }

    private static void assertScenario(RunHistory history) {
        List<Baseline.HistoricRun> runs = history.lastPassing("mixed", 5);
        assertEquals(List.of("mixed-3", "mixed-1"), runs.stream().map(Baseline.HistoricRun::runId).toList());
        assertEquals(9.0, runs.get(0).metrics().get("verify").get("p95"));
        assertEquals(7.0, runs.get(1).metrics().get("verify").get("p95"));
        assertEquals(8.0, Baseline.median(runs, "verify", "p95"));
        assertEquals(List.of("mixed-3"), history.lastPassing("mixed", 1).stream()
                .map(Baseline.HistoricRun::runId).toList());
        assertTrue(history.lastPassing("soak", 5).isEmpty());
    }

    private static void assumePostgres() {
        String admin = PG_URL.replaceAll("/[^/?]+(\\?.*)?$", "/postgres");
        String database = PG_URL.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
        try (Connection c = DriverManager.getConnection(admin, "postgres", "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + database);
                }
            }
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + admin + " (set BIODID_PERF_TEST_DB_URL): " + e;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message, e);
            }
            System.out.println("SKIPPED: " + message);
            assumeTrue(false, message);
        }
    }
}
