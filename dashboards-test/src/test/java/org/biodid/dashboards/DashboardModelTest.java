package org.biodid.dashboards;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The JSON model of every dashboard and the provisioning files, checked the way a stock Grafana 11+ would load
 * them: one failure message lists every problem found.
 */
class DashboardModelTest {

    /** Grafana 11.0–11.2 write 39, 11.3+ write 40, 12.x write 41; older ones are migrated on load (not current). */
    static final int MIN_SCHEMA_VERSION = 39;
    static final int MAX_SCHEMA_VERSION = 41;

    private static final Pattern READABLE_UID = Pattern.compile("[a-z0-9][a-z0-9-]{2,39}");
    private static final Pattern VARIABLE_USE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::[a-z]+)?}|\\$([A-Za-z_][A-Za-z0-9_]*)|\\[\\[([A-Za-z_][A-Za-z0-9_]*)]]");
    private static final Set<String> SQL_MACROS = Set.of("__time", "__timeEpoch", "__timeFilter", "__timeFrom", "__timeTo",
                                                          "__timeGroup", "__timeGroupAlias", "__unixEpochFilter",
                                                          "__unixEpochFrom", "__unixEpochTo", "__unixEpochNanoFilter",
                                                          "__unixEpochGroup", "__unixEpochGroupAlias", "__interval",
                                                          "__interval_ms");
    private static final Set<String> PROM_GLOBALS = Set.of("__rate_interval", "__interval", "__interval_ms", "__range",
                                                           "__range_s", "__range_ms");
    /** Units the dashboards may use (Grafana unit ids). */
    private static final Set<String> KNOWN_UNITS = Set.of("ms", "s", "ns", "µs", "reqps", "ops", "percent", "percentunit",
                                                          "bytes", "decbytes", "mbytes", "decmbytes", "short", "none",
                                                          "dateTimeAsIso", "dateTimeFromNow");

    private final List<GrafanaFiles.Dashboard> dashboards = GrafanaFiles.dashboards();
    private final Map<String, GrafanaFiles.Datasource> datasources = GrafanaFiles.datasources().stream()
            .collect(Collectors.toMap(GrafanaFiles.Datasource::uid, d -> d, (a, b) -> {
                throw new AssertionError("two provisioned datasources with uid " + a.uid());
            }));

    @Test
    void theThreeDashboardsExistAndParse() {
        Set<String> uids = dashboards.stream().map(GrafanaFiles.Dashboard::uid).collect(Collectors.toSet());
        assertEquals(Set.of("biodid-benchmark-history", "biodid-benchmark-run", "biodid-service-live"), uids,
                     "dashboards in " + GrafanaFiles.dashboardsDir());
    }

    @Test
    void dashboardsAreProvisioningReady() {
        List<String> problems = new ArrayList<>();
        Set<String> uids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (GrafanaFiles.Dashboard d : dashboards) {
            String where = d.file().getFileName().toString();
            JsonNode m = d.model();
            if (!m.has("id") || !m.get("id").isNull()) {
                problems.add(where + ": \"id\" must be present and null (Grafana assigns it)");
            }
            if (!READABLE_UID.matcher(d.uid()).matches()) {
                problems.add(where + ": uid '" + d.uid() + "' is not a readable fixed uid (lower case, digits, dashes, 3-40)");
            }
            if (!uids.add(d.uid())) {
                problems.add(where + ": duplicate dashboard uid " + d.uid());
            }
            if (d.title().isBlank() || !titles.add(d.title())) {
                problems.add(where + ": blank or duplicate title '" + d.title() + "'");
            }
            int schema = m.path("schemaVersion").asInt(-1);
            if (schema < MIN_SCHEMA_VERSION || schema > MAX_SCHEMA_VERSION) {
                problems.add(where + ": schemaVersion " + schema + " is not a current one ("
                             + MIN_SCHEMA_VERSION + "-" + MAX_SCHEMA_VERSION + ")");
            }
            for (String leftover : List.of("__inputs", "__requires", "__elements")) {
                if (m.has(leftover)) {
                    problems.add(where + ": export-for-sharing leftover " + leftover);
                }
            }
            if (d.text().contains("${DS_") || d.text().contains("$DS_")) {
                problems.add(where + ": ${DS_...} datasource placeholder left in the file");
            }
            if (m.path("editable").asBoolean(true)) {
                problems.add(where + ": provisioned dashboards are not editable in the UI (editable: false)");
            }
            if (!m.path("tags").toString().contains("biodid")) {
                problems.add(where + ": missing the biodid tag (the dashboards link to each other by it)");
            }
            Set<String> panelIds = new HashSet<>();
            for (JsonNode p : d.allPanels()) {
                String title = p.path("title").asText("");
                String panel = where + " panel '" + title + "'";
                if (!p.path("id").isInt() || !panelIds.add(p.path("id").asText())) {
                    problems.add(panel + ": missing or duplicate panel id");
                }
                JsonNode grid = p.path("gridPos");
                if (!grid.has("w") || !grid.has("h") || grid.path("x").asInt() + grid.path("w").asInt() > 24) {
                    problems.add(panel + ": gridPos missing or wider than 24 columns");
                }
                if (title.isBlank() || title.length() > 80) {
                    problems.add(panel + ": needs a readable title");
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void everyPanelHasAUnitAndADescription() {
        List<String> problems = new ArrayList<>();
        for (GrafanaFiles.Dashboard d : dashboards) {
            for (JsonNode p : d.dataPanels()) {
                String panel = d.file().getFileName() + " panel '" + p.path("title").asText() + "'";
                String unit = p.path("fieldConfig").path("defaults").path("unit").asText("");
                if (unit.isBlank()) {
                    problems.add(panel + ": no unit (fieldConfig.defaults.unit)");
                } else if (!KNOWN_UNITS.contains(unit)) {
                    problems.add(panel + ": unit '" + unit + "' is not one of " + KNOWN_UNITS);
                }
                for (JsonNode o : p.path("fieldConfig").path("overrides")) {
                    for (JsonNode prop : o.path("properties")) {
                        if ("unit".equals(prop.path("id").asText()) && !KNOWN_UNITS.contains(prop.path("value").asText())) {
                            problems.add(panel + ": override unit '" + prop.path("value").asText() + "' unknown");
                        }
                    }
                }
                if (p.path("description").asText("").isBlank()) {
                    problems.add(panel + ": no description");
                }
                if (!p.path("targets").isArray() || p.path("targets").isEmpty()) {
                    problems.add(panel + ": no query");
                }
                if ("stat".equals(p.path("type").asText())) {
                    String calcs = p.path("options").path("reduceOptions").path("calcs").toString();
                    if (!calcs.equals("[\"lastNotNull\"]")) {
                        problems.add(panel + ": stat panels reduce with lastNotNull, not " + calcs);
                    }
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void everyQueryUsesAProvisionedDatasourceOfTheRightType() {
        assertTrue(datasources.containsKey("biodid-history"), "PostgreSQL history datasource provisioned");
        assertTrue(datasources.containsKey("biodid-prometheus"), "Prometheus datasource provisioned");
        List<String> problems = new ArrayList<>();
        for (GrafanaFiles.Dashboard d : dashboards) {
            String where = d.file().getFileName().toString();
            for (JsonNode p : d.dataPanels()) {
                String panel = where + " panel '" + p.path("title").asText() + "'";
                checkRef(problems, panel, p.path("datasource"));
                for (JsonNode t : p.path("targets")) {
                    String target = panel + " target " + t.path("refId").asText();
                    if (t.has("datasource")) {
                        checkRef(problems, target, t.path("datasource"));
                    }
                    String uid = GrafanaFiles.Dashboard.datasourceUid(p, t);
                    if (!p.path("datasource").path("uid").asText().equals(uid)) {
                        problems.add(target + ": uses " + uid + " but its panel uses " + p.path("datasource").path("uid").asText());
                    }
                    checkQuery(problems, d, target, uid, t);
                }
            }
            for (JsonNode v : d.variables()) {
                String variable = where + " variable $" + v.path("name").asText();
                if ("query".equals(v.path("type").asText())) {
                    checkRef(problems, variable, v.path("datasource"));
                }
            }
            for (JsonNode a : d.annotations()) {
                String annotation = where + " annotation '" + a.path("name").asText() + "'";
                checkRef(problems, annotation, a.path("datasource"));
                checkQuery(problems, d, annotation, a.path("datasource").path("uid").asText(), a.path("target"));
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void linksAndRepeatsPointAtThingsThatExist() {
        List<String> problems = new ArrayList<>();
        Pattern dashboardLink = Pattern.compile("/d/([a-z0-9-]+)/[^?\"]*\\?([^\"]*)");
        int links = 0;
        for (GrafanaFiles.Dashboard d : dashboards) {
            Matcher m = dashboardLink.matcher(d.text());
            while (m.find()) {
                links++;
                GrafanaFiles.Dashboard target = dashboards.stream().filter(t -> t.uid().equals(m.group(1))).findFirst().orElse(null);
                if (target == null) {
                    problems.add(d.file().getFileName() + ": links to missing dashboard uid " + m.group(1));
                    continue;
                }
                Matcher vars = Pattern.compile("var-(\\w+)=").matcher(m.group(2));
                while (vars.find()) {
                    if (target.variable(vars.group(1)) == null) {
                        problems.add(d.file().getFileName() + ": link sets var-" + vars.group(1) + " but "
                                     + target.uid() + " has no such variable");
                    }
                }
            }
            for (JsonNode p : d.dataPanels()) {
                String repeat = p.path("repeat").asText("");
                JsonNode variable = repeat.isEmpty() ? null : d.variable(repeat);
                if (!repeat.isEmpty() && (variable == null || !variable.path("multi").asBoolean())) {
                    problems.add(d.file().getFileName() + " panel '" + p.path("title").asText()
                                 + "': repeats by $" + repeat + ", which is not a multi-value variable");
                }
            }
        }
        assertNoProblems(problems);
        assertTrue(links >= 1, "the recent-runs table links to the run dashboard");
    }

    @Test
    void historyDashboardsDoNotRefreshEveryFewSeconds() {
        List<String> problems = new ArrayList<>();
        for (GrafanaFiles.Dashboard d : dashboards) {
            boolean history = d.dataPanels().stream()
                    .allMatch(p -> "biodid-history".equals(p.path("datasource").path("uid").asText()));
            String refresh = d.model().path("refresh").asText("");
            if (history && !refresh.isEmpty() && seconds(refresh) < 300) {
                problems.add(d.file().getFileName() + ": history dashboard refreshes every " + refresh);
            }
            if (!history && !refresh.isEmpty() && seconds(refresh) < 10) {
                problems.add(d.file().getFileName() + ": refresh " + refresh + " is faster than useful (scrape interval 5s)");
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void datasourceProvisioningUsesTheCurrentFormAndTheEnvironment() {
        GrafanaFiles.Datasource pg = datasources.get("biodid-history");
        assertEquals("grafana-postgresql-datasource", pg.type(), "PostgreSQL plugin id since Grafana 10.2.3");
        Map<String, Object> def = pg.definition();
        assertFalse(def.containsKey("database"), "database belongs in jsonData (top-level database is gone in Grafana 12)");
        assertFalse(def.containsKey("password"), "password belongs in secureJsonData");
        @SuppressWarnings("unchecked") Map<String, Object> json = (Map<String, Object>) def.get("jsonData");
        @SuppressWarnings("unchecked") Map<String, Object> secure = (Map<String, Object>) def.get("secureJsonData");
        assertTrue(String.valueOf(json.get("database")).matches("\\$\\{[A-Z_]+}"), "jsonData.database from the environment");
        assertTrue(String.valueOf(json.get("sslmode")).matches("\\$\\{[A-Z_]+}"), "jsonData.sslmode from the environment");
        assertTrue(String.valueOf(def.get("url")).matches("\\$\\{[A-Z_]+}"), "url from the environment");
        assertTrue(String.valueOf(def.get("user")).matches("\\$\\{[A-Z_]+}"), "user from the environment");
        assertTrue(String.valueOf(secure.get("password")).matches("\\$\\{[A-Z_]+}"), "password from the environment");

        GrafanaFiles.Datasource prom = datasources.get("biodid-prometheus");
        assertEquals("prometheus", prom.type());
        assertTrue(String.valueOf(prom.definition().get("url")).matches("\\$\\{[A-Z_]+}"), "Prometheus url from the environment");

        // Every ${VAR} the datasources read is documented in the README.
        String readme = read("README.md");
        Matcher vars = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(read("provisioning/datasources/biodid.yaml"));
        while (vars.find()) {
            assertTrue(readme.contains(vars.group(1)), "README documents " + vars.group(1));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void dashboardProviderKeepsTheFilesTheSourceOfTruth() {
        Map<String, Object> file = GrafanaFiles.yaml(GrafanaFiles.grafanaDir().resolve("provisioning/dashboards/biodid.yaml"));
        List<Map<String, Object>> providers = (List<Map<String, Object>>) file.get("providers");
        assertEquals(1, providers.size());
        Map<String, Object> provider = providers.getFirst();
        assertEquals("file", provider.get("type"));
        assertEquals(Boolean.FALSE, provider.get("allowUiUpdates"));
        String path = String.valueOf(((Map<String, Object>) provider.get("options")).get("path"));
        String readme = read("README.md");
        assertTrue(readme.contains(path), "README mounts grafana/dashboards at the provider path " + path);
        assertTrue(readme.contains("docker run"), "README has the docker run line");
    }

    @Test
    void prometheusScrapesTheJobTheLiveDashboardQueries() {
        Map<String, Object> config = GrafanaFiles.yaml(GrafanaFiles.grafanaDir().resolve("prometheus.yml"));
        String jobs = String.valueOf(config.get("scrape_configs"));
        assertTrue(jobs.contains("job_name=biodid"), "prometheus.yml scrapes job biodid: " + jobs);
        String live = GrafanaFiles.dashboard("biodid-service-live").text();
        assertTrue(live.contains("job=\\\"biodid\\\""), "the live dashboard selects job=\"biodid\"");
    }

    private void checkRef(List<String> problems, String where, JsonNode ref) {
        String uid = ref.path("uid").asText("");
        GrafanaFiles.Datasource ds = datasources.get(uid);
        if (ds == null) {
            problems.add(where + ": datasource uid '" + uid + "' is not provisioned (" + datasources.keySet() + ")");
        } else if (!ds.type().equals(ref.path("type").asText())) {
            problems.add(where + ": datasource type '" + ref.path("type").asText() + "' but " + uid + " is " + ds.type());
        }
    }

    private void checkQuery(List<String> problems, GrafanaFiles.Dashboard d, String where, String uid, JsonNode t) {
        GrafanaFiles.Datasource ds = datasources.get(uid);
        if (ds == null) {
            return;
        }
        String text;
        Set<String> globals;
        if ("prometheus".equals(ds.type())) {
            text = t.path("expr").asText("");
            globals = PROM_GLOBALS;
            if (text.isBlank()) {
                problems.add(where + ": Prometheus target without expr");
            }
        } else {
            text = t.path("rawSql").asText("");
            globals = SQL_MACROS;
            if (text.isBlank() || !t.path("rawQuery").asBoolean(false)) {
                problems.add(where + ": SQL target without rawSql/rawQuery");
            }
            String format = t.path("format").asText("");
            if (!format.equals("time_series") && !format.equals("table")) {
                problems.add(where + ": SQL format '" + format + "'");
            }
        }
        Matcher m = VARIABLE_USE.matcher(text);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if (!globals.contains(name) && d.variable(name) == null) {
                problems.add(where + ": uses $" + name + ", which is neither a dashboard variable nor a Grafana macro");
            }
        }
    }

    private static long seconds(String interval) {
        Matcher m = Pattern.compile("(\\d+)([smhd])").matcher(interval);
        if (!m.matches()) {
            fail("unreadable refresh interval " + interval);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> n;
            case "m" -> n * 60;
            case "h" -> n * 3600;
            default -> n * 86400;
        };
    }

    private static String read(String relative) {
        try {
            return Files.readString(GrafanaFiles.grafanaDir().resolve(relative));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
    }

}
