package org.biodid.perf.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stop-the-world pauses of one JVM, read from its own safepoint log ({@code -Xlog:safepoint:file=…:timemillis}).
 * Every garbage-collection pause of every HotSpot collector is a safepoint operation, so this one log covers GC
 * and the other VM operations (deoptimization, code cache, thread dumps) that stop every thread.
 *
 * @param pauses every pause found, in log order
 */
public record JvmPauses(List<Pause> pauses) {

    private static final Pattern LINE = Pattern.compile(
            "^\\[(\\d+)ms].*Safepoint \"([^\"]+)\".*Total: (\\d+) ns");

    /**
     * Immutable copy.
     */
    public JvmPauses {
        pauses = List.copyOf(pauses);
    }

    /**
     * One pause.
     *
     * @param endMillis when it ended, epoch ms (the log line's time)
     * @param millis how long every thread stood still
     * @param operation the VM operation, e.g. {@code G1CollectForAllocation}
     */
    public record Pause(long endMillis, double millis, String operation) {

        /**
         * When it started, epoch ms.
         *
         * @return start
         */
        public long startMillis() {
            return endMillis - (long) Math.ceil(millis);
        }

        /**
         * Whether the VM operation is a garbage collection (names of G1, Parallel, Serial, ZGC and Shenandoah).
         *
         * @return true for a GC pause
         */
        public boolean gc() {
            return operation.contains("GC") || operation.contains("Collect") || operation.startsWith("G1")
                    || operation.startsWith("Z") || operation.startsWith("Shenandoah");
        }
    }

    /**
     * Parse a safepoint log.
     *
     * @param lines log lines
     * @return pauses
     */
    public static JvmPauses parse(List<String> lines) {
        List<Pause> pauses = new ArrayList<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                pauses.add(new Pause(Long.parseLong(m.group(1)), Long.parseLong(m.group(3)) / 1e6, m.group(2)));
            }
        }
        return new JvmPauses(pauses);
    }

    /**
     * Read a safepoint log; a missing or unreadable file gives no pauses.
     *
     * @param file log file (may be null)
     * @return pauses
     */
    public static JvmPauses read(Path file) {
        if (file == null || !Files.isReadable(file)) {
            return new JvmPauses(List.of());
        }
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            return new JvmPauses(List.of());
        }
    }

    /**
     * The pauses that overlap a time window.
     *
     * @param fromMillis window start, epoch ms
     * @param untilMillis window end, epoch ms
     * @return pauses in the window
     */
    public List<Pause> within(long fromMillis, long untilMillis) {
        return pauses.stream().filter(p -> p.endMillis() >= fromMillis && p.startMillis() <= untilMillis).toList();
    }

    /**
     * Summary of the pauses inside a window.
     *
     * @param fromMillis window start
     * @param untilMillis window end
     * @return statistics
     */
    public Stats stats(long fromMillis, long untilMillis) {
        List<Pause> in = within(fromMillis, untilMillis);
        Pause max = in.stream().max(Comparator.comparingDouble(Pause::millis)).orElse(null);
        List<Pause> gc = in.stream().filter(Pause::gc).toList();
        return new Stats(in.size(), OperationStats.round(in.stream().mapToDouble(Pause::millis).sum(), 2),
                         max == null ? 0 : OperationStats.round(max.millis(), 2),
                         max == null ? null : max.operation(),
                         gc.size(), OperationStats.round(gc.stream().mapToDouble(Pause::millis).sum(), 2),
                         OperationStats.round(gc.stream().mapToDouble(Pause::millis).max().orElse(0), 2));
    }

    /**
     * Pauses of one JVM inside the measured window.
     *
     * @param count stop-the-world pauses
     * @param totalMs their total
     * @param maxMs the longest
     * @param maxOperation the longest one's VM operation
     * @param gcCount of which garbage collections
     * @param gcTotalMs GC pause total
     * @param gcMaxMs longest GC pause
     */
    public record Stats(int count, double totalMs, double maxMs, String maxOperation, int gcCount, double gcTotalMs,
                        double gcMaxMs) {
    }
}
