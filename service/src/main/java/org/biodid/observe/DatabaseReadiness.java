package org.biodid.observe;

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
 */
public final class DatabaseReadiness implements HealthCheck {

    private final SchemaMigrator migrator;
    private final HealthCheck ping;

    /**
     * @param client   database client with a {@code health-check} named statement
     * @param migrator schema migrator
     */
    public DatabaseReadiness(DbClient client, SchemaMigrator migrator) {
        this.migrator = migrator;
        this.ping = DbClientHealthCheck.builder(client).query().statementName("health-check").build();
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
        return ping.call();
    }
}
