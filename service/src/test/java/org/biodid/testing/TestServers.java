package org.biodid.testing;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;

import org.biodid.Wiring;

/**
 * A real service on a free port, for tests whose configuration differs per test method (where {@code @ServerTest}
 * fixes one per class).
 */
public final class TestServers {

    private TestServers() {
    }

    /**
     * Start the service on the test PostgreSQL with extra configuration, run the test against it, stop it.
     *
     * @param config extra configuration keys
     * @param test   the test, given a client of the running server
     */
    public static void withServer(Map<String, String> config, Consumer<Http1Client> test) {
        Wiring wiring = Wiring.create(TestDatabases.postgresConfig(config), List.of()).start();
        WebServer server = WebServer.builder().update(wiring::server).build().start();
        try {
            test.accept(OpenApiExchanges.validating(
                    Http1Client.builder().baseUri("http://localhost:" + server.port()).build()));
        } finally {
            server.stop();
        }
    }
}
