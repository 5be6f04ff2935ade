package org.biodid.limits;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.helidon.config.Config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.biodid.api.InProcessRateLimiter;
import org.biodid.api.RateLimiter;
import org.biodid.store.DatabaseSettings;

/**
 * Chooses the per-key rate limiter from {@code app.rate.limit.*}: {@code store: local} keeps the buckets in this
 * process (fast; right for a single instance), {@code store: postgresql} keeps them in the shared database so that
 * every instance draws from one budget per key. The shared limiter gets a small connection pool of its own
 * ({@code app.rate.limit.pool.size}), so that it never waits behind the API's queries for a connection, nor they
 * behind it.
 * <p>
 * Building reads and checks the configuration only. HikariCP connects as soon as a pool is built, so the shared
 * limiter's pool is built by {@link #start()}, which the composition root calls with the rest of the start-up, and
 * closed by {@link #close()}.
 */
public final class RateLimiters implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(RateLimiters.class.getName());

    private final RateLimiter limiter;
    private final Optional<SharedRateLimiter> shared;
    private final Optional<HikariConfig> poolConfig;
    private HikariDataSource pool;

    private RateLimiters(RateLimiter limiter, SharedRateLimiter shared, HikariConfig poolConfig) {
        this.limiter = limiter;
        this.shared = Optional.ofNullable(shared);
        this.poolConfig = Optional.ofNullable(poolConfig);
    }

    /**
     * Build the configured limiter.
     *
     * @param config   root configuration; every {@code app.rate.limit} key is required (application.yaml holds the
     *                 defaults)
     * @param database where the shared buckets live
     * @return the limiter, not started
     * @throws IllegalStateException when the shared store is asked for on a database other than PostgreSQL
     * @throws io.helidon.config.MissingValueException naming a key that is missing
     */
    public static RateLimiters create(Config config, DatabaseSettings database) {
        Config limit = config.get("app.rate.limit");
        double rps = limit.get("rps").asDouble().get();
        int burst = limit.get("burst").asInt().get();
        String store = limit.get("store").asString().get().trim().toLowerCase(Locale.ROOT);
        switch (store) {
        case "local" -> {
            return new RateLimiters(new InProcessRateLimiter(rps, burst, System::nanoTime), null, null);
        }
        case "postgresql" -> {
            if (database.embedded() || !database.url().startsWith("jdbc:postgresql:")) {
                throw new IllegalStateException("app.rate.limit.store=postgresql needs db.connection.url to name a "
                                                         + "PostgreSQL database, not " + database.describe());
            }
            HikariConfig pool = poolConfig(limit, config, database);
            SharedRateLimiter shared = new SharedRateLimiter(rps, burst,
                                                             limit.get("clean.interval").as(Duration.class).get());
            LOGGER.log(Level.INFO, "Rate limit: " + rps + "/s, burst " + burst
                    + " per API key, shared by every instance on " + database.describe());
            return new RateLimiters(shared, shared, pool);
        }
        default -> throw new IllegalStateException("app.rate.limit.store must be 'local' or 'postgresql', not '"
                                                           + store + "'");
        }
    }

    private static HikariConfig poolConfig(Config limit, Config config, DatabaseSettings database) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("biodid-rate-limit");
        hikari.setJdbcUrl(database.url());
        hikari.setUsername(database.username());
        hikari.setPassword(database.password());
        hikari.setMaximumPoolSize(limit.get("pool.size").asInt().get());
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(config.get("app.db.connection.timeout").as(Duration.class).get().toMillis());
        // like the API's pool: a database that is down at start-up is not a reason to refuse to start
        hikari.setInitializationFailTimeout(-1);
        hikari.setConnectionInitSql(SharedRateLimiter.SESSION_SETTINGS);
        // the settings are checked now, so that a bad one stops the build rather than the start
        hikari.validate();
        return hikari;
    }

    /**
     * @return the limiter
     */
    public RateLimiter limiter() {
        return limiter;
    }

    /**
     * Open the shared limiter's pool (it tolerates a database that is down) and start its cleaning; nothing to do
     * for the in-process limiter.
     */
    public synchronized void start() {
        if (pool == null && poolConfig.isPresent()) {
            pool = new HikariDataSource(poolConfig.get());
            shared.orElseThrow().start(pool);
        }
    }

    @Override
    public synchronized void close() {
        shared.ifPresent(SharedRateLimiter::close);
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
