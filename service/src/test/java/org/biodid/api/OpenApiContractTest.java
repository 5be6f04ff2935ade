package org.biodid.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.biodid.Wiring;
import org.biodid.testing.TestDatabases;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * Keeps {@code GET /openapi} true: every route the service registers is documented, and nothing else is.
 */
@RoutingTest
class OpenApiContractTest {

    private static final ObjectMapper JSON = JsonBodies.newMapper();

    private static Wiring wiring;

    private final DirectClient client;

    OpenApiContractTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        wiring = Wiring.create(TestDatabases.postgresConfig(Map.of("app.compat.enabled", "true")), java.util.List.of()).start();
        wiring.routing(routing);
    }

    @Test
    @SuppressWarnings("unchecked")
    void documentedOperationsAreExactlyTheRegisteredRoutes() throws IOException {
        Map<String, Object> doc;
        try (InputStream in = OpenApiService.class.getResourceAsStream(OpenApiService.RESOURCE)) {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        Set<String> documented = new TreeSet<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(key -> !key.equals("parameters"))
                .forEach(method -> documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path)));
        assertThat(documented, is(new TreeSet<>(wiring.routeMetrics().registeredRoutes())));
    }

    @Test
    void servesYamlAndJson() throws IOException {
        try (Http1ClientResponse res = client.get("/openapi").request()) {
            assertThat(res.status(), is(Status.OK_200));
            assertThat(res.as(String.class), startsWith("openapi: 3.0.3"));
        }
        try (Http1ClientResponse res = client.get("/openapi").header(HeaderNames.ACCEPT, "application/json").request()) {
            JsonNode json = JSON.readTree(res.as(String.class));
            assertThat(json.get("paths").has("/api/v1/did/enroll"), is(true));
        }
    }
}
