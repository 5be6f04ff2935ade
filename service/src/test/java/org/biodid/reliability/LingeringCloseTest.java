package org.biodid.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.helidon.webserver.WebServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.biodid.Wiring;
import org.biodid.testing.TestDatabases;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

/**
 * Early answers survive the close: a client that writes its whole oversized body before reading (as simple clients
 * do) reads the 413 problem every time, because the server reads and discards the declared body before closing
 * instead of resetting the connection ({@link org.biodid.connection.LingeringHttp1Selector}). A client that never stops
 * sending is still cut off, at {@code app.linger.bytes} or {@code app.linger.time}.
 */
class LingeringCloseTest {

    private static final int TRIES = 40;
    private static final long LINGER_BYTES = 4L * 1024 * 1024;

    private static final String KEY = "lingering-close-test-key-0001";

    private static WebServer server;

    @BeforeAll
    static void start() {
        TestDatabases.requirePostgres();
        Wiring wiring = Wiring.create(TestDatabases.postgresConfig(Map.of("app.api.keys", KEY + ":enroll",
                                                                           "app.linger.bytes",
                                                                           Long.toString(LINGER_BYTES),
                                                                           "app.linger.time", "PT5S")), List.of())
                .start();
        server = WebServer.builder().update(wiring::server).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {70_000, 223_000, 2_000_000})
    void aClientThatWritesTheWholeOversizedBodyBeforeReadingReadsThe413(int size) throws Exception {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        int answered = 0;
        for (int i = 0; i < TRIES; i++) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/did/enroll HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                String answer = readAll(socket.getInputStream());
                if (answer.startsWith("HTTP/1.1 413") && answer.contains("\"PAYLOAD_TOO_LARGE\"")) {
                    answered++;
                }
            } catch (IOException reset) {
                // counted as not answered
            }
        }
        System.out.println("FLEET lingering close: " + size + " B body written whole before reading: 413 read in "
                                   + answered + "/" + TRIES);
        assertThat("tries that read the 413 at " + size + " B", answered, is(TRIES));
    }

    /**
     * A chunked body declares no size: with a key, the 413 comes while reading it; without one, the 401 comes before
     * reading it and Helidon then fails to consume the oversized rest. Either way the answer must arrive.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aClientThatWritesAWholeOversizedChunkedBodyBeforeReadingReadsItsAnswer(boolean withKey) throws Exception {
        String expected = withKey ? "HTTP/1.1 413" : "HTTP/1.1 401";
        byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        int answered = 0;
        for (int i = 0; i < TRIES; i++) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/did/enroll HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + (withKey ? "X-API-Key: " + KEY + "\r\n" : "")
                        + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                for (int c = 0; c < 32; c++) {
                    out.write(chunk);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // read the answer as a client does (by its Content-Length), not to the end of the connection: with no
                // declared size the server keeps reading for app.linger.time in case more body comes
                String answer = readHead(socket.getInputStream());
                if (answer.startsWith(expected) && answer.contains("application/problem+json")) {
                    answered++;
                }
            } catch (IOException reset) {
                // counted as not answered
            }
        }
        System.out.println("FLEET lingering close: " + expected.substring(9) + " to a 2 MiB chunked body written whole before reading: read in "
                                   + answered + "/" + TRIES);
        assertThat("tries that read the " + expected, answered, is(TRIES));
    }

    @Test
    void aClientThatNeverStopsSendingIsCutOff() throws Exception {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        long sent = 0;
        boolean cut = false;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/did/enroll HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    out.write(chunk);
                    sent += chunk.length;
                } catch (IOException e) {
                    cut = true;
                    break;
                }
            }
        }
        System.out.println("FLEET lingering close: endless sender cut off after " + sent + " B");
        assertThat("the endless sender's connection was closed", cut, is(true));
        // what the server discarded is bounded by app.linger.bytes; the rest is what the socket buffers held
        assertThat(sent, lessThan(LINGER_BYTES + 32L * 1024 * 1024));
    }

    @Test
    void aKeepAliveConnectionAfterAnAnswerReadsNoBodyStaysUsable() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < 2; i++) {
                out.write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(readHead(socket.getInputStream()), containsString("200"));
            }
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toString(StandardCharsets.UTF_8);
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int contentLength = 0;
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            head.append(line).append('\n');
            if (line.toLowerCase().startsWith("content-length:")) {
                contentLength = Integer.parseInt(line.substring(15).trim());
            }
        }
        return head + new String(in.readNBytes(contentLength), StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
