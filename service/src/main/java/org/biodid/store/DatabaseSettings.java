package org.biodid.store;

import java.nio.file.Path;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/**
 * Where the data lives: the PostgreSQL (or other JDBC) database named by {@code db.connection.url}, or, when none is
 * configured, an embedded H2 file database under {@code app.data-dir} so that {@code java -jar} works anywhere.
 *
 * @param url      JDBC URL
 * @param username user name, may be empty
 * @param password password, may be empty
 * @param embedded whether this is the embedded H2 default
 * @param dbConfig the complete {@code db} configuration for Helidon's DbClient, with the URL filled in
 */
public record DatabaseSettings(String url, String username, String password, boolean embedded, Config dbConfig) {

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
        String url = db.get("connection.url").asString().filter(s -> !s.isBlank()).orElse(null);
        if (url != null) {
            return new DatabaseSettings(url,
                                        db.get("connection.username").asString().orElse(""),
                                        db.get("connection.password").asString().orElse(""),
                                        false,
                                        db);
        }
        Path dataDir = Path.of(config.get("app.data-dir").asString().orElse("./data")).toAbsolutePath().normalize();
        String h2Url = "jdbc:h2:file:" + dataDir.resolve("biodid") + H2_OPTIONS;
        Config withUrl = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(Map.of("connection.url", h2Url,
                                                       "connection.username", "sa",
                                                       "connection.password", "")))
                .addSource(ConfigSources.create(db.detach()))
                .build();
        return new DatabaseSettings(h2Url, "sa", "", true, withUrl);
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
