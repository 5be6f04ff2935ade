package org.biodid.store;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations packaged under {@code db/migration}.
 * <p>
 * A database that is down at start-up must not keep the service from starting: liveness stays UP, readiness reports
 * the pending migration, and a background virtual thread retries until the schema is in place.
 */
public final class SchemaMigrator {

    private static final System.Logger LOGGER = System.getLogger(SchemaMigrator.class.getName());

    private final Flyway flyway;
    private final Duration retryInterval;
    private final AtomicReference<String> pendingReason = new AtomicReference<>("migrations not run yet");
    private volatile Thread retryThread;

    /**
     * Create a migrator for a database.
     *
     * @param settings      where the database is
     * @param retryInterval pause between attempts while the database is unreachable
     */
    public SchemaMigrator(DatabaseSettings settings, Duration retryInterval) {
        this.flyway = Flyway.configure()
                .dataSource(settings.url(), settings.username(), settings.password())
                .locations("classpath:db/migration")
                .connectRetries(0)
                .load();
        this.retryInterval = retryInterval;
    }

    /**
     * Try once now; on failure keep retrying in the background.
     *
     * @return whether the schema is ready now
     */
    public boolean migrateOrRetryInBackground() {
        if (tryMigrate()) {
            return true;
        }
        retryThread = Thread.ofVirtual().name("schema-migration-retry").start(this::retryUntilDone);
        return false;
    }

    /**
     * @return whether the migrations have been applied
     */
    public boolean isMigrated() {
        return pendingReason.get() == null;
    }

    /**
     * @return why the schema is not ready, or {@code null} when it is
     */
    public String pendingReason() {
        return pendingReason.get();
    }

    /** Stop retrying (on shutdown). */
    public void stop() {
        Thread thread = retryThread;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void retryUntilDone() {
        while (!isMigrated() && !Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(retryInterval);
            } catch (InterruptedException e) {
                return;
            }
            tryMigrate();
        }
    }

    private boolean tryMigrate() {
        try {
            MigrateResult result = flyway.migrate();
            pendingReason.set(null);
            LOGGER.log(Level.INFO, "Database schema at version " + currentVersion(result) + " ("
                    + result.migrationsExecuted + " migration(s) applied now)");
            return true;
        } catch (RuntimeException e) {
            String reason = rootMessage(e);
            pendingReason.set(reason);
            LOGGER.log(Level.WARNING, "Schema migration failed, will retry every " + retryInterval.toSeconds()
                    + " s: " + reason);
            return false;
        }
    }

    private static String currentVersion(MigrateResult result) {
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
