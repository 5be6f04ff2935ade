package org.biodid.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * A token bucket per API key: {@code rps} tokens a second, up to {@code burst} saved.
 * <p>
 * Lock-free (one compare-and-set per request), so virtual threads never pin or queue on it.
 */
public final class RateLimiter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double rps;
    private final int burst;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, AtomicReference<Bucket>> buckets = new ConcurrentHashMap<>();

    /**
     * @param rps      sustained requests per second per key; 0 or less disables limiting
     * @param burst    bucket size
     * @param nanoTime monotonic clock ({@code System::nanoTime})
     */
    public RateLimiter(double rps, int burst, LongSupplier nanoTime) {
        this.rps = rps;
        this.burst = Math.max(1, burst);
        this.nanoTime = nanoTime;
    }

    /**
     * @return whether limiting is on
     */
    public boolean enabled() {
        return rps > 0;
    }

    /**
     * @return the bucket size, advertised as {@code RateLimit-Limit}
     */
    public int burst() {
        return burst;
    }

    /**
     * Take one token for a key.
     *
     * @param key the API key id
     * @return the decision, with what the {@code RateLimit-*} headers should say
     */
    public Decision tryAcquire(String key) {
        long now = nanoTime.getAsLong();
        AtomicReference<Bucket> ref = buckets.computeIfAbsent(key, k -> new AtomicReference<>(new Bucket(burst, now)));
        while (true) {
            Bucket current = ref.get();
            double elapsed = (now - current.updatedNanos) / (double) NANOS_PER_SECOND;
            double tokens = Math.min(burst, current.tokens + Math.max(0, elapsed) * rps);
            boolean allowed = tokens >= 1.0;
            Bucket next = new Bucket(allowed ? tokens - 1.0 : tokens, Math.max(now, current.updatedNanos));
            if (ref.compareAndSet(current, next)) {
                long secondsToFull = (long) Math.ceil((burst - next.tokens) / rps);
                long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1.0 - next.tokens) / rps));
                return new Decision(allowed, (int) Math.floor(next.tokens), secondsToFull, retryAfter);
            }
        }
    }

    /**
     * Outcome of {@link #tryAcquire(String)}.
     *
     * @param allowed           whether the request may proceed
     * @param remaining         whole tokens left
     * @param resetSeconds      seconds until the bucket is full again
     * @param retryAfterSeconds when refused, seconds until a token is available
     */
    public record Decision(boolean allowed, int remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private record Bucket(double tokens, long updatedNanos) {
    }
}
