package org.biodid.perf.model;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much of the machine a run can have, measured with a fixed, cheap CPU workload: one thread per core each
 * runs the same arithmetic loop, and the result is the CPU time those threads got divided by the wall time they
 * took. On an idle machine every thread has its own core, so the ratio is close to 1; when foreign work holds a
 * core, the threads share what is left and the ratio falls (one busy core of two: about 0.67). The ratio does
 * not depend on how fast the machine is, so it needs no stored reference, and it is taken before the service starts
 * and after it stops, so the run's own processes do not count.
 *
 * @param threads threads run (one per core)
 * @param wallMs wall time, ms
 * @param availability CPU time got / (threads × wall time), 0–1
 */
public record Calibration(int threads, double wallMs, double availability) {

    /** Iterations per thread: about 150–250 ms of one core on the reference machine. */
    static final long ITERATIONS = 60_000_000L;

    private static final AtomicLong SINK = new AtomicLong();

    /**
     * Run the workload on one thread per core.
     *
     * @return calibration
     */
    public static Calibration measure() {
        return measure(Runtime.getRuntime().availableProcessors(), ITERATIONS);
    }

    /**
     * Run the workload.
     *
     * @param threads threads
     * @param iterations loop iterations per thread
     * @return calibration
     */
    static Calibration measure(int threads, long iterations) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[threads];
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                long before = mx.getCurrentThreadCpuTime();
                SINK.addAndGet(spin(iterations));
                cpu[index] = mx.getCurrentThreadCpuTime() - before;
            }, "biodid-calibration-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        long wall = System.nanoTime() - start;
        long cpuTotal = 0;
        for (long c : cpu) {
            cpuTotal += c;
        }
        double availability = wall <= 0 ? 1 : Math.min(1.0, cpuTotal / ((double) threads * wall));
        return new Calibration(threads, OperationStats.round(wall / 1e6, 1), OperationStats.round(availability, 3));
    }

    /** A xorshift loop the JIT cannot remove (its result is kept). */
    private static long spin(long iterations) {
        long x = 88172645463325252L;
        for (long i = 0; i < iterations; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }
}
