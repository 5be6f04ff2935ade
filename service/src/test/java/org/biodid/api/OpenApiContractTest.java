package org.biodid.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import org.biodid.Wiring;
import org.biodid.testing.OpenApiExchanges;
import org.biodid.testing.TestDatabases;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Keeps {@code GET /openapi} true and usable: every registered route is documented and nothing else is, the served
 * document is the resource the client generator reads and parses without messages in swagger-parser, and its
 * request examples are the README's. (That every answer matches it is {@code OpenApiExchanges}' job, in every HTTP
 * test.)
 */
@ServerTest
class OpenApiContractTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    private static final ObjectMapper JSON = JsonBodies.newMapper();

    private static Wiring wiring;

    private final Http1Client client;
    private final URI uri;

    OpenApiContractTest(Http1Client client, URI uri) {
        this.client = OpenApiExchanges.validating(client);
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        wiring = Wiring.create(TestDatabases.postgresConfig(Map.of("app.compat.enabled", "true")), List.of()).start();
        wiring.server(server);
    }

    @Test
    void documentedOperationsAreExactlyTheRegisteredRoutes() {
        Set<String> documented = new TreeSet<>();
        parse(OpenApiExchanges.document()).getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> documented.add(method.name() + " " + path)));
        assertThat(documented, is(new TreeSet<>(wiring.routeMetrics().registeredRoutes())));
    }

    @Test
    void servedYamlIsTheResourceAndParsesWithoutMessages() {
        String served;
        try (Http1ClientResponse res = client.get("/openapi").request()) {
            assertThat(res.status(), is(Status.OK_200));
            served = res.as(String.class);
        }
        // The client generator (client-test) reads the resource; consumers read what is served: the same bytes.
        assertThat(served, is(OpenApiExchanges.document()));
        assertThat(served, startsWith("openapi: 3.0.3\n"));
        OpenAPI api = parse(served);
        assertThat(api.getOpenapi(), is("3.0.3"));
    }

    @Test
    void servedJsonIsTheSameDocument() throws IOException {
        String json;
        try (Http1ClientResponse res = client.get("/openapi").header(HeaderNames.ACCEPT, "application/json").request()) {
            assertThat(res.status(), is(Status.OK_200));
            assertThat(res.headers().get(HeaderNames.CONTENT_TYPE).get(), startsWith("application/json"));
            json = res.as(String.class);
        }
        JsonNode tree = JSON.readTree(json);
        assertThat(tree.get("paths").has("/api/v1/did/enroll"), is(true));
        assertThat(parse(json), is(parse(OpenApiExchanges.document())));
    }

    @Test
    void requestExamplesAreTheReadmeFiles() throws IOException {
        OpenAPI api = parse(OpenApiExchanges.document());
        assertThat(example(api, "/api/v1/did/enroll", "readme"), is(file("enroll.json")));
        assertThat(example(api, "/api/v1/did/verify", "genuine"), is(file("verify-genuine.json")));
        assertThat(example(api, "/api/v1/did/verify", "impostor"), is(file("verify-impostor.json")));
    }

    @Test
    void aRequestTheHttpLayerCannotParseIsProblem400() throws IOException {
        // The 400 GET /openapi documents: what every route answers to a malformed header.
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /openapi HTTP/1.1\r\nHost: localhost\r\nNo colon in this header\r\n\r\n"
                              .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response, startsWith("HTTP/1.1 400"));
            assertThat(response, containsString("application/problem+json"));
            assertThat(response, containsString("\"code\":\"BAD_REQUEST\""));
        }
    }

    private static OpenAPI parse(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(result.getMessages(), is(empty()));
        assertThat(result.getOpenAPI(), notNullValue());
        return result.getOpenAPI();
    }

    private static JsonNode example(OpenAPI api, String path, String name) {
        MediaType json = api.getPaths().get(path).getPost().getRequestBody().getContent().get("application/json");
        return JSON.valueToTree(json.getExamples().get(name).getValue());
    }

    private static JsonNode file(String name) throws IOException {
        return JSON.readTree(Files.readString(EXAMPLES.resolve(name)));
    }
}
