package org.biodid.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;

import org.junit.jupiter.api.Test;

import org.biodid.testing.TestSubjects;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The DID routes over a real socket, plus the race that only concurrency shows.
 */
@ServerTest
class DidApiServerTest extends DidApiContract {

    DidApiServerTest(Http1Client client) {
        super(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        wiring().server(server);
    }

    @Test
    void fiftyConcurrentEnrollmentsOfOneWalletGiveExactlyOne201() throws Exception {
        String body = TestSubjects.enrollBody(42);
        List<Callable<Status>> attempts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            attempts.add(() -> status(post("/api/v1/did/enroll", ALL_KEY, body)));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Status> result : pool.invokeAll(attempts)) {
                statuses.merge(result.get().code(), 1, Integer::sum);
            }
        }
        assertThat(statuses, is(Map.of(201, 1, 409, 49)));
    }
}
