-- Runs once, when the history database's container first starts (docker-entrypoint-initdb.d), as the owner.
-- grafana_reader may read the history and nothing else. The schema perf is created here, empty, so that the
-- default privileges below apply to the tables the harness's Flyway migrations (db/perf) create later.
CREATE ROLE grafana_reader WITH LOGIN PASSWORD 'grafana_reader';
CREATE SCHEMA IF NOT EXISTS perf AUTHORIZATION postgres;
GRANT CONNECT ON DATABASE biodid_perf TO grafana_reader;
GRANT USAGE ON SCHEMA perf TO grafana_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA perf TO grafana_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA perf GRANT SELECT ON TABLES TO grafana_reader;
