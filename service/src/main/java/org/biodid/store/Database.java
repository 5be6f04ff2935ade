package org.biodid.store;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;

/**
 * The database as the rest of the service sees it: a DbClient over a HikariCP pool, and the schema migrator.
 * <p>
 * On PostgreSQL the bookkeeping written on every verification and enrollment (failure counters, wallet challenges,
 * used proofs) goes through a second small pool, {@link #counters()}, whose sessions commit asynchronously: those
 * commits then cost no WAL flush each, which on a small machine is what ran the main pool dry under load. Elsewhere
 * {@code counters()} is the main client.
 * <p>
 * Creating it touches nothing; {@link #start()} opens the pool and migrates the schema (retrying in the background
 * while the database is down), {@link #close()} stops both. The client handed out before {@code start()} is the same
 * object afterwards, so repositories can be built first.
 */
public final class Database implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(Database.class.getName());
    /** HikariCP's own defaults, for a pool configured without them. */
    private static final int DEFAULT_POOL_SIZE = 10;
    private static final long DEFAULT_TIMEOUT_MILLIS = 30_000;

    private final DatabaseSettings settings;
    private final SchemaMigrator migrator;
    private final StartedClient client = new StartedClient();
    private final StartedClient counters = new StartedClient();

    private Database(DatabaseSettings settings, SchemaMigrator migrator) {
        this.settings = settings;
        this.migrator = migrator;
    }

    /**
     * A database that is not started yet.
     *
     * @param settings      where the database is
     * @param retryInterval pause between migration attempts
     * @return the database
     */
    public static Database create(DatabaseSettings settings, Duration retryInterval) {
        return new Database(settings, new SchemaMigrator(settings, retryInterval));
    }

    /**
     * A started database (tests and tools that need nothing else).
     *
     * @param settings      where the database is
     * @param retryInterval pause between migration attempts
     * @return the started database
     */
    public static Database open(DatabaseSettings settings, Duration retryInterval) {
        Database database = create(settings, retryInterval);
        database.start();
        return database;
    }

    /**
     * Migrate the schema (retrying in the background when the database cannot be reached yet) and open the pool
     * (lazily: the pool tolerates a database that is down).
     */
    public void start() {
        LOGGER.log(Level.INFO, "Database: " + settings.describe());
        migrator.migrateOrRetryInBackground();
        DbClient main = DbClient.create(settings.dbConfig());
        client.open(main);
        counters.open(settings.separateCounters() ? DbClient.create(settings.countersConfig()) : main);
    }

    /**
     * Open every connection of both pools now, before the server takes traffic. HikariCP opens a pool's connections
     * one at a time in the background, starting at its first use; a burst of first requests then waits for them,
     * and on a busy two-core machine those waits ran past the 2 s pool timeout within 5 s of start (503s). Each
     * connection is borrowed at once and released when all are open, or when the connection timeout ends the wait
     * (a database that is down at start is no error here: the pools keep trying, as they would without this).
     *
     * @return connections that were open at once, over both pools
     */
    public int openConnections() {
        int open = fill(client, settings.dbConfig());
        if (settings.separateCounters()) {
            open += fill(counters, settings.countersConfig());
        }
        return open;
    }

    private static int fill(DbClient pool, Config poolConfig) {
        int size = poolConfig.get("connection.maximumPoolSize").asInt().orElse(DEFAULT_POOL_SIZE);
        long timeoutMillis = poolConfig.get("connection.connectionTimeout").asLong().orElse(DEFAULT_TIMEOUT_MILLIS);
        CountDownLatch allOpen = new CountDownLatch(size);
        AtomicInteger opened = new AtomicInteger();
        try (ExecutorService borrowers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < size; i++) {
                borrowers.submit(() -> holdOneConnection(pool, allOpen, opened, timeoutMillis));
            }
        }
        return opened.get();
    }

    private static void holdOneConnection(DbClient pool, CountDownLatch allOpen, AtomicInteger opened,
                                          long timeoutMillis) {
        DbTransaction tx = pool.transaction();
        boolean held = false;
        try {
            tx.createQuery("SELECT 1").execute().count();
            held = true;
            opened.incrementAndGet();
            allOpen.countDown();
            allOpen.await(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            allOpen.countDown();
            LOGGER.log(Level.INFO, "Could not open a database connection before serving: " + e.getMessage());
        } finally {
            if (held) {
                tx.commit();
            } else {
                tx.rollback();
            }
        }
    }

    /**
     * @return the DbClient (usable once started)
     */
    public DbClient client() {
        return client;
    }

    /**
     * @return the DbClient for counters, challenges and used proofs: asynchronous commits on PostgreSQL, the main
     *         client elsewhere (usable once started)
     */
    public DbClient counters() {
        return counters;
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
        if (settings.separateCounters()) {
            counters.shut();
        } else {
            counters.forget();
        }
        if (client.shut()) {
            LOGGER.log(Level.INFO, "Database connections closed");
        }
    }

    /** The pool's DbClient once {@link #start()} has opened it. */
    private static final class StartedClient implements DbClient {

        private volatile DbClient pool;

        void open(DbClient opened) {
            pool = opened;
        }

        private DbClient pool() {
            DbClient current = pool;
            if (current == null) {
                // a request that arrives while the service starts or stops: the database is unavailable (503)
                throw new DbClientException("The database is not open (the service is starting or stopping)");
            }
            return current;
        }

        @Override
        public String dbType() {
            return pool().dbType();
        }

        @Override
        public DbExecute execute() {
            return pool().execute();
        }

        @Override
        public DbTransaction transaction() {
            return pool().transaction();
        }

        @Override
        public <C> C unwrap(Class<C> cls) {
            return pool().unwrap(cls);
        }

        @Override
        public void close() {
            shut();
        }

        /** Drop the reference without closing (it is another client's pool). */
        void forget() {
            pool = null;
        }

        /** @return whether an open pool was closed */
        boolean shut() {
            DbClient current = pool;
            pool = null;
            if (current == null) {
                return false;
            }
            current.close();
            return true;
        }
    }
}
