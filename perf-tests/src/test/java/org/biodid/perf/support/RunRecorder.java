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
    private final AtomicLong serverFaults = new AtomicLong();
    private final AtomicLong wrongAnswers = new AtomicLong();
    private final AtomicLong impostorsAccepted = new AtomicLong();
    private final AtomicLong genuineCaptures = new AtomicLong();
    private final AtomicLong biometricRejects = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean stopRequested =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicReference<String> aborted =
            new java.util.concurrent.atomic.AtomicReference<>();

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
        record(operation, startMillis, responseTimeMillis, ok ? Outcome.OK : Outcome.WRONG_ANSWER);
    }

    /**
     * Record one response with its outcome.
     *
     * @param operation request name
     * @param startMillis request start, epoch ms
     * @param responseTimeMillis response time, ms
     * @param outcome how it ended
     * @return whether it was inside the measured window (and so recorded)
     */
    public boolean record(String operation, long startMillis, long responseTimeMillis, Outcome outcome) {
        if (startMillis < measureFrom || startMillis > measureUntil) {
            return false;
        }
        long rt = Math.max(0, Math.min(responseTimeMillis, HIGHEST_MS));
        boolean ok = outcome == Outcome.OK;
        series.computeIfAbsent(operation, k -> new Series()).add(startMillis, rt, ok);
        LongToIntFunction levelFunction = levels;
        if (levelFunction != null) {
            int level = levelFunction.applyAsInt(startMillis);
            if (level >= 0) {
                series.computeIfAbsent(operation + "@" + level, k -> new Series()).add(startMillis, rt, ok);
            }
        }
        switch (outcome) {
            case SERVER_FAULT -> serverFaults.incrementAndGet();
            case WRONG_ANSWER -> wrongAnswers.incrementAndGet();
            default -> {
            }
        }
        firstStart.accumulateAndGet(startMillis, Math::min);
        lastEnd.accumulateAndGet(startMillis + rt, Math::max);
        return true;
    }

    /**
     * How a response ended: OK, a server fault (5xx, timeout, no response) or a wrong answer (wrong status or
     * body, an impostor accepted).
     */
    public enum Outcome {
        /** Every check passed. */
        OK,
        /** 5xx, timeout or no response. */
        SERVER_FAULT,
        /** A wrong status or body. */
        WRONG_ANSWER
    }

    /**
     * A measured verification with a genuine fresh capture, and whether the biometrics rejected it.
     *
     * @param rejected answered {@code verified: false}
     */
    public void genuineCapture(boolean rejected) {
        genuineCaptures.incrementAndGet();
        if (rejected) {
            biometricRejects.incrementAndGet();
        }
    }

    /**
     * A measured impostor verification answered {@code verified: true}.
     */
    public void impostorAccepted() {
        impostorsAccepted.incrementAndGet();
    }

    /**
     * The outcome counts so far.
     *
     * @return outcomes
     */
    public org.biodid.perf.model.Outcomes outcomes() {
        return org.biodid.perf.model.Outcomes.of(serverFaults.get(), wrongAnswers.get(), impostorsAccepted.get(),
                                                 genuineCaptures.get(), biometricRejects.get());
    }

    /**
     * A request is about to be sent; false when the run has been stopped or too many requests are already
     * waiting for the service (it has collapsed: more arrivals would only exhaust the load generator).
     *
     * @param maxInFlight bound on requests waiting for an answer
     * @return whether to send it
     */
    public boolean admit(int maxInFlight) {
        int now = inFlight.incrementAndGet();
        if (now > maxInFlight) {
            aborted.compareAndSet(null, now + " requests waiting for the service at once (bound "
                    + maxInFlight + ", biodid.perf.maxInFlight): it has stopped keeping up");
        }
        return aborted.get() == null;
    }

    /**
     * A request admitted by {@link #admit(int)} has its answer (or will never be sent).
     */
    public void done() {
        inFlight.decrementAndGet();
    }

    /**
     * Whether the caller is the first to be turned away since the run was stopped (only it stops the load
     * generator; the others just send nothing).
     *
     * @return true once
     */
    public boolean firstToStop() {
        return aborted.get() != null && stopRequested.compareAndSet(false, true);
    }

    /**
     * Why the run was stopped early, or null.
     *
     * @return reason
     */
    public String aborted() {
        return aborted.get();
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
        private long slowestStart;
        private long slowestMillis = -1;

        /**
         * Add a response.
         *
         * @param startMillis request start, epoch ms
         * @param responseTimeMillis ms
         * @param ok outcome
         */
        public void add(long startMillis, long responseTimeMillis, boolean ok) {
            // HdrHistogram's lowest discernible value is 1; a 0 ms response is recorded as 0 (bucket 0 exists).
            histogram.recordValue(responseTimeMillis);
            synchronized (this) {
                if (responseTimeMillis > slowestMillis) {
                    slowestMillis = responseTimeMillis;
                    slowestStart = startMillis;
                }
            }
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
         * The slowest response: its start (epoch ms) and response time, or null when none.
         *
         * @return {start, millis}
         */
        public synchronized long[] slowest() {
            return slowestMillis < 0 ? null : new long[] {slowestStart, slowestMillis};
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
