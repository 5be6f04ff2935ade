package org.biodid.perf.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the machine and the two JVMs did during a run, apart from the service's own work: the summary's
 * {@code noise} section. It tells a noisy machine from a slow service: a missed target that coincides with
 * measured noise makes the run {@code inconclusive}, not {@code fail} (see {@link Verdict}).
 *
 * @param calibrationBefore machine availability before the service started
 * @param calibrationAfter machine availability after it stopped
 * @param machineBusyPercent the whole machine's busy CPU in the measured window, percent of all cores
 * @param stealPercent CPU stolen by the hypervisor, percent of all cores
 * @param runPercent CPU of the run's own processes (service, load generator, PostgreSQL), percent of all cores
 * @param foreignPercent the rest: other work on the machine, percent of all cores
 * @param loadAverageStart 1-minute load average at the start
 * @param loadAverageEnd at the end
 * @param servicePauses the service's stop-the-world pauses in the measured window (part of the service's result)
 * @param generatorPauses the load generator's pauses in the window (noise: the gate's own stalls)
 * @param outliers per operation, its slowest request and what coincided with it
 * @param saturation how the CPU was shared in the last seconds (null where not measured)
 * @param noisy the measured noise is above the limits below
 * @param reasons which limits were exceeded, with the numbers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Noise(Calibration calibrationBefore,
                   Calibration calibrationAfter,
                   double machineBusyPercent,
                   double stealPercent,
                   double runPercent,
                   double foreignPercent,
                   double loadAverageStart,
                   double loadAverageEnd,
                   JvmPauses.Stats servicePauses,
                   JvmPauses.Stats generatorPauses,
                   List<Outlier> outliers,
                   Saturation saturation,
                   boolean noisy,
                   List<String> reasons) {

    /** Below this availability (CPU time got / wall time of the calibration) the machine is busy with other work. */
    public static final double MIN_AVAILABILITY = 0.85;
    /** Foreign CPU above this share of the machine (a fifth of 2 cores) competes with the run. */
    public static final double MAX_FOREIGN_PERCENT = 20;
    /** Steal above this share of the machine. */
    public static final double MAX_STEAL_PERCENT = 5;
    /** A load-generator pause this long delays every response it is waiting for by as much. */
    public static final double MAX_GENERATOR_PAUSE_MS = 50;
    /**
     * Foreign work plus steal above this share of the machine, in the seconds around an operation's slowest
     * request: a burst that an average over the minute hides (a build starting beside the run, the hypervisor
     * taking a core for two seconds) but that stalls every request in flight at once.
     */
    public static final double MAX_BURST_PERCENT = 40;
    /**
     * An idle thread that wakes this late from a 5 ms sleep saw the whole machine stop (the hypervisor or the kernel
     * froze every process; the steal counter does not always show a frozen virtual machine): every request in
     * flight then is late by as much, on either side.
     */
    public static final double MAX_MACHINE_STALL_MS = 200;

    /**
     * The slowest request of one operation and what else happened at that moment.
     *
     * @param operation operation
     * @param maxMs its response time
     * @param startedAt when it started (ISO-8601)
     * @param coincidingOperations other operations whose slowest request overlapped this one (one stall, not
     *                             several slow requests)
     * @param servicePauseMs the service's pauses overlapping it, total ms
     * @param generatorPauseMs the load generator's pauses overlapping it, total ms
     * @param foreignBurstPercent the most foreign CPU (machine busy minus the run's processes) in any second
     *                            overlapping it (one second either side), percent of the machine
     * @param stealBurstPercent the most steal in any such second, percent of the machine
     * @param machineStallMs the longest stall of the machine itself overlapping it (one second either side): how
     *                       late an idle probe thread in the load generator woke from a 5 ms sleep (jHiccup's
     *                       method; a pause of that JVM shows here too, and is noise either way)
     */
    public record Outlier(String operation, double maxMs, String startedAt, List<String> coincidingOperations,
                          double servicePauseMs, double generatorPauseMs, double foreignBurstPercent,
                          double stealBurstPercent, double machineStallMs) {
    }

    /**
     * Judge the measurements against the limits.
     *
     * @param before calibration before (null if not taken)
     * @param after calibration after
     * @param busy machine busy percent
     * @param steal steal percent
     * @param run the run's own CPU percent
     * @param loadStart load average at start
     * @param loadEnd at end
     * @param service service pauses
     * @param generator generator pauses
     * @param outliers outliers
     * @return noise with its verdict
     */
    public static Noise of(Calibration before, Calibration after, double busy, double steal, double run,
                           double loadStart, double loadEnd, JvmPauses.Stats service, JvmPauses.Stats generator,
                           List<Outlier> outliers) {
        return of(before, after, busy, steal, run, loadStart, loadEnd, service, generator, outliers, null);
    }

    /**
     * Judge the measurements against the limits, including how the CPU was shared at the end.
     *
     * @param before calibration before (null if not taken)
     * @param after calibration after
     * @param busy machine busy percent
     * @param steal steal percent
     * @param run the run's own CPU percent
     * @param loadStart load average at start
     * @param loadEnd at end
     * @param service service pauses
     * @param generator generator pauses
     * @param outliers outliers
     * @param saturation the CPU's split in the last seconds (null: not measured)
     * @return noise with its verdict
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public static Noise of(Calibration before, Calibration after, double busy, double steal, double run,
                           double loadStart, double loadEnd, JvmPauses.Stats service, JvmPauses.Stats generator,
                           List<Outlier> outliers, Saturation saturation) {
        double foreign = Math.max(0, busy - run);
        List<String> reasons = new ArrayList<>();
        for (Calibration c : new Calibration[] {before, after}) {
            if (c != null && c.availability() < MIN_AVAILABILITY) {
                reasons.add("calibration " + (c == before ? "before" : "after") + " the run got "
                                    + Math.round(c.availability() * 100) + " % of " + c.threads()
                                    + " cores (< " + Math.round(MIN_AVAILABILITY * 100) + " %): other work holds the CPU");
            }
        }
        if (foreign > MAX_FOREIGN_PERCENT) {
            reasons.add("foreign CPU " + OperationStats.round(foreign, 1) + " % of the machine during the measured window"
                                + " (> " + MAX_FOREIGN_PERCENT + " %; machine " + OperationStats.round(busy, 1)
                                + " %, the run's processes " + OperationStats.round(run, 1) + " %)");
        }
        if (steal > MAX_STEAL_PERCENT) {
            reasons.add("steal " + OperationStats.round(steal, 1) + " % (> " + MAX_STEAL_PERCENT + " %)");
        }
        for (Outlier o : outliers) {
            if (o.machineStallMs() > MAX_MACHINE_STALL_MS) {
                reasons.add("the slowest " + o.operation() + " (" + Math.round(o.maxMs()) + " ms at " + o.startedAt()
                                    + ") coincided with a stall of the whole machine: an idle probe thread woke "
                                    + Math.round(o.machineStallMs()) + " ms late (> " + Math.round(MAX_MACHINE_STALL_MS)
                                    + " ms)");
            }
            if (o.foreignBurstPercent() + o.stealBurstPercent() > MAX_BURST_PERCENT) {
                reasons.add("the slowest " + o.operation() + " (" + Math.round(o.maxMs()) + " ms at " + o.startedAt()
                                    + ") coincided with a burst of other work: foreign CPU "
                                    + OperationStats.round(o.foreignBurstPercent(), 1) + " %, steal "
                                    + OperationStats.round(o.stealBurstPercent(), 1) + " % of the machine (> "
                                    + MAX_BURST_PERCENT + " % together)");
            }
        }
        if (generator != null && generator.maxMs() > MAX_GENERATOR_PAUSE_MS) {
            reasons.add("load generator paused " + generator.maxMs() + " ms (" + generator.maxOperation() + ", > "
                                + MAX_GENERATOR_PAUSE_MS + " ms)");
        }
        if (saturation != null && saturation.machineLimited()) {
            reasons.add(saturation.reason());
        }
        return new Noise(before, after, OperationStats.round(busy, 1), OperationStats.round(steal, 2),
                         OperationStats.round(run, 1), OperationStats.round(foreign, 1), loadStart, loadEnd, service,
                         generator, List.copyOf(outliers), saturation, !reasons.isEmpty(), List.copyOf(reasons));
    }
}
