package org.biodid.observe;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.biodid.Wiring;
import org.biodid.testing.TcpProxy;
import org.biodid.testing.TestDatabases;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

/**
 * Readiness follows the database: DOWN (503) while it cannot be reached, liveness stays UP, and the service recovers
 * by itself, migrations included, once the database is back. The database is the real PostgreSQL behind a TCP proxy
 * that the test opens and closes.
 */
class ReadinessTest {

    private static final Duration PING_MAX_AGE = Duration.ofSeconds(1);
    private static final Duration POOL_TIMEOUT = Duration.ofSeconds(2);

    private TcpProxy proxy;
    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void notReadyWhileDatabaseIsDownAndRecoversWhenItReturns() throws Exception {
        String url = TestDatabases.postgresUrl();
        int pgPort = java.net.URI.create(url.substring("jdbc:".length())).getPort();
        proxy = TcpProxy.closedInFrontOf(pgPort == -1 ? 5432 : pgPort);
        String proxied = url.replaceFirst(":\\d+/", ":" + proxy.port() + "/");

        Wiring wiring = Wiring.create(TestDatabases.postgresConfig(Map.of("db.connection.url", proxied,
                                                                          "app.db.migration.retry", "PT0.3S",
                                                                          "app.health.db.max.age", PING_MAX_AGE.toString(),
                                                                          "app.db.connection.timeout", POOL_TIMEOUT.toString())),
                                      List.of()).start();
        server = WebServer.builder().update(wiring::server).build().start();
        Http1Client client = Http1Client.builder().baseUri("http://localhost:" + server.port()).build();

        assertThat(status(client, "/health/ready"), is(Status.SERVICE_UNAVAILABLE_503));
        assertThat(status(client, "/health/live"), is(Status.OK_200));
        try (Http1ClientResponse res = client.get("/health").request()) {
            assertThat(res.status(), is(Status.SERVICE_UNAVAILABLE_503));
            assertThat(res.as(String.class), containsString("\"status\":\"DOWN\""));
        }

        proxy.open();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Status ready = status(client, "/health/ready");
        while (ready != Status.OK_200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            ready = status(client, "/health/ready");
        }
        assertThat("ready again after the database returned", ready, is(Status.OK_200));

        proxy.close();
        long start = System.nanoTime();
        Status down = status(client, "/health/ready");
        while (down != Status.SERVICE_UNAVAILABLE_503 && System.nanoTime() - start < Duration.ofSeconds(20).toNanos()) {
            Thread.sleep(100);
            down = status(client, "/health/ready");
        }
        assertThat(down, is(Status.SERVICE_UNAVAILABLE_503));
        // At worst the cached ping is just fresh, then the refresh waits the pool's timeout: their sum, doubled for a
        // loaded machine. Without the pool timeout an outage would show only after TCP's own timeouts (minutes).
        assertThat("an outage is reported within twice the cached ping's age plus the pool's connection timeout",
                   Duration.ofNanos(System.nanoTime() - start).toMillis(),
                   lessThan(2 * PING_MAX_AGE.plus(POOL_TIMEOUT).toMillis()));
        assertThat(status(client, "/health/live"), is(Status.OK_200));
    }

    private static Status status(Http1Client client, String path) {
        try (Http1ClientResponse res = client.get(path).request()) {
            res.entity().consume();
            return res.status();
        }
    }
}
