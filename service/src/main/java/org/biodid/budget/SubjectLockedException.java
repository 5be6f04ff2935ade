package org.biodid.budget;

/**
 * An attempt on a subject whose failure budget is spent: it was not evaluated, and may be repeated after
 * {@link #retryAfterSeconds()}.
 */
public final class SubjectLockedException extends RuntimeException {

    private final long retryAfterSeconds;
    private final boolean allKeys;

    /**
     * @param retryAfterSeconds seconds until an attempt may start again (at least 1)
     * @param allKeys           whether every API key waits (the subject's ceiling) or only the caller's
     */
    public SubjectLockedException(long retryAfterSeconds, boolean allKeys) {
        super("verification locked", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
        this.allKeys = allKeys;
    }

    /**
     * @return seconds to wait
     */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /**
     * @return whether the subject's ceiling over all keys is what blocks
     */
    public boolean allKeys() {
        return allKeys;
    }
}
