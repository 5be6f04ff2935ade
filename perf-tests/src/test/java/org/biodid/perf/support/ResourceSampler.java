package org.biodid.perf.support;

import org.biodid.perf.model.OperationStats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Samples a process's CPU and resident memory once a second from {@code /proc/<pid>/stat} (utime + stime, in
 * clock ticks) and {@code /proc/<pid>/status} ({@code VmRSS}). CPU is reported as a percentage of one core
 * and of the whole machine (one core = 100 / cores %).
 */
public final class ResourceSampler implements AutoCloseable {

    /**
     * One sample.
     *
     * @param epochMillis when
     * @param cpuPercentOfCore CPU used since the previous sample, percent of one core
     * @param cpuPercentOfMachine the same, percent of all cores
     * @param rssMb resident set size, MiB
     */
    public record Sample(long epochMillis, double cpuPercentOfCore, double cpuPercentOfMachine, double rssMb) {
    }

    private final long pid;
    private final int cores;
    private final long ticksPerSecond;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private ResourceSampler(long pid) {
        this.pid = pid;
        this.cores = Runtime.getRuntime().availableProcessors();
        this.ticksPerSecond = clockTicks();
        this.thread = Thread.ofPlatform().daemon().name("biodid-resource-sampler").unstarted(this::loop);
    }

    /**
     * Start sampling a process.
     *
     * @param pid process id
     * @return running sampler
     */
    public static ResourceSampler start(long pid) {
        ResourceSampler sampler = new ResourceSampler(pid);
        sampler.thread.start();
        return sampler;
    }

    /**
     * The sampled process.
     *
     * @return pid
     */
    public long pid() {
        return pid;
    }

    /**
     * Samples so far.
     *
     * @return copy
     */
    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        long previousTicks = cpuTicks().orElse(0);
        long previousNanos = System.nanoTime();
        while (running) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            OptionalLong ticks = cpuTicks();
            OptionalLong rssKb = rssKb();
            if (ticks.isEmpty() || rssKb.isEmpty()) {
                return; // process gone
            }
            long nanos = System.nanoTime();
            double seconds = (nanos - previousNanos) / 1e9;
            double cpuSeconds = (ticks.getAsLong() - previousTicks) / (double) ticksPerSecond;
            double ofCore = 100.0 * cpuSeconds / seconds;
            synchronized (this) {
                samples.add(new Sample(System.currentTimeMillis(), OperationStats.round(ofCore, 1),
                                       OperationStats.round(ofCore / cores, 1),
                                       OperationStats.round(rssKb.getAsLong() / 1024.0, 1)));
            }
            previousTicks = ticks.getAsLong();
            previousNanos = nanos;
        }
    }

    /**
     * utime + stime of the process, in clock ticks: fields 14 and 15 of /proc/pid/stat, counted after the
     * command name, which is in parentheses and may itself contain spaces.
     */
    OptionalLong cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return OptionalLong.of(parseCpuTicks(stat));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Parse utime + stime from a /proc/pid/stat line.
     *
     * @param stat the line
     * @return ticks
     */
    static long parseCpuTicks(String stat) {
        String afterCommand = stat.substring(stat.lastIndexOf(')') + 2);
        String[] fields = afterCommand.trim().split("\\s+");
        // afterCommand starts at field 3 (state); utime is field 14, stime field 15
        return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
    }

    private OptionalLong rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static long clockTicks() {
        try {
            Process process = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
