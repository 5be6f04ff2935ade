package org.biodid.limits;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.helidon.dbclient.DbClientException;

import org.biodid.api.RateLimiter;

/**
 * One token bucket per API key for the whole fleet, kept in PostgreSQL by Bucket4j.
 * <p>
 * Each request locks its key's row ({@code SELECT ... FOR UPDATE}), refills and takes a token, and writes the row
 * back in one short transaction, so two instances cannot both spend the last token. The bucket's id carries the
 * rate and size, so changing them starts fresh buckets instead of reusing ones shaped by the old setting; rows whose
 * bucket would be full again are deleted in the background (a full bucket and a missing one mean the same).
 * A database that cannot be reached fails the request with 503, like every other database call.
 * <p>
 * Building it touches nothing: {@link #start(DataSource)} names the database and starts the cleaning, {@link #close()}
 * stops it.
 */
public final class SharedRateLimiter implements RateLimiter, AutoCloseable {

    static final String TABLE = "rate_limit_buckets";
    /**
     * Session settings for the limiter's connections: a decision's commit does not wait for its WAL record to reach
     * disk. A crash of PostgreSQL may then forget the last fraction of a second of token spending (a few requests'
     * worth of budget handed back), which is harmless for a rate limit; waiting for the flush made every decision
     * cost a disk sync (about 100 decisions a second for one key on the reference machine).
     */
    public static final String SESSION_SETTINGS = "SET synchronous_commit TO OFF";
    private static final System.Logger LOGGER = System.getLogger(SharedRateLimiter.class.getName());
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int CLEAN_BATCH = 1000;

    private final double rps;
    private final int burst;
    private final String idSuffix;
    private final BucketConfiguration configuration;
    private final Duration cleanInterval;
    private final ConcurrentHashMap<String, BucketProxy> proxies = new ConcurrentHashMap<>();
    private volatile PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private ScheduledExecutorService cleaner;

    /**
     * A limiter that touches no database until {@link #start(DataSource)}.
     *
     * @param rps           sustained requests per second per key; 0 or less disables limiting
     * @param burst         bucket size
     * @param cleanInterval pause between deletions of buckets that have refilled completely
     */
    public SharedRateLimiter(double rps, int burst, Duration cleanInterval) {
        this.rps = rps;
        this.burst = Math.max(1, burst);
        this.idSuffix = "|" + rps + "/" + this.burst;
        this.cleanInterval = cleanInterval;
        // rps may be fractional (0.5/s); a full bucket's worth of tokens per burst/rps seconds is the same rate
        Duration refillPeriod = Duration.ofNanos(Math.max(1L, Math.round(this.burst / Math.max(rps, 1e-9)
                                                                               * NANOS_PER_SECOND)));
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(this.burst).refillGreedy(this.burst, refillPeriod).build())
                .build();
    }

    /**
     * Keep the buckets in the given database from now on, and start deleting full ones in the background.
     *
     * @param dataSource connections to the shared PostgreSQL database (with the {@code rate_limit_buckets} table)
     */
    public synchronized void start(DataSource dataSource) {
        if (buckets != null) {
            return;
        }
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(1)))
                .build();
        this.cleaner = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("rate-limit-cleaner")
                                                                          .factory());
        cleaner.scheduleWithFixedDelay(this::removeFullBuckets, cleanInterval.toMillis(), cleanInterval.toMillis(),
                                       TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean enabled() {
        return rps > 0;
    }

    @Override
    public int burst() {
        return burst;
    }

    @Override
    public Decision tryAcquire(String key) {
        PostgreSQLSelectForUpdateBasedProxyManager<String> started = started();
        ConsumptionProbe probe;
        try {
            probe = proxies.computeIfAbsent(key, k -> started.builder().build(k + idSuffix, () -> configuration))
                    .tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            throw new DbClientException("Shared rate limit unavailable: " + e.getMessage(), e);
        }
        long remaining = Math.min(Integer.MAX_VALUE, probe.getRemainingTokens());
        long resetSeconds = ceilSeconds(probe.getNanosToWaitForReset());
        long retryAfter = probe.isConsumed() ? 0 : Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
        return new Decision(probe.isConsumed(), (int) remaining, resetSeconds, retryAfter);
    }

    /**
     * Delete buckets that have refilled completely; returns how many went.
     *
     * @return number of rows deleted
     */
    int removeFullBuckets() {
        try {
            int removed = started().removeExpired(CLEAN_BATCH);
            if (removed > 0) {
                LOGGER.log(Level.DEBUG, "Removed " + removed + " full rate-limit buckets");
            }
            return removed;
        } catch (RuntimeException e) {
            // the database may be down or not migrated yet; the next run catches up
            LOGGER.log(Level.DEBUG, "Rate-limit bucket cleaning skipped: " + e.getMessage());
            return 0;
        }
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }

    private PostgreSQLSelectForUpdateBasedProxyManager<String> started() {
        PostgreSQLSelectForUpdateBasedProxyManager<String> started = buckets;
        if (started == null) {
            // like a database that is down: requests only arrive between start and close, except a straggler
            throw new DbClientException("Shared rate limit unavailable: not started, or closed");
        }
        return started;
    }

    /**
     * Stop cleaning and forget the database; {@link #start(DataSource)} may open the limiter again on another.
     */
    @Override
    public synchronized void close() {
        if (cleaner != null) {
            cleaner.shutdownNow();
            cleaner = null;
        }
        buckets = null;
        proxies.clear();
    }
}
