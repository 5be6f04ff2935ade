package org.biodid.perf.support;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.management.ObjectName;

import org.biodid.perf.model.Calibration;
import org.biodid.perf.model.JvmPauses;
import org.biodid.perf.model.MachineCpu;
import org.biodid.perf.model.Noise;
import org.biodid.perf.model.OperationStats;
import org.biodid.perf.model.RunSummary;
import org.biodid.perf.model.Saturation;

import org.biodid.perf.support.RunRecorder.Series;

/**
 * Measures the noise around a run ({@link Noise}): calibrations before the service starts and after it stops,
 * the machine's CPU counters once a second, the load average, and the load generator's own stop-the-world pauses
 * (its safepoint log is switched on from inside, through the JVM's diagnostic command {@code VM.log}, so it works
 * however Gatling was launched).
 */
public final class NoiseProbe implements AutoCloseable {

    /** The last seconds of a window, where a run that fell behind shows how the machine was shared. */
    private static final long LAST_SECONDS_MS = 10_000;

    private final List<MachineCpu> machine = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "biodid-machine-sampler");
        t.setDaemon(true);
        return t;
    });
    private final Path generatorLog;
    private final List<long[]> stalls = Collections.synchronizedList(new ArrayList<>());
    private Thread stallProbe;
    private Calibration before;
    private Calibration after;
    private double loadStart;

    private NoiseProbe(Path generatorLog) {
        this.generatorLog = generatorLog;
    }

    /**
     * Calibrate, switch on the load generator's safepoint log, and start sampling the machine.
     *
     * @param workDir where the load generator's safepoint log goes
     * @return the probe
     */
    public static NoiseProbe start(Path workDir) {
        Path log = workDir.resolve("load-generator-safepoints-" + ProcessHandle.current().pid() + ".log");
        NoiseProbe probe = new NoiseProbe(log);
        probe.loadStart = loadAverage();
        probe.before = Calibration.measure();
        try {
            Files.createDirectories(workDir);
            ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmLog",
                    new Object[] {new String[] {"output=file=" + log, "what=safepoint", "decorators=timemillis"}},
                    new String[] {String[].class.getName()});
        } catch (Exception e) {
            System.out.println("WARNING: cannot log the load generator's pauses: " + e);
        }
        probe.stallProbe = Thread.ofPlatform().daemon().name("biodid-stall-probe").start(probe::watchForStalls);
        probe.timer.scheduleAtFixedRate(() -> {
            MachineCpu now = MachineCpu.now();
            if (now != null) {
                probe.machine.add(now);
            }
        }, 0, 1, TimeUnit.SECONDS);
        return probe;
    }

    /**
     * Stop sampling and calibrate again (call after the service has stopped).
     */
    /** Sleep 5 ms at a time and note every wake-up 20 ms or more late: the machine did not run this thread. */
    private void watchForStalls() {
        while (!Thread.currentThread().isInterrupted()) {
            long before = System.nanoTime();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
            long lateMs = (System.nanoTime() - before) / 1_000_000 - 5;
            if (lateMs >= 20) {
                long end = System.currentTimeMillis();
                stalls.add(new long[] {end - lateMs, end});
            }
        }
    }

    /** @return the longest stall overlapping [from, until], ms */
    private long worstStall(long from, long until) {
        long worst = 0;
        synchronized (stalls) {
            for (long[] stall : stalls) {
                if (stall[1] >= from && stall[0] <= until) {
                    worst = Math.max(worst, stall[1] - stall[0]);
                }
            }
        }
        return worst;
    }

    @Override
    public void close() {
        if (stallProbe != null) {
            stallProbe.interrupt();
        }
        timer.shutdownNow();
        after = Calibration.measure();
    }

    /**
     * The noise of the measured window.
     *
     * @param from window start, epoch ms
     * @param until window end, epoch ms
     * @param server the service's resources (its CPU counts as the run's)
     * @param generator the load generator's resources
     * @param serviceLog the service's safepoint log (null for an external service)
     * @param series the recorded operations (their slowest requests)
     * @return noise
     */
    public Noise measure(long from, long until, RunSummary.Server server, RunSummary.Server generator,
                         Path serviceLog, Map<String, Series> series, List<ResourceSampler.Sample> serviceSamples,
                         List<ResourceSampler.Sample> generatorSamples) {
        JvmPauses servicePauses = JvmPauses.read(serviceLog);
        JvmPauses generatorPauses = JvmPauses.read(generatorLog);
        List<MachineCpu> snapshots;
        synchronized (machine) {
            snapshots = List.copyOf(machine);
        }
        MachineCpu first = closest(snapshots, from);
        MachineCpu last = closest(snapshots, until);
        double busy = 0;
        double steal = 0;
        double postgres = 0;
        if (first != null && last != null && last.epochMillis() > first.epochMillis()) {
            busy = first.busyPercentUntil(last);
            steal = first.stealPercentUntil(last);
            postgres = first.postgresPercentUntil(last);
        }
        double run = postgres + (server == null ? 0 : server.cpuAvgPercent())
                + (generator == null ? 0 : generator.cpuAvgPercent());
        return Noise.of(before, after, busy, steal, run, loadStart, loadAverage(),
                        servicePauses.stats(from, until), generatorPauses.stats(from, until),
                        outliers(series, servicePauses, generatorPauses,
                                 new Bursts(snapshots, serviceSamples, generatorSamples), this::worstStall),
                        saturation(snapshots, serviceSamples, generatorSamples, until));
    }

    /** How the CPU was shared in the last {@link #LAST_SECONDS_MS} of the window (where a collapse shows). */
    private static Saturation saturation(List<MachineCpu> snapshots, List<ResourceSampler.Sample> service,
                                         List<ResourceSampler.Sample> generator, long until) {
        long from = until - LAST_SECONDS_MS;
        MachineCpu first = closest(snapshots, from);
        MachineCpu last = closest(snapshots, until);
        if (first == null || last == null || last.epochMillis() <= first.epochMillis()) {
            return null;
        }
        return new Saturation(OperationStats.round(first.busyPercentUntil(last), 1),
                              OperationStats.round(averageOfMachine(service, from, until), 1),
                              OperationStats.round(averageOfMachine(generator, from, until), 1),
                              OperationStats.round(first.postgresPercentUntil(last), 1));
    }

    private static double averageOfMachine(List<ResourceSampler.Sample> samples, long from, long until) {
        return samples.stream().filter(s -> s.epochMillis() > from && s.epochMillis() <= until)
                .mapToDouble(ResourceSampler.Sample::cpuPercentOfMachine).average().orElse(0);
    }

    private static List<Noise.Outlier> outliers(Map<String, Series> series, JvmPauses service, JvmPauses generator,
                                                Bursts bursts, java.util.function.LongBinaryOperator stalls) {
        Map<String, long[]> slowest = new java.util.TreeMap<>();
        series.forEach((name, s) -> {
            long[] worst = s.slowest();
            if (!name.contains("@") && worst != null) {
                slowest.put(name, worst);
            }
        });
        List<Noise.Outlier> outliers = new ArrayList<>();
        slowest.forEach((operation, w) -> {
            long start = w[0];
            long end = w[0] + w[1];
            List<String> coinciding = slowest.entrySet().stream()
                    .filter(e -> !e.getKey().equals(operation))
                    .filter(e -> e.getValue()[0] <= end && e.getValue()[0] + e.getValue()[1] >= start)
                    .map(Map.Entry::getKey).toList();
            double[] burst = bursts.worst(start - 1000, end + 1000);
            outliers.add(new Noise.Outlier(operation, w[1], java.time.Instant.ofEpochMilli(start).toString(),
                                           coinciding, pauseMillis(service, start, end),
                                           pauseMillis(generator, start, end), burst[0], burst[1],
                                           stalls.applyAsLong(start - 1000, end + 1000)));
        });
        return outliers;
    }

    private static double pauseMillis(JvmPauses pauses, long from, long until) {
        return org.biodid.perf.model.OperationStats.round(
                pauses.within(from, until).stream().mapToDouble(JvmPauses.Pause::millis).sum(), 2);
    }

    /**
     * Foreign CPU and steal second by second: the machine's busy share between two snapshots, less PostgreSQL's and
     * the service's and load generator's samples taken at the end of that second.
     */
    private record Bursts(List<MachineCpu> snapshots, List<ResourceSampler.Sample> service,
                          List<ResourceSampler.Sample> generator) {

        /** @return {worst foreign percent, worst steal percent} over the seconds overlapping [from, until] */
        double[] worst(long from, long until) {
            double foreign = 0;
            double steal = 0;
            for (int i = 1; i < snapshots.size(); i++) {
                MachineCpu a = snapshots.get(i - 1);
                MachineCpu b = snapshots.get(i);
                if (b.epochMillis() < from || a.epochMillis() > until || b.epochMillis() <= a.epochMillis()) {
                    continue;
                }
                double run = a.postgresPercentUntil(b) + at(service, b.epochMillis()) + at(generator, b.epochMillis());
                foreign = Math.max(foreign, a.busyPercentUntil(b) - run);
                steal = Math.max(steal, a.stealPercentUntil(b));
            }
            return new double[] {org.biodid.perf.model.OperationStats.round(Math.max(0, foreign), 1),
                                 org.biodid.perf.model.OperationStats.round(steal, 1)};
        }

        /** A process's CPU over the second ending near {@code at}, percent of the machine (0 when not sampled). */
        private static double at(List<ResourceSampler.Sample> samples, long at) {
            ResourceSampler.Sample best = samples == null ? null : nearest(samples, ResourceSampler.Sample::epochMillis, at);
            return best == null || Math.abs(best.epochMillis() - at) > 1500 ? 0 : best.cpuPercentOfMachine();
        }
    }

    private static MachineCpu closest(List<MachineCpu> snapshots, long at) {
        return nearest(snapshots, MachineCpu::epochMillis, at);
    }

    /** @return the sample taken nearest to {@code at}, or null when there is none */
    private static <T> T nearest(List<T> samples, java.util.function.ToLongFunction<T> time, long at) {
        T best = null;
        for (T s : samples) {
            if (best == null || Math.abs(time.applyAsLong(s) - at) < Math.abs(time.applyAsLong(best) - at)) {
                best = s;
            }
        }
        return best;
    }

    /**
     * The load average when the probe started.
     *
     * @return 1-minute load average
     */
    double loadAverageStart() {
        return loadStart;
    }

    /**
     * The 1-minute load average, or -1 where unknown.
     *
     * @return load average
     */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }
}
