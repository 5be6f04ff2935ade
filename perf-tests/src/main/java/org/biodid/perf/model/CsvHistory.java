package org.biodid.perf.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Run history as a CSV file, one row per run and operation, appended (header written when the file is new).
 * Used when no history database is configured. Values never contain commas (ids, names, numbers, ISO times).
 */
public final class CsvHistory implements RunHistory {

    /** Column names, in order. */
    public static final List<String> COLUMNS = List.of(
            "run_id", "started_at", "workload", "simulation", "commit", "branch", "passed", "regression",
            "operation", "count", "errors", "error_rate_percent", "throughput_rps", "min_ms", "mean_ms",
            "p50_ms", "p75_ms", "p95_ms", "p99_ms", "max_ms",
            "target_p50_ms", "target_p95_ms", "target_p99_ms", "target_max_ms",
            "run_throughput_rps", "run_error_rate_percent", "cpu_avg_percent", "rss_max_mb", "verdict", "p999_ms");

    private final Path file;

    /**
     * History in a file.
     *
     * @param file CSV path
     */
    public CsvHistory(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void record(RunSummary s) {
        StringBuilder rows = new StringBuilder();
        for (OperationStats o : s.operations().values()) {
            Targets.OperationTarget t = s.targets().operations().get(o.operation());
            List<Object> values = List.of(
                    s.runId(), s.startedAt(), s.workload(), s.simulation(), s.environment().commit(),
                    s.environment().branch(), s.passed(), s.regression(),
                    o.operation(), o.count(), o.errors(), o.errorRatePercent(), o.throughputRps(), o.minMs(),
                    o.meanMs(), o.p50Ms(), o.p75Ms(), o.p95Ms(), o.p99Ms(), o.maxMs(),
                    t == null ? "" : t.p50(), t == null ? "" : t.p95(), t == null ? "" : t.p99(),
                    t == null ? "" : t.max(),
                    s.throughputRps(), s.errorRatePercent(),
                    s.server() == null ? "" : s.server().cpuAvgPercent(),
                    s.server() == null ? "" : s.server().rssMaxMb(),
                    s.verdict() == null ? "" : s.verdict(), o.p999Ms());
            rows.append(String.join(",", values.stream().map(v -> clean(String.valueOf(v))).toList())).append('\n');
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (!Files.exists(file) || Files.size(file) == 0) {
                rows.insert(0, String.join(",", COLUMNS) + "\n");
            }
            Files.writeString(file, rows, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                              StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    @Override
    public synchronized List<Baseline.HistoricRun> lastPassing(String workload, int limit) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = Arrays.asList(lines.getFirst().split(",", -1));
        Map<String, Map<String, Map<String, Double>>> runs = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < cells.length; i++) {
                row.put(header.get(i), cells[i]);
            }
            if (!workload.equals(row.get("workload")) || !"true".equals(row.get("passed"))) {
                continue;
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (String metric : Baseline.METRICS) {
                metrics.put(metric, Double.parseDouble(row.get(metric + "_ms")));
            }
            runs.computeIfAbsent(row.get("run_id"), k -> new LinkedHashMap<>()).put(row.get("operation"), metrics);
        }
        List<Baseline.HistoricRun> newestFirst = new ArrayList<>();
        runs.forEach((id, metrics) -> newestFirst.addFirst(new Baseline.HistoricRun(id, metrics)));
        return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
    }

    @Override
    public String describe() {
        return "CSV " + file.toAbsolutePath();
    }

    private static String clean(String value) {
        return "null".equals(value) ? "" : value.replace(',', ';').replace('\n', ' ');
    }
}
