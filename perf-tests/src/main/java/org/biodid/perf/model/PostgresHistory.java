package org.biodid.perf.model;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;

/**
 * Run history in PostgreSQL, schema {@code perf} (migrations in {@code db/perf/}, applied on open with the
 * history table {@code perf.flyway_schema_history}).
 */
public final class PostgresHistory implements RunHistory {

    private final String url;
    private final String user;
    private final String password;

    private PostgresHistory(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Migrate the {@code perf} schema and open the history.
     *
     * @param url JDBC URL
     * @param user user
     * @param password password
     * @return history
     */
    public static PostgresHistory open(String url, String user, String password) {
        Flyway.configure()
                .dataSource(url, user, password)
                .schemas("perf")
                .defaultSchema("perf")
                .createSchemas(true)
                .table("flyway_schema_history")
                .locations("classpath:db/perf")
                .load()
                .migrate();
        return new PostgresHistory(url, user, password);
    }

    @Override
    public void record(RunSummary s) {
        String failed = s.checks().stream().filter(c -> !c.passed()).map(RunSummary.Check::name)
                .collect(Collectors.joining(" "));
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement run = c.prepareStatement("""
                    INSERT INTO perf.runs (run_id, workload, simulation, started_at, finished_at, measured_seconds,
                        offered_rps, requests, errors, error_rate_percent, throughput_rps, cpu_avg_percent,
                        cpu_max_percent, rss_max_mb, rss_avg_mb, knee_rps, commit_sha, branch, dirty, jvm, cores,
                        base_url, database_kind, target_error_rate_percent, target_throughput_rps,
                        target_cpu_percent, target_rss_mb, passed, regression, failed_checks, verdict, noisy,
                        frr_under_load_percent, summary)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        ?, ?, ?, CAST(? AS JSONB))""")) {
                int i = 1;
                run.setString(i++, s.runId());
                run.setString(i++, s.workload());
                run.setString(i++, s.simulation());
                run.setTimestamp(i++, Timestamp.from(Instant.parse(s.startedAt())));
                run.setTimestamp(i++, Timestamp.from(Instant.parse(s.finishedAt())));
                run.setDouble(i++, s.measuredSeconds());
                run.setDouble(i++, s.offeredRps());
                run.setLong(i++, s.requests());
                run.setLong(i++, s.errors());
                run.setDouble(i++, s.errorRatePercent());
                run.setDouble(i++, s.throughputRps());
                RunSummary.Server server = s.server();
                run.setObject(i++, server == null ? null : server.cpuAvgPercent());
                run.setObject(i++, server == null ? null : server.cpuMaxPercent());
                run.setObject(i++, server == null ? null : server.rssMaxMb());
                run.setObject(i++, server == null ? null : server.rssAvgMb());
                run.setObject(i++, s.kneeRps());
                run.setString(i++, s.environment().commit());
                run.setString(i++, s.environment().branch());
                run.setBoolean(i++, s.environment().dirty());
                run.setString(i++, s.environment().jvm());
                run.setInt(i++, s.environment().cores());
                run.setString(i++, s.environment().baseUrl());
                run.setString(i++, s.environment().database());
                run.setDouble(i++, s.targets().errorRatePercent());
                run.setDouble(i++, s.targets().throughputRps());
                run.setDouble(i++, s.targets().cpuPercent());
                run.setDouble(i++, s.targets().rssMb());
                run.setBoolean(i++, s.passed());
                run.setBoolean(i++, s.regression());
                run.setString(i++, failed);
                run.setString(i++, s.verdict() != null ? s.verdict() : s.passed() ? Verdict.PASS : Verdict.FAIL);
                run.setObject(i++, s.noise() == null ? null : s.noise().noisy());
                run.setObject(i++, s.outcomes() == null ? null : s.outcomes().frrUnderLoadPercent());
                run.setString(i, s.toJson());
                run.executeUpdate();
            }
            try (PreparedStatement op = c.prepareStatement("""
                    INSERT INTO perf.operation_results (run_id, operation, requests, errors, error_rate_percent,
                        throughput_rps, min_ms, mean_ms, p50_ms, p75_ms, p95_ms, p99_ms, max_ms, target_p50_ms,
                        target_p95_ms, target_p99_ms, target_max_ms, passed)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (OperationStats o : s.operations().values()) {
                    Targets.OperationTarget t = s.targets().operations().get(o.operation());
                    boolean passed = s.checks().stream()
                            .filter(check -> check.name().startsWith(o.operation() + "."))
                            .allMatch(RunSummary.Check::passed);
                    int i = 1;
                    op.setString(i++, s.runId());
                    op.setString(i++, o.operation());
                    op.setLong(i++, o.count());
                    op.setLong(i++, o.errors());
                    op.setDouble(i++, o.errorRatePercent());
                    op.setDouble(i++, o.throughputRps());
                    op.setDouble(i++, o.minMs());
                    op.setDouble(i++, o.meanMs());
                    op.setDouble(i++, o.p50Ms());
                    op.setDouble(i++, o.p75Ms());
                    op.setDouble(i++, o.p95Ms());
                    op.setDouble(i++, o.p99Ms());
                    op.setDouble(i++, o.maxMs());
                    op.setObject(i++, t == null ? null : (double) t.p50());
                    op.setObject(i++, t == null ? null : (double) t.p95());
                    op.setObject(i++, t == null ? null : (double) t.p99());
                    op.setObject(i++, t == null ? null : (double) t.max());
                    op.setBoolean(i, passed);
                    op.addBatch();
                }
                op.executeBatch();
            }
            if (s.server() != null && s.server().timeline() != null) {
                try (PreparedStatement sample = c.prepareStatement(
                        "INSERT INTO perf.resource_samples (run_id, sampled_at, cpu_percent, rss_mb) VALUES (?, ?, ?, ?)"
                                + " ON CONFLICT DO NOTHING")) {
                    for (double[] point : s.server().timeline()) {
                        sample.setString(1, s.runId());
                        sample.setTimestamp(2, new Timestamp((long) point[0]));
                        sample.setDouble(3, point[1]);
                        sample.setDouble(4, point[2]);
                        sample.addBatch();
                    }
                    sample.executeBatch();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the run in " + url, e);
        }
    }

    @Override
    public List<Baseline.HistoricRun> lastPassing(String workload, int limit) {
        try (Connection c = connect();
             PreparedStatement statement = c.prepareStatement("""
                     SELECT r.run_id, o.operation, o.p50_ms, o.p95_ms, o.p99_ms, o.max_ms
                     FROM (SELECT run_id, started_at FROM perf.runs WHERE workload = ? AND passed
                           ORDER BY started_at DESC LIMIT ?) r
                     JOIN perf.operation_results o ON o.run_id = r.run_id
                     ORDER BY r.started_at DESC, o.operation""")) {
            statement.setString(1, workload);
            statement.setInt(2, limit);
            Map<String, Map<String, Map<String, Double>>> runs = new LinkedHashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Double> metrics = new LinkedHashMap<>();
                    for (String metric : Baseline.METRICS) {
                        metrics.put(metric, rs.getDouble(metric + "_ms"));
                    }
                    runs.computeIfAbsent(rs.getString("run_id"), k -> new LinkedHashMap<>())
                            .put(rs.getString("operation"), metrics);
                }
            }
            List<Baseline.HistoricRun> result = new ArrayList<>();
            runs.forEach((id, metrics) -> result.add(new Baseline.HistoricRun(id, metrics)));
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the history in " + url, e);
        }
    }

    @Override
    public String describe() {
        return "PostgreSQL " + url + " (schema perf)";
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
