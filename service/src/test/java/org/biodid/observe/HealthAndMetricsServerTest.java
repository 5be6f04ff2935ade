package org.biodid.observe;

import java.util.List;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;

import org.junit.jupiter.api.Test;

import org.biodid.Wiring;
import org.biodid.testing.ProbeService;
import org.biodid.testing.TestDatabases;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * Health endpoints and the Prometheus metrics on PostgreSQL, including the metric names that the Grafana dashboards
 * query: renaming one of them fails here before a dashboard silently goes blank.
 */
@ServerTest
class HealthAndMetricsServerTest {

    /**
     * Series the dashboards depend on, as Prometheus exposes them. Changing this list means changing the
     * dashboards in the same commit.
     */
    static final List<String> PINNED_SERIES = List.of(
            "http_server_requests_seconds_bucket{method=\"GET\",route=\"/health\",scope=\"application\",status=\"200\",le=",
            "http_server_requests_seconds_count{method=\"GET\",route=\"/test-probe/items/{id}\",scope=\"application\",status=\"200\",}",
            "http_server_requests_seconds_count{method=\"GET\",route=\"UNMATCHED\",scope=\"application\",status=\"404\",}",
            "http_server_requests_seconds_sum{",
            "hikaricp_connections_active{pool=\"biodid\",}",
            "hikaricp_connections_idle{pool=\"biodid\",}",
            "hikaricp_connections_pending{pool=\"biodid\",}",
            "hikaricp_connections_max{pool=\"biodid\",}",
            "hikaricp_connections_acquire_seconds_count{pool=\"biodid\",}",
            "hikaricp_connections_timeout_total{pool=\"biodid\",}",
            "memory_usedHeap_bytes{",
            "memory_maxHeap_bytes{",
            "gc_time_seconds_total{",
            "gc_total{",
            "thread_count{",
            "cpu_systemLoadAverage{",
            "db_statement_health_check_seconds_count{",
            "biometric_gen_seconds_bucket{",
            "biometric_rep_seconds_bucket{");

    private final Http1Client client;

    HealthAndMetricsServerTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Wiring.create(TestDatabases.postgresConfig(Map.of()), List.of(new ProbeService())).start().server(server);
    }

    @Test
    void healthIsUpWithTheDatabaseCheck() {
        try (Http1ClientResponse res = client.get("/health").request()) {
            assertThat(res.status(), is(Status.OK_200));
            String body = res.as(String.class);
            assertThat(body, containsString("\"status\":\"UP\""));
            assertThat(body, containsString("\"name\":\"database\""));
        }
    }

    @Test
    void livenessAndReadinessAreUp() {
        try (Http1ClientResponse res = client.get("/health/live").request()) {
            assertThat(res.status(), is(Status.OK_200));
        }
        try (Http1ClientResponse res = client.get("/health/ready").request()) {
            assertThat(res.status(), is(Status.OK_200));
            assertThat(res.as(String.class), containsString("\"database\""));
        }
    }

    @Test
    void metricsCarryPinnedNamesAndRouteTemplates() {
        for (String path : List.of("/health", "/test-probe/items/7", "/test-probe/items/8", "/no-such-thing")) {
            try (Http1ClientResponse res = client.get(path).request()) {
                res.entity().consume();
            }
        }
        String metrics;
        try (Http1ClientResponse res = client.get("/metrics").header(HeaderNames.ACCEPT, "text/plain").request()) {
            assertThat(res.status(), is(Status.OK_200));
            metrics = res.as(String.class);
        }
        for (String series : PINNED_SERIES) {
            assertThat("pinned series " + series, metrics, containsString(series));
        }
        // Raw paths never become labels: the two item requests share one template series.
        assertThat(metrics.contains("route=\"/test-probe/items/7\""), is(false));
        assertThat(metrics.contains("route=\"/no-such-thing\""), is(false));
    }
}
