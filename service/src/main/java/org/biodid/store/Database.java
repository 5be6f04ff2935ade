package org.biodid.store;

import java.lang.System.Logger.Level;
import java.time.Duration;

import io.helidon.dbclient.DbClient;

/**
 * The database as the rest of the service sees it: a DbClient over a HikariCP pool, and the schema migrator.
 */
public final class Database implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(Database.class.getName());

    private final DatabaseSettings settings;
    private final DbClient client;
    private final SchemaMigrator migrator;

    private Database(DatabaseSettings settings, DbClient client, SchemaMigrator migrator) {
        this.settings = settings;
        this.client = client;
        this.migrator = migrator;
    }

    /**
     * Connect (lazily: the pool tolerates a database that is down) and migrate the schema, retrying in the
     * background when the database cannot be reached yet.
     *
     * @param settings      where the database is
     * @param retryInterval pause between migration attempts
     * @return the database
     */
    public static Database open(DatabaseSettings settings, Duration retryInterval) {
        LOGGER.log(Level.INFO, "Database: " + settings.describe());
        SchemaMigrator migrator = new SchemaMigrator(settings, retryInterval);
        migrator.migrateOrRetryInBackground();
        DbClient client = DbClient.create(settings.dbConfig());
        return new Database(settings, client, migrator);
    }

    /**
     * @return the DbClient
     */
    public DbClient client() {
        return client;
    }

    /**
     * @return the schema migrator, for readiness
     */
    public SchemaMigrator migrator() {
        return migrator;
    }

    /**
     * @return where the database is
     */
    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        migrator.stop();
        client.close();
        LOGGER.log(Level.INFO, "Database connections closed");
    }
}
