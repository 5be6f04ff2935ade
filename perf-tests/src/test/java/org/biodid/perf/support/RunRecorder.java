package org.biodid.perf.support;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongToIntFunction;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Records every measured request's response time, as Gatling measured it (the {@code responseTimeInMillis}
 * check), and its outcome. Warm-up requests are not recorded. Gatling's own statistics are written to its
 * binary {@code simulation.log}; this recorder gives the harness the same numbers without parsing that format.
 *
 * <p>Percentiles come from HdrHistogram with 3 significant digits, exact for whole milliseconds below 2048 ms.
 */
public final class RunRecorder {

    /** Highest trackable response time: 10 minutes. */
    private static final long HIGHEST_MS = 600_000;

    private final Map<String, Series> series = new ConcurrentHashMap<>();
    private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);
    private volatile LongToIntFunction levels;
    private volatile long measureFrom = Long.MIN_VALUE;
    private volatile long measureUntil = Long.MAX_VALUE;

    /**
     * Record only requests that start inside a window (closed model: the users' ramp-in is warm-up).
     *
     * @param fromMillis first start that counts, epoch ms
     * @param untilMillis last start that counts, epoch ms
     */
    public void window(long fromMillis, long untilMillis) {
        this.measureFrom = fromMillis;
        this.measureUntil = untilMillis;
    }

    /**
     * Split the recording into levels (stress ramp): the function maps a request's start (epoch ms) to a level
     * index, or a negative number for requests between levels, which are then only counted in the totals.
     *
     * @param levels level function
     */
    public void levels(LongToIntFunction levels) {
        this.levels = levels;
    }

    /**
     * Record one response.
     *
     * @param operation request name
     * @param startMillis request start, epoch ms
     * @param responseTimeMillis response time, ms
     * @param ok whether every check passed
     */
    public void record(String operation, long startMillis, long responseTimeMillis, boolean ok) {
        if (startMillis < measureFrom || startMillis > measureUntil) {
            return;
        }
        long rt = Math.max(0, Math.min(responseTimeMillis, HIGHEST_MS));
        series.computeIfAbsent(operation, k -> new Series()).add(rt, ok);
        LongToIntFunction levelFunction = levels;
        if (levelFunction != null) {
            int level = levelFunction.applyAsInt(startMillis);
            if (level >= 0) {
                series.computeIfAbsent(operation + "@" + level, k -> new Series()).add(rt, ok);
            }
        }
        firstStart.accumulateAndGet(startMillis, Math::min);
        lastEnd.accumulateAndGet(startMillis + rt, Math::max);
    }

    /**
     * Start of the measured window, epoch ms ({@link Long#MAX_VALUE} when nothing was recorded).
     *
     * @return first request start
     */
    public long firstStart() {
        return firstStart.get();
    }

    /**
     * End of the measured window, epoch ms.
     *
     * @return last response end
     */
    public long lastEnd() {
        return lastEnd.get();
    }

    /**
     * Snapshot of every series, sorted by name ({@code operation} or {@code operation@level}).
     *
     * @return name to series
     */
    public Map<String, Series> series() {
        return new TreeMap<>(series);
    }

    /**
     * One operation's responses.
     */
    public static final class Series {
        private final Histogram histogram = new ConcurrentHistogram(1, HIGHEST_MS, 3);
        private final AtomicLong errors = new AtomicLong();

        /**
         * Add a response.
         *
         * @param responseTimeMillis ms
         * @param ok outcome
         */
        public void add(long responseTimeMillis, boolean ok) {
            // HdrHistogram's lowest discernible value is 1; a 0 ms response is recorded as 0 (bucket 0 exists).
            histogram.recordValue(responseTimeMillis);
            if (!ok) {
                errors.incrementAndGet();
            }
        }

        /**
         * All response times (OK and KO), ms.
         *
         * @return histogram (live; copy before mutating)
         */
        public Histogram histogram() {
            return histogram;
        }

        /**
         * KO responses.
         *
         * @return count
         */
        public long errors() {
            return errors.get();
        }
    }
}
