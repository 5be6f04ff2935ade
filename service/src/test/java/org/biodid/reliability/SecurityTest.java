package org.biodid.reliability;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.helidon.webserver.WebServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.biodid.Wiring;
import org.biodid.testing.PrivatePostgres;
import org.biodid.reliability.support.RawHttp;
import org.biodid.testing.ServiceProcess;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Security headers on every kind of answer (routed, error, rejected before routing), CORS as configured and never
 * {@code *} with credentials, and TLS from configuration with a self-signed PKCS12 keystore made by {@code keytool}.
 */
class SecurityTest {

    private static final String ORIGIN = "https://wallet.example";
    private static final List<String> SECURITY_HEADERS = List.of("x-content-type-options", "x-frame-options",
                                                                 "content-security-policy", "referrer-policy",
                                                                 "cache-control", "x-request-id");

    private static PrivatePostgres pg;
    private static WebServer cors;

    @BeforeAll
    static void start() throws Exception {
        pg = PrivatePostgres.start();
        cors = server(Map.of("app.cors.origins", ORIGIN + ", https://other.example",
                             "app.cors.credentials", "true"));
    }

    @AfterAll
    static void stop() {
        if (cors != null) {
            cors.stop();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void securityHeadersOnEveryKindOfAnswer() throws Exception {
        try (RawHttp http = new RawHttp(cors.port(), 10_000)) {
            Map<String, RawHttp.Response> answers = Map.of(
                    "200", get(http, "/health/live", Map.of()),
                    "401", http.exchange(RawHttp.request("POST", "/api/v1/did/generate".getBytes(),
                                                         Map.of("Content-Type", "application/json"),
                                                         "{}".getBytes())),
                    "404", get(http, "/nothing/here", Map.of()),
                    "405 TRACE", http.exchange(RawHttp.request("TRACE", "/health".getBytes(), Map.of(), null)),
                    "413", http.exchange(RawHttp.request("POST", "/api/v1/did/enroll".getBytes(),
                                                         Map.of("Content-Type", "application/json"),
                                                         new byte[70_000])));
            answers.forEach((what, res) -> {
                for (String header : SECURITY_HEADERS) {
                    assertThat(what + " lacks " + header + ": " + res.headers(), res.header(header) != null, is(true));
                }
                assertThat(what, res.header("strict-transport-security"), nullValue());
            });
            assertThat(answers.get("405 TRACE").status(), is(405));
            assertThat(answers.get("413").status(), is(413));
            assertThat(answers.get("413").header("content-type"), startsWith("application/problem+json"));
        }
        // rejected before routing (a broken header line): the direct handler answers with the same headers
        try (RawHttp http = new RawHttp(cors.port(), 10_000)) {
            RawHttp.Response bad = http.exchange("GET /health HTTP/1.1\r\nHost: x\r\nBroken header\r\n\r\n"
                                                         .getBytes(StandardCharsets.US_ASCII));
            assertThat(bad.status(), is(400));
            assertThat(bad.header("content-type"), startsWith("application/problem+json"));
            assertThat(bad.header("x-content-type-options"), is("nosniff"));
        }
    }

    @Test
    void corsAnswersListedOriginsOnlyAndKeepsItsHeadersOnErrors() throws Exception {
        try (RawHttp http = new RawHttp(cors.port(), 10_000)) {
            RawHttp.Response allowed = get(http, "/health/live", Map.of("Origin", ORIGIN));
            assertThat(allowed.header("access-control-allow-origin"), is(ORIGIN));
            assertThat(allowed.header("access-control-allow-credentials"), is("true"));
            assertThat(allowed.header("vary"), containsString("Origin"));
            assertThat(allowed.header("access-control-expose-headers"), containsString("X-Request-ID"));

            RawHttp.Response error = http.exchange(RawHttp.request(
                    "POST", "/api/v1/did/generate".getBytes(),
                    Map.of("Origin", ORIGIN, "Content-Type", "application/json"), "{}".getBytes()));
            assertThat(error.status(), is(401));
            assertThat("CORS headers survive error handling", error.header("access-control-allow-origin"),
                       is(ORIGIN));

            RawHttp.Response stranger = get(http, "/health/live", Map.of("Origin", "https://evil.example"));
            assertThat(stranger.status(), is(200));
            assertThat(stranger.header("access-control-allow-origin"), nullValue());

            RawHttp.Response preflight = http.exchange(RawHttp.request(
                    "OPTIONS", "/api/v1/did/enroll".getBytes(),
                    Map.of("Origin", ORIGIN, "Access-Control-Request-Method", "POST",
                           "Access-Control-Request-Headers", "content-type, x-api-key"), null));
            assertThat(preflight.status(), is(204));
            assertThat(preflight.header("access-control-allow-methods"), containsString("POST"));
            assertThat(preflight.header("access-control-allow-headers"), containsString("X-API-Key"));
            assertThat(preflight.header("access-control-allow-origin"), is(ORIGIN));

            RawHttp.Response refused = http.exchange(RawHttp.request(
                    "OPTIONS", "/api/v1/did/enroll".getBytes(),
                    Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"), null));
            assertThat(refused.status(), is(403));
            assertThat(refused.header("content-type"), startsWith("application/problem+json"));
            assertThat(refused.header("access-control-allow-origin"), nullValue());
        }
    }

    @Test
    void corsNeverSendsWildcardWithCredentials() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Wiring.create(
                Support.inProcessConfig(pg, Map.of("app.cors.origins", "*", "app.cors.credentials", "true"))).start());
        assertThat(e.getMessage(), containsString("credentials"));

        WebServer any = server(Map.of("app.cors.origins", "*"));
        try (RawHttp http = new RawHttp(any.port(), 10_000)) {
            RawHttp.Response res = get(http, "/health/live", Map.of("Origin", "https://anyone.example"));
            assertThat(res.header("access-control-allow-origin"), is("*"));
            assertThat(res.header("access-control-allow-credentials"), nullValue());
        } finally {
            any.stop();
        }
        WebServer off = server(Map.of());
        try (RawHttp http = new RawHttp(off.port(), 10_000)) {
            RawHttp.Response res = get(http, "/health/live", Map.of("Origin", ORIGIN));
            assertThat("CORS is off by default", res.header("access-control-allow-origin"), nullValue());
        } finally {
            off.stop();
        }
    }

    @Test
    void tlsFromConfigurationWithASelfSignedCertificate(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        String password = "changeit-" + System.nanoTime();
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "biodid", "-keyalg", "EC", "-groupname",
                                       "secp256r1", "-validity", "2", "-dname", "CN=localhost",
                                       "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                                       "-keystore", keystore.toString(), "-storepass", password)
                .redirectErrorStream(true).start();
        assertThat(new String(p.getInputStream().readAllBytes()), p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0,
                   is(true));

        WebServer tls = server(Map.of("server.tls.private-key.keystore.resource.path", keystore.toString(),
                                      "server.tls.private-key.keystore.passphrase", password,
                                      // Helidon looks for the alias "1" unless told otherwise
                                      "server.tls.private-key.keystore.key.alias", "biodid"));
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trust.load(in, password.toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> res = client.send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + tls.port() + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode(), is(200));
            assertThat("HSTS when TLS is on", res.headers().firstValue("Strict-Transport-Security").orElse(""),
                       containsString("max-age="));

            // plain HTTP on the TLS port gets no HTTP answer
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), tls.port())) {
                s.setSoTimeout(5000);
                s.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
                byte[] answer = new byte[16];
                int n;
                try {
                    n = s.getInputStream().read(answer);
                } catch (java.io.IOException reset) {
                    n = -1;
                }
                String text = n <= 0 ? "" : new String(answer, 0, n, StandardCharsets.ISO_8859_1);
                assertThat("plain HTTP answered on the TLS port: " + text, text.startsWith("HTTP/1.1 200"), is(false));
            }
        } finally {
            tls.stop();
        }
    }

    private static WebServer server(Map<String, String> overrides) {
        Wiring wiring = Wiring.create(Support.inProcessConfig(pg, overrides)).start();
        return WebServer.builder().update(wiring::server).build().start();
    }

    private static RawHttp.Response get(RawHttp http, String path, Map<String, String> headers) throws Exception {
        return http.exchange(RawHttp.request("GET", path.getBytes(StandardCharsets.US_ASCII), headers, null));
    }
}
