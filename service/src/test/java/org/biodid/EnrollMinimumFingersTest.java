package org.biodid;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.biodid.testing.LogCapture;
import org.biodid.testing.TestDatabases;
import org.biodid.testing.TestSubjects;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code APP_ENROLL_MIN_FINGERS}: 4 by default, so a 3-finger enrollment is a 400 naming {@code fingers}; a
 * development service may lower it (with a warning) and then enrolls fewer; production refuses to lower it.
 */
class EnrollMinimumFingersTest {

    private static final String KEY = "test-key-min-fingers-0001";
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void clean() {
        TestDatabases.truncateServiceTables();
    }

    @Test
    void theDefaultRefusesThreeFingersAndAcceptsFour() throws Exception {
        try (Running service = Running.with(Map.of())) {
            JsonNode refused = service.enroll(1, 3);
            assertThat(refused.toString(), refused.get("status").asInt(), is(400));
            assertThat(refused.get("errors").get(0).get("field").asText(), is("fingers"));
            assertThat(refused.get("errors").get(0).get("message").asText(), containsString("between 4 and 10"));
            assertThat(service.enroll(1, 4).has("did"), is(true));
        }
    }

    @Test
    void aDevelopmentServiceMayEnrollTwoFingersAndSaysItIsWeaker() throws Exception {
        try (LogCapture warnings = LogCapture.of(ApiServices.class.getName(), Level.WARNING);
             Running service = Running.with(Map.of("app.enroll.min.fingers", "2"))) {
            assertThat(service.enroll(2, 2).has("did"), is(true));
            assertThat(service.enroll(3, 1).get("status").asInt(), is(400));
            List<String> lines = warnings.lines().stream().filter(l -> l.contains("APP_ENROLL_MIN_FINGERS=2")).toList();
            assertThat(lines, hasSize(1));
        }
        try (LogCapture warnings = LogCapture.of(ApiServices.class.getName(), Level.WARNING)) {
            Wiring.create(TestDatabases.postgresConfig(Map.of("app.api.keys", KEY + ":enroll")), List.of()).close();
            assertThat(warnings.lines().stream().filter(l -> l.contains("APP_ENROLL_MIN_FINGERS")).toList(), empty());
        }
    }

    @Test
    void productionRefusesFewerThanFourAndNobodyMayLeaveTwoToTen() {
        IllegalStateException production = assertThrows(IllegalStateException.class, () -> Wiring.create(
                TestDatabases.postgresConfig(Map.of("app.profile", "production", "app.api.keys", KEY + ":enroll",
                                                    "app.require.wallet.signature", "true",
                                                    "app.enroll.min.fingers", "3")), List.of()));
        assertThat(production.getMessage(), containsString("APP_ENROLL_MIN_FINGERS=3"));
        for (String outOfRange : List.of("1", "11")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Wiring.create(
                    TestDatabases.postgresConfig(Map.of("app.api.keys", KEY + ":enroll",
                                                        "app.enroll.min.fingers", outOfRange)), List.of()));
            assertThat(e.getMessage(), containsString("must be from 2 to 10, not " + outOfRange));
        }
    }

    /** The service on a free port, with its own configuration. */
    private record Running(Wiring wiring, WebServer server, Http1Client client) implements AutoCloseable {

        static Running with(Map<String, String> settings) {
            Map<String, String> all = new HashMap<>(settings);
            all.put("app.api.keys", KEY + ":enroll");
            Wiring wiring = Wiring.create(TestDatabases.postgresConfig(all), List.of()).start();
            WebServerConfig.Builder builder = WebServer.builder().port(0).host("127.0.0.1");
            wiring.server(builder);
            WebServer server = builder.build().start();
            return new Running(wiring, server, Http1Client.builder()
                    .baseUri("http://127.0.0.1:" + server.port()).build());
        }

        JsonNode enroll(long person, int fingers) throws Exception {
            ObjectNode body = (ObjectNode) JSON.readTree(TestSubjects.enrollBody(person));
            ArrayNode scans = (ArrayNode) body.get("fingers");
            while (scans.size() > fingers) {
                scans.remove(scans.size() - 1);
            }
            try (Http1ClientResponse res = client.post("/api/v1/did/enroll")
                    .header(HeaderNames.create("X-API-Key"), KEY)
                    .header(HeaderNames.CONTENT_TYPE, "application/json")
                    .submit(body.toString())) {
                JsonNode answer = JSON.readTree(res.as(String.class));
                assertThat(answer.toString(), res.status() == Status.CREATED_201 || res.status().code() == 400,
                           is(true));
                return answer;
            }
        }

        @Override
        public void close() {
            server.stop();
            wiring.close();
        }
    }
}
