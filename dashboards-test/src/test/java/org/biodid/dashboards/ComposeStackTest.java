package org.biodid.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The dashboards stack ({@code grafana/stack/compose.yaml}) cannot run here (no Docker engine), so its structure
 * is checked instead: the three services, the published ports, that every bind mount names a file of this
 * repository and lands where Grafana and Prometheus read it, that Grafana's environment sets every variable the
 * provisioned datasources use, that Prometheus scrapes the host, and that the history database's init script
 * really creates a read-only {@code grafana_reader} (run against a real PostgreSQL inside a rolled-back
 * transaction).
 */
class ComposeStackTest {

    private static final Path STACK = GrafanaFiles.grafanaDir().resolve("stack");

    @AfterAll
    static void release() throws SQLException {
        HistoryDatabase.release();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(STACK.resolve("compose.yaml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        assertTrue(services.containsKey(name), "compose.yaml has no service " + name + ": " + services.keySet());
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> service, String key) {
        return (List<String>) service.get(key);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStackHasGrafanaPrometheusAndTheHistoryDatabase() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        assertEquals(Set.of("grafana", "prometheus", "history-db"), services.keySet());
        assertTrue(list(service("history-db"), "ports").stream().anyMatch(p -> p.endsWith(":5432")),
                   "the history database publishes its port, so the harness on the host can write to it");
        assertTrue(list(service("grafana"), "ports").stream().anyMatch(p -> p.endsWith(":3000")));
        assertTrue(list(service("prometheus"), "ports").stream().anyMatch(p -> p.endsWith(":9090")));
    }

    @Test
    void everyBindMountIsAFileOfThisRepositoryWhereTheContainerReadsIt() throws IOException {
        Map<String, String> expected = Map.of(
                "/etc/grafana/provisioning/datasources", "provisioning/datasources/biodid.yaml",
                "/etc/grafana/provisioning/dashboards", "provisioning/dashboards/biodid.yaml",
                "/var/lib/grafana/dashboards/biodid", "dashboards/benchmark-history.json",
                "/etc/prometheus/prometheus.yml", "stack/prometheus-host.yml",
                "/docker-entrypoint-initdb.d/10-grafana-reader.sql", "stack/history-db-init.sql");
        Set<String> seen = new TreeSet<>();
        for (String name : List.of("grafana", "prometheus", "history-db")) {
            for (String volume : list(service(name), "volumes")) {
                String[] parts = volume.split(":");
                if (!parts[0].startsWith(".")) {
                    continue; // a named volume
                }
                Path host = STACK.resolve(parts[0]).normalize();
                assertTrue(Files.exists(host), name + " mounts " + parts[0] + ", which does not exist: " + host);
                String file = expected.get(parts[1]);
                assertTrue(file != null, name + " mounts to an unexpected place: " + parts[1]);
                Path inRepo = GrafanaFiles.grafanaDir().resolve(file).normalize();
                assertTrue(Files.isDirectory(host) ? inRepo.startsWith(host) : inRepo.equals(host),
                           parts[1] + " gets " + host + ", expected " + inRepo);
                seen.add(parts[1]);
            }
        }
        assertEquals(expected.keySet(), seen);
        String provider = Files.readString(GrafanaFiles.grafanaDir().resolve("provisioning/dashboards/biodid.yaml"));
        assertTrue(provider.contains("path: /var/lib/grafana/dashboards/biodid"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaGetsEveryVariableTheDatasourcesUseAndReachesTheOtherServices() throws IOException {
        Map<String, Object> environment = (Map<String, Object>) service("grafana").get("environment");
        String datasources = Files.readAllLines(GrafanaFiles.grafanaDir().resolve("provisioning/datasources/biodid.yaml"))
                .stream().filter(line -> !line.strip().startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        Matcher m = Pattern.compile("\\$\\{(\\w+)}").matcher(datasources);
        Set<String> used = new TreeSet<>();
        while (m.find()) {
            used.add(m.group(1));
        }
        assertTrue(used.size() >= 6, "variables found: " + used);
        assertTrue(environment.keySet().containsAll(used), "missing in grafana's environment: " + used);
        assertEquals("history-db:5432", environment.get("BIODID_HISTORY_DB_HOST"));
        assertEquals("grafana_reader", environment.get("BIODID_HISTORY_DB_USER"));
        assertEquals("http://prometheus:9090", environment.get("BIODID_PROMETHEUS_URL"));
        Map<String, Object> db = (Map<String, Object>) service("history-db").get("environment");
        assertEquals(db.get("POSTGRES_DB"), environment.get("BIODID_HISTORY_DB_NAME"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesTheServiceOnTheHostAsJobBiodid() throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(STACK.resolve("prometheus-host.yml")));
        Map<String, Object> job = ((List<Map<String, Object>>) config.get("scrape_configs")).getFirst();
        assertEquals("biodid", job.get("job_name"));
        assertEquals("/metrics", job.get("metrics_path"));
        List<String> targets = (List<String>) ((List<Map<String, Object>>) job.get("static_configs")).getFirst()
                .get("targets");
        assertEquals(List.of("host.docker.internal:8080"), targets);
        assertTrue(list(service("prometheus"), "extra_hosts").contains("host.docker.internal:host-gateway"));
    }

    @Test
    void theInitScriptCreatesAReadOnlyGrafanaReader() throws Exception {
        HistoryDatabase.require();
        String script = Files.readString(STACK.resolve("history-db-init.sql"));
        try (Connection c = HistoryDatabase.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                boolean exists;
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = 'grafana_reader'")) {
                    exists = rs.next();
                }
                // Roles are global to the server: where one exists already, the script runs as written but under
                // a role name of its own, inside a transaction that is rolled back.
                String role = exists ? "grafana_reader_" + ProcessHandle.current().pid() : "grafana_reader";
                s.execute("DROP SCHEMA IF EXISTS perf CASCADE");
                s.execute(script.replace("grafana_reader", role)
                                  .replace("DATABASE biodid_perf", "DATABASE \"" + c.getCatalog() + "\""));
                // the harness's migrations create the tables later, as the owner
                s.execute("CREATE TABLE perf.runs (run_id TEXT PRIMARY KEY)");
                s.execute("INSERT INTO perf.runs VALUES ('r1')");
                s.execute("SET ROLE " + role);
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM perf.runs")) {
                    rs.next();
                    assertEquals(1, rs.getInt(1));
                }
                s.execute("SAVEPOINT write_attempt");
                SQLException denied = assertThrows(SQLException.class,
                                                   () -> s.execute("INSERT INTO perf.runs VALUES ('r2')"));
                assertEquals("42501", denied.getSQLState(), "permission denied expected: " + denied.getMessage());
            } finally {
                c.rollback();
            }
        }
    }
}
