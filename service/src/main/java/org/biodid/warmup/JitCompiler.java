package org.biodid.warmup;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The JIT compiler as the warm-ups see it: how long it has compiled so far, and a wait until it is idle.
 * <p>
 * Why the warm-ups wait: on a small machine the optimizing compiler has one thread, and a warm-up that calls the hot
 * paths back to back keeps its queue long. While the queue is long, HotSpot compiles newly hot methods in a quick
 * C1 form that gathers no profile, so they cannot move on to C2 until a call finds the queue short again. Pausing
 * until the compiler is idle lets the queue drain while the warm-up still calls them.
 */
final class JitCompiler {

    private static final Duration POLL = Duration.ofMillis(25);
    private static final int IDLE_POLLS = 3;

    private final CompilationMXBean bean = ManagementFactory.getCompilationMXBean();

    /** @return whether this JVM reports its compilation time; without it there is nothing to wait for */
    private boolean measurable() {
        return bean != null && bean.isCompilationTimeMonitoringSupported();
    }

    /** @return milliseconds compiled since the JVM started, 0 when not measurable */
    long compiledMillis() {
        return measurable() ? bean.getTotalCompilationTime() : 0;
    }

    /**
     * Wait until the compiler has been idle for 75 ms, or the deadline has passed.
     *
     * @param deadline a {@link System#nanoTime()} value
     */
    void awaitIdle(long deadline) {
        if (!measurable()) {
            return;
        }
        long last = bean.getTotalCompilationTime();
        int quiet = 0;
        try {
            while (quiet < IDLE_POLLS && System.nanoTime() < deadline) {
                Thread.sleep(POLL);
                long now = bean.getTotalCompilationTime();
                quiet = now == last ? quiet + 1 : 0;
                last = now;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
