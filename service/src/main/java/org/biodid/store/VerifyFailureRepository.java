package org.biodid.store;

import java.time.Duration;
import java.util.List;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;

/**
 * The {@code verify_failures} rows: consecutive failed verifications per (subject, scope), where the scope is an API
 * key id or {@link #ALL_KEYS}. Every change is one statement, so that concurrent requests on any instance count
 * exactly: the claim is a conditional {@code MERGE} whose update count says whether the attempt may run.
 */
public final class VerifyFailureRepository {

    /** The scope of the per-subject row that counts failures over every API key. */
    public static final String ALL_KEYS = "*";

    private final DbClient db;

    /**
     * @param db database client
     */
    public VerifyFailureRepository(DbClient db) {
        this.db = db;
    }

    /**
     * Count one attempt against a key's budget, unless that key or the subject's ceiling is blocked at {@code now}.
     * Reaching {@code limit} blocks the key for the delay the statement computes (doubling per further failure).
     *
     * @param subject  the DID
     * @param scope    the API key id
     * @param nowMillis current time
     * @param limit    consecutive failures allowed before waiting
     * @param delay    first wait
     * @param maxDelay longest wait
     * @return whether the attempt was counted and may run
     */
    public boolean claim(String subject, String scope, long nowMillis, int limit, Duration delay, Duration maxDelay) {
        return retryingInsertRace(() -> db.execute().createNamedUpdate("claim-verify-attempt")
                .addParam("subject", subject)
                .addParam("scope", scope)
                .addParam("now", nowMillis)
                .addParam("limit", limit)
                .addParam("delay", delay.toMillis())
                .addParam("maxDelay", maxDelay.toMillis())
                .execute()) == 1;
    }

    /**
     * Count one failure on the subject's row over all keys (an attempt that was evaluated and failed).
     *
     * @param subject   the DID
     * @param nowMillis current time
     * @param limit     the subject's ceiling
     * @param delay     first wait
     * @param maxDelay  longest wait
     */
    public void recordSubjectFailure(String subject, long nowMillis, int limit, Duration delay, Duration maxDelay) {
        retryingInsertRace(() -> db.execute().createNamedUpdate("record-subject-failure")
                .addParam("subject", subject)
                .addParam("now", nowMillis)
                .addParam("limit", limit)
                .addParam("delay", delay.toMillis())
                .addParam("maxDelay", maxDelay.toMillis())
                .execute());
    }

    /**
     * @param subject the DID
     * @param scope   an API key id
     * @return the key's row and the subject's row, where they exist
     */
    public List<Row> rows(String subject, String scope) {
        try (var rows = db.execute().createNamedQuery("select-verify-failures")
                .addParam("subject", subject)
                .addParam("scope", scope)
                .execute()) {
            return rows.map(row -> new Row(row.column("scope").get(String.class),
                                           row.column("failures").get(Integer.class),
                                           row.column("blocked_until").get(Long.class))).toList();
        }
    }

    /**
     * Claim the audit line of a scope's current lockout: true for exactly one caller per lockout.
     *
     * @param subject   the DID
     * @param scope     API key id or {@link #ALL_KEYS}
     * @param nowMillis current time
     * @return whether the caller should write the line
     */
    public boolean markLockoutAudited(String subject, String scope, long nowMillis) {
        return db.execute().createNamedUpdate("mark-lockout-audited")
                .addParam("subject", subject)
                .addParam("scope", scope)
                .addParam("now", nowMillis)
                .execute() == 1;
    }

    /**
     * A success: the key's and the subject's consecutive failures start again from zero. The rows stay (one per
     * subject and API key that verified it), so the next attempt updates instead of inserting.
     *
     * @param subject   the DID
     * @param scope     the API key id that succeeded
     * @param nowMillis current time
     * @return rows reset
     */
    public long succeeded(String subject, String scope, long nowMillis) {
        return db.execute().createNamedUpdate("reset-verify-failures-after-success")
                .addParam("subject", subject)
                .addParam("scope", scope)
                .addParam("now", nowMillis)
                .execute();
    }

    /**
     * An administrator's reset: forget every counter of the subject.
     *
     * @param subject the DID
     * @return rows removed
     */
    public long reset(String subject) {
        return db.execute().createNamedDelete("delete-verify-failures")
                .addParam("subject", subject)
                .execute();
    }

    /**
     * PostgreSQL's MERGE does not serialize two first inserts of one key: the loser gets a unique violation, and
     * running it again finds the row.
     */
    /**
     * Runs a MERGE that may insert the row. MERGE is not atomic against a concurrent insert of the same key: two
     * first attempts both take the insert branch and one meets the primary key. Run again, it finds the row (rows
     * are only deleted by an administrator's reset) and updates it.
     */
    private static long retryingInsertRace(java.util.function.LongSupplier statement) {
        try {
            return statement.getAsLong();
        } catch (DbClientException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return statement.getAsLong();
            }
            throw e;
        }
    }

    /**
     * One counter.
     *
     * @param scope        API key id or {@link #ALL_KEYS}
     * @param failures     consecutive failures
     * @param blockedUntil epoch millis before which no attempt of this scope may start (0: not blocked)
     */
    public record Row(String scope, int failures, long blockedUntil) {
    }
}
