package org.biodid.observe;

import java.time.Duration;
import java.util.function.Supplier;

import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Timer;
import io.helidon.tracing.Span;
import io.helidon.tracing.Tracer;

/**
 * Times the biometric work of a request (Gen at enrollment, Rep at verification) as metrics and as child spans
 * of the request's trace.
 */
public final class BiometricTimers {

    /** Timer of enrollment's fuzzy-extractor Gen over all fingers: {@code biometric_gen_seconds}. */
    public static final String GEN = "biometric.gen";
    /** Timer of verification's Rep over all fingers: {@code biometric_rep_seconds}. */
    public static final String REP = "biometric.rep";

    private static final Duration[] BUCKETS = {
            Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1),
            Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100)};

    private final Timer gen;
    private final Timer rep;
    private final Tracer tracer;

    /**
     * @param registry meter registry
     * @param tracer   tracer (a no-op one when tracing is off)
     */
    public BiometricTimers(MeterRegistry registry, Tracer tracer) {
        this.gen = registry.getOrCreate(Timer.builder(GEN).description("Biometric enrollment (Gen), all fingers")
                                                .buckets(BUCKETS));
        this.rep = registry.getOrCreate(Timer.builder(REP).description("Biometric verification (Rep), all fingers")
                                                .buckets(BUCKETS));
        this.tracer = tracer;
    }

    /**
     * Run and time enrollment's biometric work.
     *
     * @param work the work
     * @param <T>  result type
     * @return its result
     */
    public <T> T gen(Supplier<T> work) {
        return timed(gen, GEN, work);
    }

    /**
     * Run and time verification's biometric work.
     *
     * @param work the work
     * @param <T>  result type
     * @return its result
     */
    public <T> T rep(Supplier<T> work) {
        return timed(rep, REP, work);
    }

    private <T> T timed(Timer timer, String name, Supplier<T> work) {
        Span span = tracer.spanBuilder(name).start();
        long start = System.nanoTime();
        try {
            return work.get();
        } catch (RuntimeException e) {
            span.status(Span.Status.ERROR);
            throw e;
        } finally {
            timer.record(Duration.ofNanos(System.nanoTime() - start));
            span.end();
        }
    }
}
