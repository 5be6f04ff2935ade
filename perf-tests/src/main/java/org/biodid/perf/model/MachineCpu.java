package org.biodid.perf.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU time counters, the first line of {@code /proc/stat} (in clock ticks since boot), and
 * the CPU time of every PostgreSQL process (the database the service uses is part of the system under test, not
 * foreign load). Two snapshots give how busy the machine was between them, how much the hypervisor stole, and,
 * minus the processes of the run, how much other work ran beside it.
 *
 * @param epochMillis when taken
 * @param busyTicks user + nice + system + irq + softirq + steal
 * @param stealTicks time the hypervisor gave to another guest
 * @param totalTicks every state, idle and iowait included
 * @param postgresTicks user + system time of all processes named {@code postgres}
 */
public record MachineCpu(long epochMillis, long busyTicks, long stealTicks, long totalTicks, long postgresTicks) {

    /** Clock ticks per second of {@code /proc} (USER_HZ; 100 on every Linux we run on). */
    public static final double TICKS_PER_SECOND = 100;

    /**
     * Parse the {@code cpu} line of {@code /proc/stat}.
     *
     * @param epochMillis when read
     * @param cpuLine {@code cpu  user nice system idle iowait irq softirq steal …}
     * @param postgresTicks PostgreSQL CPU ticks
     * @return snapshot
     */
    public static MachineCpu parse(long epochMillis, String cpuLine, long postgresTicks) {
        String[] f = cpuLine.trim().split("\\s+");
        long user = Long.parseLong(f[1]);
        long nice = Long.parseLong(f[2]);
        long system = Long.parseLong(f[3]);
        long idle = Long.parseLong(f[4]);
        long iowait = f.length > 5 ? Long.parseLong(f[5]) : 0;
        long irq = f.length > 6 ? Long.parseLong(f[6]) : 0;
        long softirq = f.length > 7 ? Long.parseLong(f[7]) : 0;
        long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
        long busy = user + nice + system + irq + softirq + steal;
        return new MachineCpu(epochMillis, busy, steal, busy + idle + iowait, postgresTicks);
    }

    /**
     * Read the machine now; null where {@code /proc} is missing (not Linux).
     *
     * @return snapshot or null
     */
    public static MachineCpu now() {
        try {
            String stat = Files.readString(Path.of("/proc/stat"));
            return parse(System.currentTimeMillis(), stat.substring(0, stat.indexOf('\n')), postgresCpuTicks());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long postgresCpuTicks() {
        long ticks = 0;
        try (var dirs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : dirs) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(open + 1, close).equals("postgres")) {
                        continue;
                    }
                    String[] f = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }

    /**
     * Machine busy time between two snapshots, percent of all cores.
     *
     * @param later the later snapshot
     * @return percent
     */
    public double busyPercentUntil(MachineCpu later) {
        long total = later.totalTicks - totalTicks;
        return total <= 0 ? 0 : 100.0 * (later.busyTicks - busyTicks) / total;
    }

    /**
     * Steal between two snapshots, percent of all cores.
     *
     * @param later the later snapshot
     * @return percent
     */
    public double stealPercentUntil(MachineCpu later) {
        long total = later.totalTicks - totalTicks;
        return total <= 0 ? 0 : 100.0 * (later.stealTicks - stealTicks) / total;
    }

    /**
     * PostgreSQL's CPU between two snapshots, percent of all cores.
     *
     * @param later the later snapshot
     * @return percent
     */
    public double postgresPercentUntil(MachineCpu later) {
        long total = later.totalTicks - totalTicks;
        return total <= 0 ? 0 : 100.0 * (later.postgresTicks - postgresTicks) / total;
    }
}
