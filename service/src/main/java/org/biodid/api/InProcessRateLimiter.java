package org.biodid.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * A token bucket per API key in this process's memory: {@code rps} tokens a second, up to {@code burst} saved.
 * <p>
 * Lock-free (one compare-and-set per request), so virtual threads never pin or queue on it. Each instance keeps its
 * own buckets, so N instances give a key N budgets; a fleet uses the shared limiter ({@code app.rate.limit.store}).
 */
public final class InProcessRateLimiter implements RateLimiter {

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
    public InProcessRateLimiter(double rps, int burst, LongSupplier nanoTime) {
        this.rps = rps;
        this.burst = Math.max(1, burst);
        this.nanoTime = nanoTime;
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

    private record Bucket(double tokens, long updatedNanos) {
    }
}
