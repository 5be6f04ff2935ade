package org.biodid.api;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * The shared HTTP conventions over a real socket, plus what only a socket shows: the body limit is enforced from
 * {@code Content-Length} before the body is read.
 */
@ServerTest
class HttpPlumbingServerTest extends HttpPlumbingContract {

    private final URI uri;

    HttpPlumbingServerTest(Http1Client client, URI uri) {
        super(client);
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        wiring().server(server);
    }

    @Test
    void oversizedBodyIs413WithoutReadingIt() throws Exception {
        // Announce 1 MiB but send only the headers: an answer proves the server did not wait for the body.
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /test-probe/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1048576\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response, startsWith("HTTP/1.1 413"));
            assertThat(response, containsString("application/problem+json"));
            assertThat(response, containsString("\"code\":\"PAYLOAD_TOO_LARGE\""));
            assertThat(response, containsString("X-Request-ID"));
            assertThat(response, containsString("X-Content-Type-Options: nosniff"));
        }
    }

    @Test
    void bodyJustUnderTheLimitIsAccepted() {
        String filler = "x".repeat(65536 - 20);
        try (var res = postJson("{\"f\":\"" + filler + "\"}")) {
            assertThat(res.status(), is(Status.OK_200));
        }
    }
}
