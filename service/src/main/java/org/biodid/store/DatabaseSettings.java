package org.biodid.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/**
 * Where the data lives: the PostgreSQL (or other JDBC) database named by {@code db.connection.url}, or, when none is
 * configured, an embedded H2 file database under {@code app.data.dir} so that {@code java -jar} works anywhere.
 *
 * @param url      JDBC URL
 * @param username user name, may be empty
 * @param password password, may be empty
 * @param embedded whether this is the embedded H2 default
 * @param dbConfig the complete {@code db} configuration for Helidon's DbClient, with the URL filled in
 * @param countersConfig the same for the counters' pool ({@link Database#counters()}), or {@code null} where the
 *                 counters share the main pool (embedded H2, and databases other than PostgreSQL)
 */
public record DatabaseSettings(String url, String username, String password, boolean embedded, Config dbConfig,
                               Config countersConfig) {

    // PostgreSQL mode keeps the shared migrations and statements valid; lower-case names match PostgreSQL's.
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /**
     * Resolve the settings from the root configuration.
     *
     * @param config root configuration
     * @return settings
     */
    public static DatabaseSettings from(Config config) {
        Config db = config.get("db");
        Map<String, String> overrides = new HashMap<>();
        // HikariCP's property names are camelCase, which environment variables cannot spell; these two settings
        // get keys of our own (APP_DB_POOL_SIZE, APP_DB_CONNECTION_TIMEOUT) that the environment can override.
        config.get("app.db.pool.size").asString()
                .ifPresent(size -> overrides.put("connection.maximumPoolSize", size));
        config.get("app.db.connection.timeout").as(Duration.class)
                .ifPresent(timeout -> overrides.put("connection.connectionTimeout",
                                                    Long.toString(timeout.toMillis())));
        String url = db.get("connection.url").asString().filter(s -> !s.isBlank()).orElse(null);
        boolean embedded = url == null;
        String username = db.get("connection.username").asString().orElse("");
        String password = db.get("connection.password").asString().orElse("");
        if (embedded) {
            Path dataDir = Path.of(config.get("app.data.dir").asString().get()).toAbsolutePath().normalize();
            url = "jdbc:h2:file:" + dataDir.resolve("biodid") + H2_OPTIONS;
            username = "sa";
            password = "";
            overrides.put("connection.url", url);
            overrides.put("connection.username", username);
            overrides.put("connection.password", password);
        }
        Config counters = null;
        if (url.startsWith("jdbc:postgresql:")) {
            Map<String, String> counterOverrides = new HashMap<>(overrides);
            counterOverrides.put("connection.poolName", "biodid-counters");
            String countersPoolSize = config.get("app.db.counters.pool.size").asString().get();
            counterOverrides.put("connection.maximumPoolSize", countersPoolSize);
            counterOverrides.put("connection.minimumIdle", countersPoolSize);
            // Counters, challenges and used proofs commit without waiting for the WAL flush (docs/reliability.md):
            // what PostgreSQL loses in a crash of its own is the last few hundred milliseconds of bookkeeping, never
            // an acknowledged enrollment or revocation, whose commits stay synchronous on the main pool and flush
            // every earlier asynchronous commit with them.
            counterOverrides.put("connection.connectionInitSql", "SET synchronous_commit = off");
            counters = layered(counterOverrides, db);
        }
        return new DatabaseSettings(url, username, password, embedded, layered(overrides, db), counters);
    }

    private static Config layered(Map<String, String> overrides, Config db) {
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(overrides))
                .addSource(ConfigSources.create(db.detach()))
                .build();
    }

    /**
     * @return whether the counters have a pool of their own
     */
    public boolean separateCounters() {
        return countersConfig != null;
    }

    /**
     * The URL without credentials or options, for logs.
     *
     * @return printable location
     */
    public String describe() {
        int options = url.indexOf(';');
        String base = options < 0 ? url : url.substring(0, options);
        int query = base.indexOf('?');
        return (query < 0 ? base : base.substring(0, query)) + (embedded ? " (embedded H2)" : "");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + "]";
    }
}
