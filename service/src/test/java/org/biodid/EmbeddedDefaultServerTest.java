package org.biodid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;

import org.junit.jupiter.api.Test;

import org.biodid.testing.TestDatabases;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * With no database configured the service runs on embedded H2 files under the data directory and is healthy: what
 * {@code java -jar} does on a fresh machine.
 */
@ServerTest
class EmbeddedDefaultServerTest {

    private static final Path DATA_DIR = tempDir();

    private final Http1Client client;

    EmbeddedDefaultServerTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Wiring.create(TestDatabases.h2Config(DATA_DIR)).start().server(server);
    }

    @Test
    void healthyOnEmbeddedH2() {
        try (Http1ClientResponse res = client.get("/health").request()) {
            assertThat(res.status(), is(Status.OK_200));
            assertThat(res.as(String.class), containsString("\"status\":\"UP\""));
        }
        try (Http1ClientResponse res = client.get("/health/ready").request()) {
            assertThat(res.status(), is(Status.OK_200));
        }
        assertThat(Files.exists(DATA_DIR.resolve("biodid.mv.db")), is(true));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("biodid-embedded-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
