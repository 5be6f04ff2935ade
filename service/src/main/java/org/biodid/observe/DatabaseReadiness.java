package org.biodid.observe;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.health.DbClientHealthCheck;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

import org.biodid.store.SchemaMigrator;

/**
 * Readiness: the schema is migrated and the database answers its ping statement.
 * <p>
 * DbClient's own check registers as a liveness check; a database outage must not make the orchestrator restart a
 * healthy process, so it runs here, under readiness.
 * <p>
 * The ping's result is reused for {@code maxAge}: load balancers and load tests call {@code /health} hundreds of
 * times a second, and a query per call competed with the API for the small connection pool (the harness measured
 * 503s from exactly that). One caller refreshes a stale result while the others keep answering with the last one,
 * so an outage never queues health checks on the pool either.
 */
public final class DatabaseReadiness implements HealthCheck {

    private final SchemaMigrator migrator;
    private final HealthCheck ping;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Cached last;

    /**
     * @param client   database client with a {@code health-check} named statement
     * @param migrator schema migrator
     * @param maxAge   how long a ping result is reused; zero pings on every call
     */
    public DatabaseReadiness(DbClient client, SchemaMigrator migrator, Duration maxAge) {
        this(migrator, DbClientHealthCheck.builder(client).query().statementName("health-check").build(), maxAge,
             System::nanoTime);
    }

    DatabaseReadiness(SchemaMigrator migrator, HealthCheck ping, Duration maxAge, LongSupplier nanoTime) {
        this.migrator = migrator;
        this.ping = ping;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthCheckResponse call() {
        String pending = migrator.pendingReason();
        if (pending != null) {
            return HealthCheckResponse.builder()
                    .status(false)
                    .detail("schema", "pending")
                    .detail("error", pending)
                    .build();
        }
        Cached cached = last;
        long now = nanoTime.getAsLong();
        if (cached != null && now - cached.atNanos < maxAgeNanos) {
            return cached.response;
        }
        if (cached != null && !refreshing.compareAndSet(false, true)) {
            // Someone is already asking the database; the last answer stands until they have it.
            return cached.response;
        }
        try {
            HealthCheckResponse response = ping.call();
            last = new Cached(response, nanoTime.getAsLong());
            return response;
        } finally {
            refreshing.set(false);
        }
    }

    private record Cached(HealthCheckResponse response, long atNanos) {
    }
}
