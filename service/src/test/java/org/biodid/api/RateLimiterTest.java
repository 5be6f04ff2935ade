package org.biodid.api;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The token bucket's arithmetic, on a clock the test moves.
 */
class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final InProcessRateLimiter limiter = new InProcessRateLimiter(2.0, 3, nanos::get);

    @Test
    void burstThenRefusalThenRefill() {
        assertThat(limiter.tryAcquire("k").allowed(), is(true));
        assertThat(limiter.tryAcquire("k").allowed(), is(true));
        RateLimiter.Decision last = limiter.tryAcquire("k");
        assertThat(last.allowed(), is(true));
        assertThat(last.remaining(), is(0));

        RateLimiter.Decision refused = limiter.tryAcquire("k");
        assertThat(refused.allowed(), is(false));
        assertThat(refused.retryAfterSeconds(), is(1L));

        nanos.addAndGet(500_000_000L);
        assertThat("half a second at 2/s refills one token", limiter.tryAcquire("k").allowed(), is(true));
        assertThat(limiter.tryAcquire("k").allowed(), is(false));
    }

    @Test
    void keysHaveTheirOwnBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a");
        }
        assertThat(limiter.tryAcquire("a").allowed(), is(false));
        assertThat(limiter.tryAcquire("b").allowed(), is(true));
    }

    @Test
    void bucketNeverHoldsMoreThanItsBurst() {
        nanos.addAndGet(3_600_000_000_000L);
        RateLimiter.Decision decision = limiter.tryAcquire("k");
        assertThat(decision.remaining(), is(2));
    }
}
