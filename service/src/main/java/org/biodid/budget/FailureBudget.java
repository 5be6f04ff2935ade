package org.biodid.budget;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;

import org.biodid.store.VerifyFailureRepository;

/**
 * The failure budget of verification (issue 12, NIST SP 800-63B §5.2.3).
 * <p>
 * Every attempt that reaches the biometric check is first counted against its (subject, API key) counter
 * ({@link #begin}); the attempt does not run when that counter or the subject's ceiling over all keys is blocked,
 * which answers 429. Counting <em>before</em> evaluating is what bounds concurrent attempts (a batch of 100 items, or
 * 100 parallel requests, cannot all slip in before the first failure is written). A success forgets both counters;
 * a failure also counts on the subject's ceiling. Per-key counters keep one misbehaving client from spending another
 * client's attempts; the ceiling bounds an attacker holding many keys. Every lockout writes an audit line.
 */
public final class FailureBudget {

    private static final System.Logger AUDIT = System.getLogger("org.biodid.audit");

    private final VerifyFailureRepository repository;
    private final BudgetSettings settings;
    private final Clock clock;

    /**
     * @param repository the shared counters
     * @param settings   limits and delays
     * @param clock      clock
     */
    public FailureBudget(VerifyFailureRepository repository, BudgetSettings settings, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @return the limits in force
     */
    public BudgetSettings settings() {
        return settings;
    }

    /**
     * Count an attempt before it runs.
     *
     * @param subject   the DID
     * @param keyId     the caller's API key id
     * @param requestId request id, for the audit line
     * @return the attempt, to be closed with its outcome
     * @throws SubjectLockedException when the key or the subject must wait
     */
    public Attempt begin(String subject, String keyId, String requestId) {
        if (!settings.enabled()) {
            return new Attempt(subject, keyId, requestId, false, 0);
        }
        for (int tries = 0; tries < 2; tries++) {
            long now = clock.millis();
            if (repository.claim(subject, keyId, now, settings.keyLimit(), settings.delay(), settings.maxDelay())) {
                return new Attempt(subject, keyId, requestId, true, now);
            }
            List<VerifyFailureRepository.Row> rows = repository.rows(subject, keyId);
            long until = 0;
            boolean allKeys = false;
            for (VerifyFailureRepository.Row row : rows) {
                if (row.blockedUntil() > until) {
                    until = row.blockedUntil();
                    allKeys = VerifyFailureRepository.ALL_KEYS.equals(row.scope());
                }
            }
            if (until > now) {
                throw new SubjectLockedException(Math.max(1, (until - now + 999) / 1000), allKeys);
            }
            // the block ended between the claim and the read: claim again
        }
        throw new SubjectLockedException(1, false);
    }

    /**
     * Forget every counter of a subject (the admin route).
     *
     * @param subject the DID
     * @return counters removed
     */
    public long reset(String subject) {
        return repository.reset(subject);
    }

    /**
     * One counted attempt; report its outcome once.
     */
    public final class Attempt {
        private final String subject;
        private final String keyId;
        private final String requestId;
        private final boolean counted;
        private final long claimedAt;

        private Attempt(String subject, String keyId, String requestId, boolean counted, long claimedAt) {
            this.subject = subject;
            this.keyId = keyId;
            this.requestId = requestId;
            this.counted = counted;
            this.claimedAt = claimedAt;
        }

        /** The subject was verified: its counters start again from zero. */
        public void succeeded() {
            if (counted) {
                repository.succeeded(subject, keyId, clock.millis());
            }
        }

        /** The attempt failed: it stays counted for the key, counts for the subject, and may start a lockout. */
        public void failed() {
            if (!counted) {
                return;
            }
            long now = clock.millis();
            repository.recordSubjectFailure(subject, now, settings.subjectLimit() > 0 ? settings.subjectLimit()
                    : Integer.MAX_VALUE, settings.delay(), settings.maxDelay());
            for (VerifyFailureRepository.Row row : repository.rows(subject, keyId)) {
                // Measured from the claim, so that a lockout shorter than a slow evaluation is still written;
                // concurrent failures all see the block, and one of them writes its line. (Only if an evaluation
                // outlasts its whole lockout and the next attempt has claimed already can two lockouts share one
                // line: not with delays of seconds.)
                if (row.blockedUntil() > claimedAt && repository.markLockoutAudited(subject, row.scope(), claimedAt)) {
                    auditLockout(row, claimedAt);
                }
            }
        }

        private void auditLockout(VerifyFailureRepository.Row row, long from) {
            if (!AUDIT.isLoggable(Level.INFO)) {
                return;
            }
            boolean all = VerifyFailureRepository.ALL_KEYS.equals(row.scope());
            // Built by hand: every value is a DID, a key id, a request id or a number, none needs escaping beyond
            // what the sanitized request id already guarantees.
            AUDIT.log(Level.INFO, "{\"audit\":\"verify_lockout\",\"request_id\":\"" + requestId
                    + "\",\"key_id\":\"" + keyId + "\",\"did\":\"" + subject + "\",\"scope\":\""
                    + (all ? "all_keys" : "key") + "\",\"failures\":" + row.failures()
                    + ",\"locked_seconds\":" + Math.max(1, (row.blockedUntil() - from + 999) / 1000) + "}");
        }
    }
}
