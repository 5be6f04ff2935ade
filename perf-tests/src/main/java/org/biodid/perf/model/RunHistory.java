package org.biodid.perf.model;

import java.nio.file.Path;
import java.util.List;

/**
 * Where runs are remembered: PostgreSQL (schema {@code perf}) when a history database is configured
 * ({@code BIODID_PERF_DB_URL} / {@code -Dbiodid.perf.db.url}), else a CSV file.
 */
public interface RunHistory {

    /**
     * Record a run.
     *
     * @param summary the run
     */
    void record(RunSummary summary);

    /**
     * The last passing runs of a workload, newest first.
     *
     * @param workload workload name
     * @param limit how many
     * @return runs
     */
    List<Baseline.HistoricRun> lastPassing(String workload, int limit);

    /**
     * Where it is.
     *
     * @return description
     */
    String describe();

    /**
     * The configured history.
     *
     * @return PostgreSQL history or CSV history
     */
    public static RunHistory open() {
        var url = PerfConfig.get("biodid.perf.db.url");
        if (url.isPresent()) {
            return PostgresHistory.open(url.get(), PerfConfig.get("biodid.perf.db.user", "postgres"),
                                        PerfConfig.get("biodid.perf.db.password", ""));
        }
        return new CsvHistory(Path.of(PerfConfig.get("biodid.perf.historyCsv", "perf-history.csv")));
    }
}
