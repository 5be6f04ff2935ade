package org.biodid.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.biodid.Wiring;
import org.biodid.testing.OpenApiExchanges;
import org.biodid.testing.ProbeService;
import org.biodid.testing.TestDatabases;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The HTTP conventions of {@code api.md} that every route shares, run both in memory ({@code @RoutingTest}) and over
 * a real socket ({@code @ServerTest}) against the real routing on PostgreSQL.
 */
abstract class HttpPlumbingContract {

    private static final ObjectMapper JSON = JsonBodies.newMapper();

    private final Http1Client client;

    HttpPlumbingContract(Http1Client client) {
        this.client = OpenApiExchanges.validating(client);
    }

    static Wiring wiring() {
        return Wiring.create(TestDatabases.postgresConfig(Map.of()), List.of(new ProbeService())).start();
    }

    @Test
    void echoesValidJson() {
        try (Http1ClientResponse res = postJson("{\"wallet\":\"addr_test1\",\"n\":[1,2.5]}")) {
            assertThat(res.status(), is(Status.OK_200));
            assertThat(res.as(String.class), is("{\"wallet\":\"addr_test1\",\"n\":[1,2.5]}"));
        }
    }

    @Test
    void malformedJsonIsProblem400() {
        JsonNode problem = problem(postJson("{\"wallet\": "), Status.BAD_REQUEST_400);
        assertThat(problem.get("code").asText(), is("MALFORMED_JSON"));
    }

    @Test
    void duplicateKeysAreRejected() {
        JsonNode problem = problem(postJson("{\"a\":1,\"a\":2}"), Status.BAD_REQUEST_400);
        assertThat(problem.get("code").asText(), is("MALFORMED_JSON"));
        assertThat(problem.get("detail").asText(), containsString("Duplicate field"));
    }

    @Test
    void nonFiniteNumbersAreRejected() {
        problem(postJson("{\"x\":NaN}"), Status.BAD_REQUEST_400);
        problem(postJson("{\"x\":Infinity}"), Status.BAD_REQUEST_400);
    }

    @Test
    void deepNestingIsRejected() {
        String deep = "{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}";
        problem(postJson(deep), Status.BAD_REQUEST_400);
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        try (Http1ClientResponse res = client.post(ProbeService.PATH + "/echo")
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit(body)) {
            problem(res, Status.BAD_REQUEST_400);
        }
    }

    @Test
    void emptyBodyIsProblem400() {
        try (Http1ClientResponse res = client.post(ProbeService.PATH + "/echo")
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .request()) {
            assertThat(problem(res, Status.BAD_REQUEST_400).get("code").asText(), is("MALFORMED_JSON"));
        }
    }

    @Test
    void wrongContentTypeIs415() {
        try (Http1ClientResponse res = client.post(ProbeService.PATH + "/echo")
                .header(HeaderNames.CONTENT_TYPE, "text/plain")
                .submit("{}")) {
            assertThat(problem(res, Status.UNSUPPORTED_MEDIA_TYPE_415).get("code").asText(),
                       is("UNSUPPORTED_MEDIA_TYPE"));
        }
    }

    @Test
    void validationErrorNamesTheField() {
        JsonNode problem = problem(postJson("[1,2]"), Status.BAD_REQUEST_400);
        assertThat(problem.get("code").asText(), is("VALIDATION_FAILED"));
        assertThat(problem.get("errors").get(0).get("field").asText(), is("$"));
    }

    @Test
    void traceIs405() {
        try (Http1ClientResponse res = client.method(Method.TRACE).path("/health").request()) {
            assertThat(problem(res, Status.METHOD_NOT_ALLOWED_405).get("code").asText(), is("METHOD_NOT_ALLOWED"));
            assertThat(res.headers().get(HeaderNames.ALLOW).get(), not(containsString("TRACE")));
        }
    }

    @Test
    void unknownPathIsProblem404WithHeaders() {
        try (Http1ClientResponse res = client.get("/no/such/path").request()) {
            JsonNode problem = problem(res, Status.NOT_FOUND_404);
            assertThat(problem.get("code").asText(), is("NOT_FOUND"));
        }
    }

