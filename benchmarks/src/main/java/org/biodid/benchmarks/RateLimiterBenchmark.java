package org.biodid.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.biodid.api.InProcessRateLimiter;
import org.biodid.api.RateLimiter;
import org.biodid.limits.SharedRateLimiter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one rate-limit decision costs: the in-process token bucket against the shared one in PostgreSQL (Bucket4j,
 * one row lock and update per decision). Four threads take tokens for one API key (the worst case for the shared
 * store: every decision waits for the same row) or for {@code keys} keys. The budget is effectively unlimited, so
 * every decision is an allowed one, as on the hot path.
 * <p>
 * The database comes from {@code -Dbiodid.bench.db=jdbc:postgresql://...} (default: the BIODID_PERF_TEST_DB_URL
 * environment variable, else {@code jdbc:postgresql://127.0.0.1:5432/biodid_perf_test}), user postgres, no password.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(4)
public class RateLimiterBenchmark {

    @Param({"1", "16"})
    public int keys;

    private RateLimiter local;
    private SharedRateLimiter shared;
    private HikariDataSource pool;
    private String[] keyIds;

    /** Per-thread position in the key rotation. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() throws SQLException, IOException {
        local = new InProcessRateLimiter(1e9, 1_000_000_000, System::nanoTime);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(System.getProperty("biodid.bench.db", System.getenv().getOrDefault(
                "BIODID_PERF_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/biodid_perf_test")));
        config.setUsername("postgres");
        config.setMaximumPoolSize(2);
        config.setConnectionInitSql(SharedRateLimiter.SESSION_SETTINGS);
        pool = new HikariDataSource(config);
        ensureTable();
        shared = new SharedRateLimiter(1e9, 1_000_000_000, Duration.ofHours(1));
        shared.start(pool);
        keyIds = new String[keys];
        for (int i = 0; i < keys; i++) {
            keyIds[i] = "bench-" + UUID.randomUUID();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        shared.close();
        pool.close();
    }

    @Benchmark
    public boolean inProcess(Cursor cursor) {
        return local.tryAcquire(keyIds[cursor.next++ % keys]).allowed();
    }

    @Benchmark
    public boolean sharedPostgres(Cursor cursor) {
        return shared.tryAcquire(keyIds[cursor.next++ % keys]).allowed();
    }

    private void ensureTable() throws SQLException, IOException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT to_regclass('rate_limit_buckets') IS NOT NULL")) {
                r.next();
                if (r.getBoolean(1)) {
                    return;
                }
            }
            // a database the service never migrated: create the table from the service's own migration
            try (InputStream in = RateLimiterBenchmark.class.getResourceAsStream(
                    "/db/migration/V3__rate_limit_buckets.sql")) {
                s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
