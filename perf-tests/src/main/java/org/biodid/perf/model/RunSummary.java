package org.biodid.perf.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The machine-readable result of one run ({@code biodid-summary.json}), written next to Gatling's report and
 * into {@code target/perf-results/}. Gatling 3.15 writes no {@code stats.json}; this is ours. Field names are
 * snake_case; times in ms, instants ISO-8601 UTC.
 *
 * @param schemaVersion format version (1)
 * @param runId unique id
 * @param workload workload name (history key)
 * @param simulation simulation class
 * @param startedAt run start
 * @param finishedAt run end
 * @param measuredStart first measured request
 * @param measuredEnd last measured response
 * @param measuredSeconds measured window
 * @param offeredRps arrival rate of the measured phase (0: closed model)
 * @param requests measured requests
 * @param errors measured KOs
 * @param errorRatePercent errors / requests × 100
 * @param throughputRps requests / measured seconds
 * @param operations per-operation statistics
 * @param levels per stress level and operation (stress ramp only), keyed {@code <op>@<level>}
 * @param server service CPU and memory
 * @param loadGenerator the Gatling JVM's own CPU and memory (same machine: a saturated generator skews latency)
 * @param environment commit, branch, JVM, cores, target
 * @param targets the targets file in force
 * @param checks every target check applied (the Gatling assertions and the resource checks)
 * @param bar the project's stricter bar, reported only
 * @param passed all checks passed
 * @param baseline comparison against the baseline (null without history)
 * @param regression the comparison found a regression
 * @param kneeRps stress ramp: highest level whose every P95 met its target (null otherwise)
 * @param gatlingRunDir Gatling's report folder
 * @param jfrFile flight recording (profiling runs)
 * @param verdict {@code pass}, {@code fail} or {@code inconclusive} ({@link Verdict}); null in summaries written
 *                before verdicts
 * @param verdictReasons why
 * @param noise what the machine and the JVMs did besides the service's work
 * @param outcomes server faults, wrong answers and biometric rejections under load
 * @param aborted why the run was stopped early (a collapsing service), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummary(int schemaVersion,
                         String runId,
                         String workload,
                         String simulation,
                         String startedAt,
                         String finishedAt,
                         String measuredStart,
                         String measuredEnd,
                         double measuredSeconds,
                         double offeredRps,
                         long requests,
                         long errors,
                         double errorRatePercent,
                         double throughputRps,
                         Map<String, OperationStats> operations,
                         Map<String, OperationStats> levels,
                         Server server,
                         Server loadGenerator,
                         Environment environment,
                         Targets targets,
                         List<Check> checks,
                         List<Check> bar,
                         boolean passed,
                         Baseline.Comparison baseline,
                         boolean regression,
                         Double kneeRps,
                         String gatlingRunDir,
                         String jfrFile,
                         String verdict,
                         List<String> verdictReasons,
                         Noise noise,
                         Outcomes outcomes,
                         String aborted) {

    /**
     * The summary without verdict, noise and outcomes (the shape before they were added; fixtures).
     *
     * @param schemaVersion format version
     * @param runId run id
     * @param workload workload
     * @param simulation simulation class
     * @param startedAt start
     * @param finishedAt end
     * @param measuredStart measured start
     * @param measuredEnd measured end
     * @param measuredSeconds measured seconds
     * @param offeredRps offered rate
     * @param requests requests
     * @param errors errors
     * @param errorRatePercent error rate
     * @param throughputRps throughput
     * @param operations operations
     * @param levels stress levels
     * @param server service resources
     * @param loadGenerator load generator resources
     * @param environment environment
     * @param targets targets
     * @param checks checks
     * @param bar bar
     * @param passed passed
     * @param baseline comparison
     * @param regression regression
     * @param kneeRps knee
     * @param gatlingRunDir report folder
     * @param jfrFile recording
     */
    public RunSummary(int schemaVersion, String runId, String workload, String simulation, String startedAt,
                      String finishedAt, String measuredStart, String measuredEnd, double measuredSeconds,
                      double offeredRps, long requests, long errors, double errorRatePercent, double throughputRps,
                      Map<String, OperationStats> operations, Map<String, OperationStats> levels, Server server,
                      Server loadGenerator, Environment environment, Targets targets, List<Check> checks,
                      List<Check> bar, boolean passed, Baseline.Comparison baseline, boolean regression,
                      Double kneeRps, String gatlingRunDir, String jfrFile) {
        this(schemaVersion, runId, workload, simulation, startedAt, finishedAt, measuredStart, measuredEnd,
             measuredSeconds, offeredRps, requests, errors, errorRatePercent, throughputRps, operations, levels, server,
             loadGenerator, environment, targets, checks, bar, passed, baseline, regression, kneeRps, gatlingRunDir,
             jfrFile, passed ? Verdict.PASS : Verdict.FAIL, List.of(), null, null, null);
    }

    /**
     * The summary without a load-generator section (the shape before it was added; dashboards-test builds
     * fixtures with it).
     *
     * @param schemaVersion format version
     * @param runId run id
     * @param workload workload
     * @param simulation simulation class
     * @param startedAt start
     * @param finishedAt end
     * @param measuredStart measured start
     * @param measuredEnd measured end
     * @param measuredSeconds measured seconds
     * @param offeredRps offered rate
     * @param requests requests
     * @param errors errors
     * @param errorRatePercent error rate
     * @param throughputRps throughput
     * @param operations operations
     * @param levels stress levels
     * @param server service resources
     * @param environment environment
     * @param targets targets
     * @param checks checks
     * @param bar bar
     * @param passed passed
     * @param baseline comparison
     * @param regression regression
     * @param kneeRps knee
     * @param gatlingRunDir report folder
     * @param jfrFile recording
     */
    public RunSummary(int schemaVersion, String runId, String workload, String simulation, String startedAt,
                      String finishedAt, String measuredStart, String measuredEnd, double measuredSeconds,
                      double offeredRps, long requests, long errors, double errorRatePercent, double throughputRps,
                      Map<String, OperationStats> operations, Map<String, OperationStats> levels, Server server,
                      Environment environment, Targets targets, List<Check> checks, List<Check> bar, boolean passed,
                      Baseline.Comparison baseline, boolean regression, Double kneeRps, String gatlingRunDir,
                      String jfrFile) {
        this(schemaVersion, runId, workload, simulation, startedAt, finishedAt, measuredStart, measuredEnd,
             measuredSeconds, offeredRps, requests, errors, errorRatePercent, throughputRps, operations, levels, server,
             null, environment, targets, checks, bar, passed, baseline, regression, kneeRps, gatlingRunDir, jfrFile,
             passed ? Verdict.PASS : Verdict.FAIL, List.of(), null, null, null);
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Service resources over the measured window.
     *
     * @param pid sampled process (0: not sampled, e.g. an external service without a pid)
     * @param samples samples in the measured window
     * @param cpuAvgPercent average CPU, percent of the machine (all cores)
     * @param cpuMaxPercent highest one-second CPU, percent of the machine
     * @param cpuAvgPercentOfCore average CPU, percent of one core
     * @param rssMaxMb highest resident memory, MiB
     * @param rssAvgMb average resident memory, MiB
     * @param rssStartMb first sample, MiB (soak: growth indicator)
     * @param rssEndMb last sample, MiB
     * @param timeline every sample of the run ([epoch ms, CPU % of machine, RSS MiB])
     */
    public record Server(long pid, int samples, double cpuAvgPercent, double cpuMaxPercent, double cpuAvgPercentOfCore,
                         double rssMaxMb, double rssAvgMb, double rssStartMb, double rssEndMb,
                         List<double[]> timeline) {
    }

    /**
     * Where and what was measured.
     *
     * @param commit git commit of the project (or CI's)
     * @param branch git branch
     * @param dirty uncommitted changes in the work tree
     * @param jvm JVM running the service and Gatling
     * @param cores available processors
     * @param os operating system
     * @param baseUrl target
     * @param serviceStartedByHarness the harness started the service
     * @param database {@code h2}, {@code postgresql}, or {@code external}
     * @param fingerprints fingerprint generator
     * @param gatling Gatling version
     * @param loadAverageStart 1-minute load average of the machine when the run started (other work on the
     *                         machine makes latency noisy: compare it with the core count)
     * @param loadAverageEnd 1-minute load average when it ended
     */
    public record Environment(String commit, String branch, boolean dirty, String jvm, int cores, String os,
                              String baseUrl, boolean serviceStartedByHarness, String database, String fingerprints,
                              String gatling, double loadAverageStart, double loadAverageEnd) {

        /**
         * Without load averages (unknown: -1), the shape before they were added.
         *
         * @param commit commit
         * @param branch branch
         * @param dirty dirty
         * @param jvm JVM
         * @param cores cores
         * @param os OS
         * @param baseUrl target
         * @param serviceStartedByHarness started by the harness
         * @param database database kind
         * @param fingerprints generator
         * @param gatling Gatling version
         */
        public Environment(String commit, String branch, boolean dirty, String jvm, int cores, String os,
                           String baseUrl, boolean serviceStartedByHarness, String database, String fingerprints,
                           String gatling) {
            this(commit, branch, dirty, jvm, cores, os, baseUrl, serviceStartedByHarness, database, fingerprints,
                 gatling, -1, -1);
        }
    }

    /**
     * One check of a result against a limit.
     *
     * @param name e.g. {@code health.p95}
     * @param actual measured value
     * @param comparator {@code <}, {@code <=} or {@code >}
     * @param limit limit
     * @param passed whether it holds
     */
    public record Check(String name, double actual, String comparator, double limit, boolean passed) {

        /**
         * Evaluate.
         *
         * @param name name
         * @param actual value
         * @param comparator {@code <}, {@code <=}, {@code >}
         * @param limit limit
         * @return check
         */
        public static Check of(String name, double actual, String comparator, double limit) {
            boolean passed = switch (comparator) {
                case "<" -> actual < limit;
                case "<=" -> actual <= limit;
                case ">" -> actual > limit;
                default -> throw new IllegalArgumentException(comparator);
            };
            return new Check(name, actual, comparator, limit, passed);
        }
    }

    /**
     * Serialize.
     *
     * @return JSON
     */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Write to a file (parents created).
     *
     * @param file target
     */
    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Read a summary file.
     *
     * @param file JSON file
     * @return summary
     */
    public static RunSummary read(Path file) {
        try {
            return JSON.readValue(file.toFile(), RunSummary.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The shared JSON mapper (snake_case).
     *
     * @return mapper
     */
    static ObjectMapper json() {
        return JSON;
    }
}
