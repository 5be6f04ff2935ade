package org.biodid.warmup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.helidon.webserver.WebServer;
import org.biodid.Wiring;
import org.biodid.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

/**
 * The warm-up over HTTP on a real server and PostgreSQL: readiness is DOWN while it has not run, every warm-up
 * request is answered 200 (the compatibility routes included), and readiness is UP afterwards. With the warm-up
 * switched off readiness is UP at once.
 */
class HttpWarmupServerTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void readinessWaitsForTheWarmUpThenEveryRequestWasAnswered() throws Exception {
        Wiring wiring = Wiring.create(TestDatabases.postgresConfig(Map.of(
                "app.warmup.rounds", "1", "app.warmup.requests", "30", "app.compat.enabled", "true"))).start();
        WebServer server = WebServer.builder().update(wiring::server).build().start();
        try {
            HttpResponse<String> before = get(server.port(), "/health/ready");
            assertThat(before.statusCode(), is(503));
            assertThat(before.body(), containsString("{\"name\":\"warmup\",\"status\":\"DOWN\",\"data\":"
                                                     + "{\"warmup\":\"running\"}}"));
            // a failed request (any answer but 200) ends the warm-up early and is reported
            HttpWarmup.Outcome outcome = new HttpWarmup(30, Duration.ofSeconds(20), true).run(server.port());
            assertThat(outcome.failed(), is(false));
            assertThat(outcome.rounds(), greaterThanOrEqualTo(1));
            assertThat(outcome.answered(), greaterThanOrEqualTo(30));
            wiring.warmUpOverHttp(server.port());
            HttpResponse<String> after = get(server.port(), "/health/ready");
            assertThat(after.statusCode(), is(200));
            assertThat(after.body(), containsString("{\"name\":\"warmup\",\"status\":\"UP\"}"));
        } finally {
            server.stop();
        }
    }

    @Test
    void withoutAWarmUpReadinessIsUpAtOnce() throws Exception {
        Wiring wiring = Wiring.create(TestDatabases.postgresConfig(Map.of())).start();
        WebServer server = WebServer.builder().update(wiring::server).build().start();
        try {
            assertThat(get(server.port(), "/health/ready").statusCode(), is(200));
            assertThat(new HttpWarmup(0, Duration.ofMinutes(1), false).run(server.port()),
                       is(new HttpWarmup.Outcome(0, 0, false)));
        } finally {
            server.stop();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                           HttpResponse.BodyHandlers.ofString());
    }
}