    @Test
    void requestIdIsEchoedWhenSaneAndReplacedOtherwise() {
        try (Http1ClientResponse res = client.get(ProbeService.PATH + "/items/1")
                .header(HeaderNames.create("X-Request-ID"), "client-abc.123")
                .request()) {
            assertThat(res.headers().get(HeaderNames.create("X-Request-ID")).get(), is("client-abc.123"));
        }
        try (Http1ClientResponse res = client.get(ProbeService.PATH + "/items/1")
                .header(HeaderNames.create("X-Request-ID"), "bad id with spaces")
                .request()) {
            assertThat(res.headers().get(HeaderNames.create("X-Request-ID")).get().matches("[0-9a-f]{32}"), is(true));
        }
    }

    @Test
    void problemCarriesTheResponseRequestId() {
        try (Http1ClientResponse res = client.post(ProbeService.PATH + "/echo")
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.create("X-Request-ID"), "trace-me-42")
                .submit("{")) {
            assertThat(problem(res, Status.BAD_REQUEST_400).get("request_id").asText(), is("trace-me-42"));
        }
    }

    @Test
    void largeBodiesAreGzippedWhenAccepted() throws Exception {
        try (Http1ClientResponse res = client.get(ProbeService.PATH + "/large")
                .header(HeaderNames.ACCEPT_ENCODING, "gzip")
                .request()) {
            assertThat(res.status(), is(Status.OK_200));
            assertThat(res.headers().get(HeaderNames.CONTENT_ENCODING).get(), is("gzip"));
            byte[] compressed = res.as(byte[].class);
            assertThat(compressed.length < 1024, is(true));   // 16 KB of filler
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8), startsWith("{\"filler\":\"xxx"));
            }
        }
        try (Http1ClientResponse res = client.get(ProbeService.PATH + "/large").request()) {
            assertThat(res.headers().contains(HeaderNames.CONTENT_ENCODING), is(false));
        }
    }

    @Test
    void answersOfAFewKilobytesAreSentAsTheyAre() {
        try (Http1ClientResponse res = client.get(ProbeService.PATH + "/medium")
                .header(HeaderNames.ACCEPT_ENCODING, "gzip")
                .request()) {
            assertThat(res.status(), is(Status.OK_200));
            assertThat(res.headers().contains(HeaderNames.CONTENT_ENCODING), is(false));
            assertThat(res.as(String.class), startsWith("{\"filler\":\"xxx"));
        }
    }

    Http1ClientResponse postJson(String body) {
        return client.post(ProbeService.PATH + "/echo")
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit(body);
    }

    /**
     * Assert a problem response: status, media type, the shared headers, and the RFC 9457 members.
     */
    static JsonNode problem(Http1ClientResponse res, Status status) {
        try (res) {
            assertThat(res.status(), is(status));
            assertThat(res.headers().get(HeaderNames.CONTENT_TYPE).get(), is("application/problem+json"));
            assertSharedHeaders(res);
            JsonNode body = JSON.readTree(res.as(String.class));
            assertThat(body.get("status").asInt(), is(status.code()));
            assertThat(body.get("type").asText(), startsWith("https://"));
            assertThat(body.get("title").asText().isEmpty(), is(false));
            assertThat(body.get("code").asText().matches("[A-Z_]+"), is(true));
            assertThat(body.get("request_id").asText(),
                       is(res.headers().get(HeaderNames.create("X-Request-ID")).get()));
            return body;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static void assertSharedHeaders(Http1ClientResponse res) {
        assertThat(res.headers().get(HeaderNames.create("X-Content-Type-Options")).get(), is("nosniff"));
        assertThat(res.headers().get(HeaderNames.create("X-Frame-Options")).get(), is("DENY"));
        assertThat(res.headers().get(HeaderNames.create("Content-Security-Policy")).get(), is("default-src 'none'"));
        assertThat(res.headers().get(HeaderNames.create("Referrer-Policy")).get(), is("no-referrer"));
        assertThat(res.headers().get(HeaderNames.CACHE_CONTROL).get(), is("no-store"));
        assertThat(res.headers().contains(HeaderNames.create("X-Request-ID")), is(true));
    }
}
