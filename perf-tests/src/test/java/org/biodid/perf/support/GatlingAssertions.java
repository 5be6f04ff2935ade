package org.biodid.perf.support;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

import java.util.ArrayList;
import java.util.List;

import org.biodid.perf.model.Baseline;
import org.biodid.perf.model.Targets;

import io.gatling.javaapi.core.Assertion;

/**
 * The targets as Gatling assertions, so Gatling's own report shows them. The harness's verdict
 * ({@link org.biodid.perf.model.Verdict}) applies the same targets to its own statistics and decides the exit
 * status; these assertions and the verdict's checks are the same list.
 */
public final class GatlingAssertions {

    private GatlingAssertions() {
    }

    /**
     * Per measured operation: that it ran, its error rate and (unless the workload is a stress ramp) P50, P95, P99,
     * and P99.9 against the max target (the single slowest request is reported, not gated: see
     * docs/performance.md); globally that requests ran and the error rate. With {@code failOnRegression}, each
     * P50/P95/P99 may not exceed its baseline by more than the tolerance.
     *
     * @param workload workload
     * @param targets targets
     * @param settings settings
     * @param baselineRuns baseline
     * @return assertions
     */
    public static List<Assertion> of(Workload workload, Targets targets, HarnessSettings settings,
                                     List<Baseline.HistoricRun> baselineRuns) {
        List<Assertion> assertions = new ArrayList<>();
        assertions.add(global().allRequests().count().gt(0L));
        assertions.add(global().failedRequests().percent().lt(targets.errorRatePercent()));
        for (String operation : workload.operations()) {
            assertions.add(details(operation).allRequests().count().gt(0L));
            assertions.add(details(operation).failedRequests().percent().lt(targets.errorRatePercent()));
            if (workload.checks().latency()) {
                Targets.OperationTarget t = targets.operation(operation);
                assertions.add(details(operation).responseTime().percentile(50.0).lt(t.p50()));
                assertions.add(details(operation).responseTime().percentile(95.0).lt(t.p95()));
                assertions.add(details(operation).responseTime().percentile(99.0).lt(t.p99()));
                assertions.add(details(operation).responseTime().percentile(99.9).lt(t.max()));
            }
            if (settings.failOnRegression()) {
                for (String metric : List.of("p50", "p95", "p99")) {
                    double baseline = Baseline.median(baselineRuns, operation, metric);
                    if (!Double.isNaN(baseline)) {
                        int limit = (int) Math.floor(Baseline.limit(baseline, settings.tolerancePercent(),
                                                                    settings.slackMs()));
                        assertions.add(details(operation).responseTime()
                                               .percentile(Double.parseDouble(metric.substring(1))).lte(limit));
                    }
                }
            }
        }
        return assertions;
    }
}
