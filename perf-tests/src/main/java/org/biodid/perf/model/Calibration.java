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
 * and after it stops, so the service does not count. Nor does the rest of the load generator's own JVM: its JIT
 * compiler and collector threads, busy right after it starts and right after a run, are the run's own work, so the
 * CPU they take during the calibration is taken out of what was available (otherwise a load generator still
 * compiling reads as a foreign process holding a core, and a really slow service as a noisy machine).
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
        long ownBefore = processCpuNanos();
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
        long ownAfter = processCpuNanos();
        long cpuTotal = 0;
        for (long c : cpu) {
            cpuTotal += c;
        }
        long processCpu = ownBefore < 0 || ownAfter < 0 ? cpuTotal : ownAfter - ownBefore;
        return new Calibration(threads, OperationStats.round(wall / 1e6, 1),
                               OperationStats.round(availability(threads, wall, cpuTotal, processCpu), 3));
    }

    /**
     * The share of the CPU that the calibration threads got of what foreign work left: this JVM's other threads
     * (JIT, GC) during the calibration are the run's own, so their time is taken out of what was offered.
     *
     * @param threads     calibration threads
     * @param wallNanos   wall time the calibration took
     * @param workerNanos CPU time the calibration threads got
     * @param processNanos CPU time this whole JVM used meanwhile (the workers included)
     * @return availability, 0–1
     */
    static double availability(int threads, long wallNanos, long workerNanos, long processNanos) {
        if (wallNanos <= 0) {
            return 1;
        }
        long ownOther = Math.max(0, processNanos - workerNanos);
        double offered = Math.max((double) threads * wallNanos - ownOther, wallNanos);
        return Math.min(1.0, workerNanos / offered);
    }

    /** @return this JVM's CPU time in ns, or -1 where the platform does not say */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
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
