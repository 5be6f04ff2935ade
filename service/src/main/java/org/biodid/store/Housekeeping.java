package org.biodid.store;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes rows whose purpose has passed: client proofs outside their freshness window, idempotency records
 * older than the retention (clients retry within minutes; a day is generous), and wallet challenges an hour after
 * they expired (kept that long so that a late use is told "expired" or "reused" rather than "unknown"). Also seals
 * enrollment secrets left in plaintext (a database that was unreachable when the service started) or under a
 * previous key.
 */
public final class Housekeeping implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(Housekeeping.class.getName());

    private static final Duration CHALLENGE_GRACE = Duration.ofHours(1);

    private final UsedProofRepository proofs;
    private final IdempotencyRepository idempotency;
    private final SecretsResealer resealer;
    private final WalletChallengeRepository challenges;
    private final Duration idempotencyRetention;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    /**
     * Housekeeping that deletes every {@code interval} once {@linkplain #start() started}.
     *
     * @param proofs               used proofs
     * @param idempotency          idempotency records
     * @param resealer             seals enrollments left in plaintext or under a previous key
     * @param challenges           wallet challenges
     * @param idempotencyRetention how long idempotency records are kept
     * @param interval             pause between runs
     * @param clock                clock
     */
    public Housekeeping(UsedProofRepository proofs, IdempotencyRepository idempotency,
                        WalletChallengeRepository challenges, SecretsResealer resealer,
                        Duration idempotencyRetention, Duration interval, Clock clock) {
        this.proofs = proofs;
        this.idempotency = idempotency;
        this.challenges = challenges;
        this.resealer = resealer;
        this.idempotencyRetention = idempotencyRetention;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * Start the schedule.
     */
    public synchronized void start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("housekeeping").factory());
            scheduler.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(),
                                             TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Delete what has expired now.
     */
    public void runOnce() {
        try {
            long expiredProofs = proofs.deleteExpired(clock.instant());
            long oldRecords = idempotency.deleteBefore(clock.instant().minus(idempotencyRetention));
            // a database that was down at start-up: its old rows are sealed here
            resealer.resealAll();
            long oldChallenges = challenges.deleteExpiredBefore(clock.instant().minus(CHALLENGE_GRACE));
            if (expiredProofs + oldRecords + oldChallenges > 0) {
                LOGGER.log(Level.DEBUG, "Housekeeping removed " + expiredProofs + " used proofs, " + oldRecords
                        + " idempotency records and " + oldChallenges + " wallet challenges");
            }
        } catch (RuntimeException e) {
            // The database may be down; the next run catches up.
            LOGGER.log(Level.DEBUG, "Housekeeping skipped: " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
