package org.biodid.dashboards;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.biodid.perf.model.PostgresHistory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.biodid.dashboards.DashboardModelTest.assertNoProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every SQL query of the history dashboards, run against a real PostgreSQL holding history that the harness's
 * own writer recorded, after Grafana's variable and macro expansion, over the dashboards' default time range.
 */
class HistorySqlTest {

    private static final Pattern DATA_FIELD = Pattern.compile("\\$\\{__data\\.fields\\.([^}]+)}");
    private static final Set<Integer> NUMERIC = Set.of(Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.NUMERIC,
                                                       Types.DECIMAL, Types.DOUBLE, Types.REAL, Types.FLOAT);
    private static final Set<Integer> TIME = Set.of(Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE);

    private static HistoryFixture fixture;

    /** A result: column names and types, rows. */
    record Result(List<String> columns, List<Integer> types, List<List<Object>> rows) {

        int index(String column) {
            return columns.indexOf(column);
        }

        List<Object> column(String name) {
            int i = index(name);
            return rows.stream().map(r -> r.get(i)).toList();
        }
    }

    @BeforeAll
    static void recordHistory() throws SQLException {
        HistoryDatabase.require();
        HistoryDatabase.dropHistory();
        PostgresHistory history = PostgresHistory.open(HistoryDatabase.URL, HistoryDatabase.USER, HistoryDatabase.PASSWORD);
        fixture = new HistoryFixture();
        fixture.record(history);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        HistoryDatabase.release();
    }

    @Test
    void everyHistoryPanelReturnsTheColumnsItNeeds() throws SQLException {
        List<String> problems = new ArrayList<>();
        int queries = 0;
        for (GrafanaFiles.Dashboard d : GrafanaFiles.dashboards()) {
            if (d.dataPanels().stream().noneMatch(p -> "biodid-history".equals(p.path("datasource").path("uid").asText()))) {
                continue;
            }
            GrafanaSql grafana = grafanaFor(d);
            Map<String, GrafanaSql.Value> variables = resolveVariables(d, grafana, problems);
            for (JsonNode panel : d.dataPanels()) {
                for (Map<String, GrafanaSql.Value> scope : repeats(panel, variables)) {
                    String where = d.uid() + " panel '" + panel.path("title").asText() + "'"
                                   + (panel.has("repeat") ? " [" + panel.path("repeat").asText() + "="
                                                            + scope.get(panel.path("repeat").asText()).values() + "]" : "");
                    for (JsonNode target : panel.path("targets")) {
                        queries++;
                        String sql = grafana.expand(target.path("rawSql").asText(), scope);
                        Result result;
                        try {
                            result = query(sql);
                        } catch (SQLException e) {
                            problems.add(where + ": SQL fails: " + e.getMessage() + "\n" + sql);
                            continue;
                        }
                        checkPanelResult(problems, where, panel, target.path("format").asText(), result);
                    }
                }
            }
            for (JsonNode annotation : d.annotations()) {
                queries++;
                String where = d.uid() + " annotation '" + annotation.path("name").asText() + "'";
                String sql = grafana.expand(annotation.path("target").path("rawSql").asText(), variables);
                try {
                    Result result = query(sql);
                    if (result.rows().isEmpty()) {
                        problems.add(where + ": no rows (the fixture has a regression and a failed run)");
                    }
                    requireTime(problems, where, result);
                    if (result.index("text") < 0) {
                        problems.add(where + ": no text column " + result.columns());
                    }
                } catch (SQLException e) {
                    problems.add(where + ": SQL fails: " + e.getMessage() + "\n" + sql);
                }
            }
        }
        assertNoProblems(problems);
        assertTrue(queries >= 20, "ran " + queries + " history queries");
    }

    @Test
    void theHistoryShowsWhatWasRecorded() throws SQLException {
        GrafanaFiles.Dashboard d = GrafanaFiles.dashboard("biodid-benchmark-history");
        GrafanaSql grafana = grafanaFor(d);
        List<String> problems = new ArrayList<>();
        Map<String, GrafanaSql.Value> variables = resolveVariables(d, grafana, problems);
        assertNoProblems(problems);
        assertEquals(List.of("mixed"), variables.get("workload").values(), "the workload shown first");
        assertEquals(List.of("main", "perf"), variables.get("branch").values(), "All branches of the workload");
        assertEquals(HistoryFixture.MIXED_OPERATIONS, variables.get("operation").values());

        List<HistoryFixture.Run> mixed = fixture.runs().stream().filter(r -> r.workload().equals("mixed")).toList();
        assertEquals(mixed.size(), ((Number) single(d, grafana, variables, "Runs in range")).intValue());
        assertEquals(mixed.stream().filter(HistoryFixture.Run::regression).count(),
                     ((Number) single(d, grafana, variables, "Regressions")).longValue());

        Result recent = panelResult(d, grafana, variables, "Recent runs", Map.of());
        HistoryFixture.Run newest = mixed.stream().max(Comparator.comparing(HistoryFixture.Run::started)).orElseThrow();
        assertEquals(newest.id(), recent.column("Run").getFirst(), "newest run first");
        assertEquals(Set.of("PASS", "FAIL"), new HashSet<>(recent.column("Result")));
        assertEquals(mixed.stream().filter(r -> !r.passed()).count(),
                     recent.column("Result").stream().filter("FAIL"::equals).count());
        assertTrue(recent.column("Regression").contains("REGRESSION"));

        // The threshold line is the target in force for each run: the harness's targets file.
        Result health = panelResult(d, grafana, variables, "$operation: P50 / P95 / P99 per run vs target",
                                    Map.of("operation", new GrafanaSql.Value(List.of("health"), true)));
        assertEquals(mixed.size(), health.rows().size(), "one point per run");
        for (Object target : health.column("P95 target")) {
            assertEquals((double) fixture.targets().operation("health").p95(), ((Number) target).doubleValue());
        }

        // Narrowing the branch variable narrows the history.
        Map<String, GrafanaSql.Value> perfOnly = new LinkedHashMap<>(variables);
        perfOnly.put("branch", new GrafanaSql.Value(List.of("perf"), true));
        assertEquals(mixed.stream().filter(r -> r.branch().equals("perf")).count(),
                     ((Number) single(d, grafana, perfOnly, "Runs in range")).longValue());
    }

