-- Benchmark history (perf-tests): one row per run, one per run and operation, and the service's resource
-- samples. Applied by the harness with its own Flyway history table, perf.flyway_schema_history; the
-- service's migrations (db/migration) never touch this schema. Read by the Grafana "Benchmark history"
-- dashboard: the target columns are its threshold lines.

CREATE TABLE perf.runs (
    run_id                 VARCHAR(64)      PRIMARY KEY,
    workload               VARCHAR(64)      NOT NULL,
    simulation             VARCHAR(200)     NOT NULL,
    started_at             TIMESTAMPTZ      NOT NULL,
    finished_at            TIMESTAMPTZ      NOT NULL,
    measured_seconds       DOUBLE PRECISION NOT NULL,
    offered_rps            DOUBLE PRECISION NOT NULL,
    requests               BIGINT           NOT NULL,
    errors                 BIGINT           NOT NULL,
    error_rate_percent     DOUBLE PRECISION NOT NULL,
    throughput_rps         DOUBLE PRECISION NOT NULL,
    cpu_avg_percent        DOUBLE PRECISION,
    cpu_max_percent        DOUBLE PRECISION,
    rss_max_mb             DOUBLE PRECISION,
    rss_avg_mb             DOUBLE PRECISION,
    knee_rps               DOUBLE PRECISION,
    commit_sha             VARCHAR(64)      NOT NULL,
    branch                 VARCHAR(200)     NOT NULL,
    dirty                  BOOLEAN          NOT NULL,
    jvm                    VARCHAR(200)     NOT NULL,
    cores                  INTEGER          NOT NULL,
    base_url               VARCHAR(200)     NOT NULL,
    database_kind          VARCHAR(32)      NOT NULL,
    -- System targets in force for this run (threshold lines)
    target_error_rate_percent DOUBLE PRECISION NOT NULL,
    target_throughput_rps  DOUBLE PRECISION NOT NULL,
    target_cpu_percent     DOUBLE PRECISION NOT NULL,
    target_rss_mb          DOUBLE PRECISION NOT NULL,
    passed                 BOOLEAN          NOT NULL,
    regression             BOOLEAN          NOT NULL,
    failed_checks          TEXT             NOT NULL,
    summary                JSONB            NOT NULL
);

CREATE INDEX ix_runs_workload_started ON perf.runs (workload, started_at DESC);

CREATE TABLE perf.operation_results (
    run_id                 VARCHAR(64)      NOT NULL REFERENCES perf.runs (run_id) ON DELETE CASCADE,
    operation              VARCHAR(64)      NOT NULL,
    requests               BIGINT           NOT NULL,
    errors                 BIGINT           NOT NULL,
    error_rate_percent     DOUBLE PRECISION NOT NULL,
    throughput_rps         DOUBLE PRECISION NOT NULL,
    min_ms                 DOUBLE PRECISION NOT NULL,
    mean_ms                DOUBLE PRECISION NOT NULL,
    p50_ms                 DOUBLE PRECISION NOT NULL,
    p75_ms                 DOUBLE PRECISION NOT NULL,
    p95_ms                 DOUBLE PRECISION NOT NULL,
    p99_ms                 DOUBLE PRECISION NOT NULL,
    max_ms                 DOUBLE PRECISION NOT NULL,
    -- Targets in force for this run (threshold lines); NULL when the targets file had none for the operation
    target_p50_ms          DOUBLE PRECISION,
    target_p95_ms          DOUBLE PRECISION,
    target_p99_ms          DOUBLE PRECISION,
    target_max_ms          DOUBLE PRECISION,
    passed                 BOOLEAN          NOT NULL,
    PRIMARY KEY (run_id, operation)
);

CREATE TABLE perf.resource_samples (
    run_id                 VARCHAR(64)      NOT NULL REFERENCES perf.runs (run_id) ON DELETE CASCADE,
    sampled_at             TIMESTAMPTZ      NOT NULL,
    cpu_percent            DOUBLE PRECISION NOT NULL,
    rss_mb                 DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_id, sampled_at)
);
