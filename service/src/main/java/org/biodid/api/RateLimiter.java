package org.biodid.api;

/**
 * A token bucket per API key: {@code rps} tokens a second, up to {@code burst} saved. Two kinds exist, chosen by
 * {@code app.rate.limit.store}: {@link InProcessRateLimiter} (one process's memory, for a single instance) and
 * {@code org.biodid.limits.SharedRateLimiter} (one budget per key across every instance on the same PostgreSQL).
 */
public interface RateLimiter {

    /**
     * @return whether limiting is on
     */
    boolean enabled();

    /**
     * @return the bucket size, advertised as {@code RateLimit-Limit}
     */
    int burst();

    /**
     * Take one token for a key.
     *
     * @param key the API key id
     * @return the decision, with what the {@code RateLimit-*} headers should say
     */
    Decision tryAcquire(String key);

    /**
     * Outcome of {@link #tryAcquire(String)}.
     *
     * @param allowed           whether the request may proceed
     * @param remaining         whole tokens left
     * @param resetSeconds      seconds until the bucket is full again
     * @param retryAfterSeconds when refused, seconds until a token is available
     */
    record Decision(boolean allowed, int remaining, long resetSeconds, long retryAfterSeconds) {
    }
}