    @Test
    void theRunDashboardShowsTheRunTheHistoryLinksTo() throws SQLException {
        GrafanaFiles.Dashboard history = GrafanaFiles.dashboard("biodid-benchmark-history");
        GrafanaSql grafana = grafanaFor(history);
        List<String> problems = new ArrayList<>();
        Result recent = panelResult(history, grafana, resolveVariables(history, grafana, problems), "Recent runs", Map.of());
        String runId = (String) recent.column("Run").get(1);
        long from = ((Number) recent.column("from_ms").get(1)).longValue();
        long to = ((Number) recent.column("to_ms").get(1)).longValue();

        GrafanaFiles.Dashboard run = GrafanaFiles.dashboard("biodid-benchmark-run");
        GrafanaSql linked = new GrafanaSql(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to));
        Map<String, GrafanaSql.Value> variables = Map.of("run", GrafanaSql.Value.single(runId));
        Result operations = panelResult(run, linked, variables, "Operations", Map.of());
        assertEquals(HistoryFixture.MIXED_OPERATIONS, operations.column("Operation"));
        Result samples = panelResult(run, linked, variables, "Service CPU and RSS during the run", Map.of());
        assertEquals(61, samples.rows().size(), "one sample a second over the 60 s measured window");
        for (Object t : samples.column("time")) {
            long ms = ((Timestamp) t).getTime();
            assertTrue(ms >= from && ms <= to, "the link's time range covers the run's samples");
        }
        assertNoProblems(problems);
    }

    // ------------------------------------------------------------------------------------------------------

    private static void checkPanelResult(List<String> problems, String where, JsonNode panel, String format, Result r) {
        if (r.rows().isEmpty()) {
            problems.add(where + ": no rows");
            return;
        }
        String type = panel.path("type").asText();
        if ("time_series".equals(format)) {
            requireTime(problems, where, r);
            for (int i = 0; i < r.columns().size(); i++) {
                String column = r.columns().get(i);
                if (column.equals("time")) {
                    continue;
                }
                if (!NUMERIC.contains(r.types().get(i))) {
                    problems.add(where + ": value column '" + column + "' is not numeric");
                }
                if (r.column(column).stream().allMatch(v -> v == null)) {
                    problems.add(where + ": column '" + column + "' is always NULL");
                }
            }
            if (r.columns().size() < 2) {
                problems.add(where + ": no value column");
            }
            List<Object> times = r.column("time");
            for (int i = 1; i < times.size(); i++) {
                if (times.get(i) instanceof Timestamp t && times.get(i - 1) instanceof Timestamp p && t.before(p)) {
                    problems.add(where + ": not ordered by time");
                    break;
                }
            }
        }
        if ("stat".equals(type)) {
            List<Integer> valueColumns = new ArrayList<>();
            for (int i = 0; i < r.columns().size(); i++) {
                if (NUMERIC.contains(r.types().get(i)) && !r.columns().get(i).equals("time")) {
                    valueColumns.add(i);
                }
            }
            if (valueColumns.isEmpty()) {
                problems.add(where + ": stat without a numeric column " + r.columns());
            }
            JsonNode mappings = panel.path("fieldConfig").path("defaults").path("mappings");
            if (!mappings.isEmpty() && !valueColumns.isEmpty()) {
                Object value = r.rows().getLast().get(valueColumns.getFirst());
                String key = value == null ? "null" : String.valueOf(((Number) value).longValue());
                if (!mappings.get(0).path("options").has(key)) {
                    problems.add(where + ": value " + value + " has no value mapping");
                }
            }
        }
        // Columns the panel's overrides and data links name must come back from the query.
        for (JsonNode o : panel.path("fieldConfig").path("overrides")) {
            String matcher = o.path("matcher").path("id").asText();
            String option = o.path("matcher").path("options").asText();
            if ("byName".equals(matcher) && r.index(option) < 0) {
                problems.add(where + ": override for column '" + option + "' but the query returns " + r.columns());
            }
            if ("byRegexp".equals(matcher)) {
                Pattern p = Pattern.compile(option.replaceAll("^/(.*)/$", "$1"));
                if (r.columns().stream().noneMatch(c -> p.matcher(c).find())) {
                    problems.add(where + ": override " + option + " matches no column of " + r.columns());
                }
            }
            Matcher fields = DATA_FIELD.matcher(o.toString());
            while (fields.find()) {
                if (r.index(fields.group(1)) < 0) {
                    problems.add(where + ": data link uses field '" + fields.group(1) + "' the query does not return");
                }
            }
        }
    }

    private static void requireTime(List<String> problems, String where, Result r) {
        int time = r.index("time");
        if (time < 0) {
            problems.add(where + ": no \"time\" column " + r.columns());
        } else if (!TIME.contains(r.types().get(time)) && !NUMERIC.contains(r.types().get(time))) {
            problems.add(where + ": \"time\" is neither a timestamp nor epoch");
        }
    }

    /** The variables in templating order, each query run with the values chosen before it, as Grafana does. */
    private static Map<String, GrafanaSql.Value> resolveVariables(GrafanaFiles.Dashboard d, GrafanaSql grafana,
                                                                  List<String> problems) {
        Map<String, GrafanaSql.Value> values = new LinkedHashMap<>();
        for (JsonNode v : d.variables()) {
            String name = v.path("name").asText();
            String sql = grafana.expand(v.path("query").asText(), values);
            Result r;
            try {
                r = query(sql);
            } catch (SQLException e) {
                problems.add(d.uid() + " variable $" + name + ": SQL fails: " + e.getMessage());
                continue;
            }
            int valueColumn = r.index("__value") >= 0 ? r.index("__value") : 0;
            if (r.rows().isEmpty()) {
                problems.add(d.uid() + " variable $" + name + ": no options");
                continue;
            }
            if (r.index("__value") >= 0 && r.index("__text") < 0) {
                problems.add(d.uid() + " variable $" + name + ": __value without __text");
            }
            List<String> options = r.rows().stream().map(row -> String.valueOf(row.get(valueColumn))).toList();
            boolean quoted = v.path("multi").asBoolean() || v.path("includeAll").asBoolean();
            // All selected for All-capable variables; otherwise the first option (Grafana's default).
            values.put(name, v.path("includeAll").asBoolean() ? new GrafanaSql.Value(options, quoted)
                    : new GrafanaSql.Value(List.of(options.getFirst()), quoted));
        }
        return values;
    }

    /** A repeated panel is queried once per value of its variable, with that single value. */
    private static List<Map<String, GrafanaSql.Value>> repeats(JsonNode panel, Map<String, GrafanaSql.Value> variables) {
        String repeat = panel.path("repeat").asText("");
        if (repeat.isEmpty()) {
            return List.of(variables);
        }
        List<Map<String, GrafanaSql.Value>> scopes = new ArrayList<>();
        GrafanaSql.Value all = variables.get(repeat);
        for (String value : all.values()) {
            Map<String, GrafanaSql.Value> scope = new LinkedHashMap<>(variables);
            scope.put(repeat, new GrafanaSql.Value(List.of(value), all.quoted()));
            scopes.add(scope);
        }
        return scopes;
    }

    private static Object single(GrafanaFiles.Dashboard d, GrafanaSql grafana, Map<String, GrafanaSql.Value> variables,
                                 String title) throws SQLException {
        Result r = panelResult(d, grafana, variables, title, Map.of());
        assertEquals(1, r.rows().size(), title);
        return r.rows().getFirst().get(r.columns().indexOf(r.columns().stream().filter(c -> !c.equals("time")).findFirst().orElseThrow()));
    }

    private static Result panelResult(GrafanaFiles.Dashboard d, GrafanaSql grafana, Map<String, GrafanaSql.Value> variables,
                                      String title, Map<String, GrafanaSql.Value> overrides) throws SQLException {
        JsonNode panel = d.dataPanels().stream().filter(p -> title.equals(p.path("title").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no panel '" + title + "' in " + d.uid()));
        Map<String, GrafanaSql.Value> scope = new LinkedHashMap<>(variables);
        scope.putAll(overrides);
        return query(grafana.expand(panel.path("targets").get(0).path("rawSql").asText(), scope));
    }

    /** The dashboard's default time range, relative to now. */
    private static GrafanaSql grafanaFor(GrafanaFiles.Dashboard d) {
        Instant now = Instant.now();
        String from = d.model().path("time").path("from").asText();
        Matcher m = Pattern.compile("now-(\\d+[smhdw])").matcher(from);
        assertTrue(m.matches(), "relative time range expected, got " + from);
        return new GrafanaSql(now.minus(Duration.ofSeconds(GrafanaSql.interval(m.group(1)))), now);
    }

    private static Result query(String sql) throws SQLException {
        try (Connection c = HistoryDatabase.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
                types.add(meta.getColumnType(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return new Result(columns, types, rows);
        }
    }
}
