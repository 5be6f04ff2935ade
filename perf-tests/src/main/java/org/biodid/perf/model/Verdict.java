package org.biodid.perf.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The run's verdict: {@code pass}, {@code fail} or {@code inconclusive}.
 * <ul>
 *     <li>{@code pass}: every gating check met its target.</li>
 *     <li>{@code fail}: a check missed and the machine was quiet (the service is slower than its targets), or the
 *     miss cannot be noise: the run was stopped because the service collapsed, no request ran, memory, or wrong
 *     answers (an impostor accepted is wrong however busy the machine is).</li>
 *     <li>{@code inconclusive}: every miss is one that noise can cause (latency, throughput, server faults such as
 *     timeouts) and {@link Noise} measured noise in the same run. The gate re-runs once; a second noisy miss
 *     stays inconclusive.</li>
 * </ul>
 *
 * @param verdict {@code pass}, {@code fail} or {@code inconclusive}
 * @param reasons why (the missed checks, the noise, the abort)
 */
public record Verdict(String verdict, List<String> reasons) {

    /** Every check met its target. */
    public static final String PASS = "pass";
    /** A real miss. */
    public static final String FAIL = "fail";
    /** A miss that coincides with measured noise. */
    public static final String INCONCLUSIVE = "inconclusive";

    /**
     * Decide.
     *
     * @param checks the gating checks
     * @param noise measured noise (null: none measured, e.g. an external service on another machine)
     * @param outcomes request outcomes (null: unknown)
     * @param requests measured requests
     * @param errorBudgetPercent the error-rate target
     * @param aborted why the run was stopped early (null: it ran to the end)
     * @return verdict
     */
    public static Verdict decide(List<RunSummary.Check> checks, Noise noise, Outcomes outcomes, long requests,
                                 double errorBudgetPercent, String aborted) {
        List<RunSummary.Check> missed = checks.stream().filter(c -> !c.passed()).toList();
        List<String> reasons = new ArrayList<>();
        missed.forEach(c -> reasons.add(c.name() + " = " + c.actual() + ", target " + c.comparator() + " " + c.limit()));
        if (aborted != null) {
            // A service that stops keeping up on a quiet machine has collapsed; on a machine measured to be busy
            // with other work the collapse may be the machine's.
            reasons.addFirst("stopped early: " + aborted);
            if (noise != null && noise.noisy()) {
                reasons.addAll(noise.reasons());
                return new Verdict(INCONCLUSIVE, reasons);
            }
            return new Verdict(FAIL, reasons);
        }
        if (missed.isEmpty()) {
            return new Verdict(PASS, reasons);
        }
        boolean wrongAnswersOverBudget = outcomes != null && requests > 0
                && 100.0 * outcomes.wrongAnswers() / requests >= errorBudgetPercent;
        boolean excusable = missed.stream().allMatch(c -> noiseCanCause(c.name()) || c.name().endsWith("errorRatePercent"))
                && !wrongAnswersOverBudget;
        if (wrongAnswersOverBudget) {
            reasons.add(outcomes.wrongAnswers() + " wrong answers: not noise");
        }
        if (excusable && noise != null && noise.noisy()) {
            reasons.addAll(noise.reasons());
            return new Verdict(INCONCLUSIVE, reasons);
        }
        return new Verdict(FAIL, reasons);
    }

    /**
     * Whether a {@code fail} is worth confirming with one more run: only the tail missed (P99, P99.9, max) while
     * every P50 and P95 met its target, nothing else missed, and the run was not stopped. A slower service moves
     * its median and P95 too; a tail-only miss on a quiet machine is the signature of one stall, which the 2-core
     * machine shows now and then (a second of the hypervisor or of a neighbour that the noise measurements do not
     * resolve). The confirming run's verdict is the gate's; both runs stay in the history.
     *
     * @param summary a run
     * @return whether the gate should run once more before failing the build
     */
    public static boolean worthConfirming(RunSummary summary) {
        if (!FAIL.equals(summary.verdict()) || summary.aborted() != null || summary.checks() == null) {
            return false;
        }
        List<RunSummary.Check> missed = summary.checks().stream().filter(c -> !c.passed()).toList();
        return !missed.isEmpty() && missed.stream().allMatch(c -> c.name().matches(".*\\.(p99|p999|max)"));
    }

    /** Latency, throughput, CPU share, the stress knee and baseline drift move with a busy machine. */
    private static boolean noiseCanCause(String check) {
        return check.matches(".*\\.(p50|p75|p95|p99|p999|max)") || check.equals("system.throughputRps")
                || check.equals("system.cpuPercent") || check.equals("system.kneeRps")
                || check.equals("baseline.regression");
    }
}
