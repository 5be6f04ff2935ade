package org.biodid.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yaml.snakeyaml.Yaml;

/**
 * The provisioning files under {@code grafana/}, read the way Grafana reads them: dashboards as JSON, the
 * datasource and dashboard-provider files as YAML.
 */
final class GrafanaFiles {

    static final ObjectMapper JSON = new ObjectMapper();

    private GrafanaFiles() {
    }

    /** A dashboard file and its parsed model. */
    record Dashboard(Path file, String text, JsonNode model) {

        String uid() {
            return model.path("uid").asText();
        }

        String title() {
            return model.path("title").asText();
        }

        /** Every panel, rows included, panels nested in collapsed rows included. */
        List<JsonNode> allPanels() {
            List<JsonNode> result = new ArrayList<>();
            for (JsonNode panel : model.path("panels")) {
                result.add(panel);
                for (JsonNode nested : panel.path("panels")) {
                    result.add(nested);
                }
            }
            return result;
        }

        /** Panels that show data (everything but rows). */
        List<JsonNode> dataPanels() {
            return allPanels().stream().filter(p -> !"row".equals(p.path("type").asText())).toList();
        }

        List<JsonNode> variables() {
            List<JsonNode> result = new ArrayList<>();
            model.path("templating").path("list").forEach(result::add);
            return result;
        }

        JsonNode variable(String name) {
            return variables().stream().filter(v -> name.equals(v.path("name").asText())).findFirst().orElse(null);
        }

        /** Annotation queries other than Grafana's built-in one. */
        List<JsonNode> annotations() {
            List<JsonNode> result = new ArrayList<>();
            for (JsonNode a : model.path("annotations").path("list")) {
                if (!a.path("builtIn").asBoolean(false) && a.path("builtIn").asInt(0) != 1) {
                    result.add(a);
                }
            }
            return result;
        }

        /** The datasource uid a target uses: its own, else its panel's. */
        static String datasourceUid(JsonNode panel, JsonNode target) {
            JsonNode own = target.path("datasource").path("uid");
            return own.isMissingNode() || own.isNull() ? panel.path("datasource").path("uid").asText(null) : own.asText();
        }
    }

    /** A provisioned datasource. */
    record Datasource(String uid, String type, String name, Map<String, Object> definition) {
    }

    static Path grafanaDir() {
        String configured = System.getProperty("biodid.grafanaDir");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "grafana");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("grafana");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("grafana/ not found (set -Dbiodid.grafanaDir)");
        }
        return dir.toAbsolutePath().normalize();
    }

    static Path dashboardsDir() {
        return grafanaDir().resolve("dashboards");
    }

    static List<Dashboard> dashboards() {
        try (Stream<Path> files = Files.list(dashboardsDir())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().map(GrafanaFiles::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dashboard read(Path file) {
        try {
            String text = Files.readString(file);
            JsonNode model = JSON.readTree(text);
            if (!(model instanceof ObjectNode)) {
                throw new IllegalStateException(file + " is not a JSON object");
            }
            return new Dashboard(file, text, model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    static Dashboard dashboard(String uid) {
        return dashboards().stream().filter(d -> uid.equals(d.uid())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no dashboard with uid " + uid));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        try {
            return (Map<String, Object>) new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every datasource provisioned under provisioning/datasources. */
    @SuppressWarnings("unchecked")
    static List<Datasource> datasources() {
        List<Datasource> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(grafanaDir().resolve("provisioning/datasources"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                for (Object o : (List<Object>) yaml(file).getOrDefault("datasources", List.of())) {
                    Map<String, Object> ds = (Map<String, Object>) o;
                    result.add(new Datasource(String.valueOf(ds.get("uid")), String.valueOf(ds.get("type")),
                                              String.valueOf(ds.get("name")), ds));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }
}
