package org.biodid.observe;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The health endpoints answer as Helidon's health feature did (JSON shape, 200/503/500, HEAD 204), follow every
 * change of a check's answer although they keep the last answer as bytes, and call the checks on every request.
 */
@RoutingTest
class HealthEndpointsTest {

    private static final HealthCheckResponse UP = HealthCheckResponse.builder().status(true).build();
    private static final Settable READY = new Settable("database", HealthCheckType.READINESS);
    private static final Settable LIVE = new Settable("process", HealthCheckType.LIVENESS);

    private final DirectClient client;

    HealthEndpointsTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        routing.register("/health", new HealthEndpoints(List.of(READY, LIVE)));
    }

    @BeforeEach
    void bothUp() {
        READY.answer.set(UP);
        LIVE.answer.set(UP);
    }

    @Test
    void upAnswersInHelidonsShape() {
        assertAnswer("/health", Status.OK_200,
                     "{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"},"
                             + "{\"name\":\"process\",\"status\":\"UP\"}]}");
        assertAnswer("/health/ready", Status.OK_200,
                     "{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"}]}");
        assertAnswer("/health/live", Status.OK_200,
                     "{\"status\":\"UP\",\"checks\":[{\"name\":\"process\",\"status\":\"UP\"}]}");
        assertAnswer("/health/started", Status.OK_200, "{\"status\":\"UP\",\"checks\":[]}");
        assertAnswer("/health/ready/database", Status.OK_200, "{\"name\":\"database\",\"status\":\"UP\"}");
    }

    @Test
    void aCheckThatGoesDownIsSeenAtOnceWithItsData() {
        assertAnswer("/health/ready", Status.OK_200,
                     "{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"}]}");
        READY.answer.set(HealthCheckResponse.builder().status(false).detail("schema", "pending")
                                 .detail("error", "say \"why\"").detail("attempts", 3).build());
        String down = "{\"name\":\"database\",\"status\":\"DOWN\","
                + "\"data\":{\"attempts\":3,\"error\":\"say \\\"why\\\"\",\"schema\":\"pending\"}}";
        assertAnswer("/health/ready", Status.SERVICE_UNAVAILABLE_503, "{\"status\":\"DOWN\",\"checks\":[" + down + "]}");
        assertAnswer("/health", Status.SERVICE_UNAVAILABLE_503,
                     "{\"status\":\"DOWN\",\"checks\":[" + down + ",{\"name\":\"process\",\"status\":\"UP\"}]}");
        assertAnswer("/health/live", Status.OK_200,
                     "{\"status\":\"UP\",\"checks\":[{\"name\":\"process\",\"status\":\"UP\"}]}");
        READY.answer.set(UP);
        assertAnswer("/health/ready", Status.OK_200,
                     "{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"}]}");
    }

    @Test
    void aCheckThatThrowsIsAnError() {
        READY.answer.set(null);
        assertAnswer("/health/ready", Status.INTERNAL_SERVER_ERROR_500,
                     "{\"status\":\"ERROR\",\"checks\":[{\"name\":\"database\",\"status\":\"ERROR\",\"data\":"
                             + "{\"error\":\"java.lang.IllegalStateException\",\"message\":\"no answer\"}}]}");
    }

    @Test
    void headAnswersTheStatusOnly() {
        assertHead("/health", Status.NO_CONTENT_204);
        READY.answer.set(HealthCheckResponse.builder().status(false).build());
        assertHead("/health", Status.SERVICE_UNAVAILABLE_503);
        assertHead("/health/ready", Status.SERVICE_UNAVAILABLE_503);
        assertHead("/health/live", Status.NO_CONTENT_204);
    }

    @Test
    void everyRequestAsksTheChecks() {
        int before = READY.calls.get();
        for (int i = 0; i < 5; i++) {
            assertAnswer("/health/ready/database", Status.OK_200, "{\"name\":\"database\",\"status\":\"UP\"}");
        }
        assertThat(READY.calls.get() - before, is(5));
    }

    private void assertAnswer(String path, Status status, String body) {
        try (Http1ClientResponse res = client.get(path).request()) {
            assertThat(path, res.status(), is(status));
            assertThat(path, res.headers().contentType().orElseThrow().text(), is("application/json"));
            assertThat(path, res.as(String.class), is(body));
        }
    }

    private void assertHead(String path, Status status) {
        try (Http1ClientResponse res = client.method(Method.HEAD).path(path).request()) {
            assertThat(path, res.status(), is(status));
        }
    }

    /** A check whose answer the test sets; {@code null} makes it throw. */
    private record Settable(String name, HealthCheckType type, AtomicReference<HealthCheckResponse> answer,
                            AtomicInteger calls) implements HealthCheck {

        Settable(String name, HealthCheckType type) {
            this(name, type, new AtomicReference<>(UP), new AtomicInteger());
        }

        @Override
        public HealthCheckResponse call() {
            calls.incrementAndGet();
            HealthCheckResponse now = answer.get();
            if (now == null) {
                throw new IllegalStateException("no answer");
            }
            return now;
        }
    }
}
