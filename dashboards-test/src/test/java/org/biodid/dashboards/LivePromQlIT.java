package org.biodid.dashboards;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.Minutia;
import org.biodid.biometrics.MinutiaType;
import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;
import org.biodid.did.WalletAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.biodid.dashboards.DashboardModelTest.assertNoProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every PromQL expression of the live dashboard, evaluated by a real Prometheus (the Debian package) that
 * scraped the real service jar while it served health, generate, enroll and verify requests.
 */
class LivePromQlIT {

    private static final String API_KEY = "dashboards-test-key-0123456789";
    private static final String RATE_INTERVAL = "30s";
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final List<FingerId> FINGERS = List.of(FingerId.LEFT_THUMB, FingerId.LEFT_INDEX,
                                                          FingerId.RIGHT_THUMB, FingerId.RIGHT_INDEX);
    private static final int PEOPLE = 3;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Path workDir;
    private static Process service;
    private static Process prometheus;
    private static String serviceUrl;
    private static String prometheusUrl;
    private static final SyntheticFingerprints GENERATOR = new SyntheticFingerprints(6_2026L);
    private static final List<String> wallets = new ArrayList<>();
    private static final List<String> dids = new ArrayList<>();

    @BeforeAll
    static void startServiceAndPrometheus() throws Exception {
        Path binary = prometheusBinary();
        Path jar = Path.of(System.getProperty("biodid.serviceJar", "../service/target/biodid-service.jar"));
        if (!Files.isRegularFile(jar)) {
            requireOrSkip("the service jar " + jar.toAbsolutePath() + " is not built (mvn verify from the root builds it first)");
        }
        workDir = Path.of(System.getProperty("biodid.testDir", "target/dashboards-test")).resolve("live-" + System.currentTimeMillis());
        Files.createDirectories(workDir);

        serviceUrl = "http://127.0.0.1:" + startService(jar);
        int promPort = freePort();
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: biodid
                    scrape_interval: 1s
                    scrape_timeout: 900ms
                    static_configs:
                      - targets: ["%s"]
                """.formatted(URI.create(serviceUrl).getAuthority()));
        prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                                        "--storage.tsdb.path=" + workDir.resolve("tsdb"),
                                        "--web.listen-address=127.0.0.1:" + promPort, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(workDir.resolve("prometheus.log").toFile()).start();
        prometheusUrl = "http://127.0.0.1:" + promPort;
        waitFor(prometheusUrl + "/-/ready", 200, Duration.ofSeconds(30), () -> "Prometheus " + log("prometheus.log"));

        // A first scrape before any load, then two rounds of load with scrapes in between: every rate() and
        // increase() sees its counters before and after they moved.
        waitForQuery("up{job=\"biodid\"} == 1", 1, Duration.ofSeconds(20));
        driveLoad(true);
        Thread.sleep(2500);
        driveLoad(false);
        waitForScrape();
    }

    @AfterAll
    static void stop() {
        for (Process p : new Process[] {prometheus, service}) {
            if (p != null && p.isAlive()) {
                p.destroy();
                try {
                    if (!p.waitFor(15, TimeUnit.SECONDS)) {
                        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Test
    void everyLiveExpressionReturnsSeries() throws Exception {
        GrafanaFiles.Dashboard live = GrafanaFiles.dashboard("biodid-service-live");
        List<String> problems = new ArrayList<>();
        int evaluated = 0;
        for (JsonNode panel : live.dataPanels()) {
            for (JsonNode target : panel.path("targets")) {
                String expr = expand(target.path("expr").asText());
                String where = "panel '" + panel.path("title").asText() + "' " + target.path("refId").asText() + ": " + expr;
                JsonNode answer = query(expr);
                evaluated++;
                if (!"success".equals(answer.path("status").asText())) {
                    problems.add(where + " -> " + answer.path("errorType").asText() + ": " + answer.path("error").asText());
                } else if (answer.path("data").path("result").isEmpty()) {
                    problems.add(where + " -> no series");
                }
            }
        }
        assertNoProblems(problems);
        assertTrue(evaluated >= 25, "evaluated " + evaluated + " expressions");
    }

    @Test
    void theInstanceVariableListsTheScrapedService() throws Exception {
        JsonNode variable = GrafanaFiles.dashboard("biodid-service-live").variable("instance");
        Matcher m = Pattern.compile("label_values\\((.+), (\\w+)\\)").matcher(variable.path("definition").asText());
        assertTrue(m.matches(), variable.path("definition").asText());
        JsonNode answer = get(prometheusUrl + "/api/v1/label/" + m.group(2) + "/values?match[]="
                              + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8));
        assertEquals(List.of(URI.create(serviceUrl).getAuthority()), texts(answer.path("data")));
    }

    @Test
    void thePanelsShowTheLoadThatWasDriven() throws Exception {
        Set<String> routes = labels(panelExpr("Request rate per route", 0), "route");
        assertTrue(routes.containsAll(Set.of("/health", "/api/v1/did/enroll", "/api/v1/did/verify",
                                             "/api/v1/did/generate", "/api/v1/did/{did}", "UNMATCHED")),
                   "routes: " + routes);
        Set<String> statuses = labels(panelExpr("Client errors per route and status", 0), "status");
        assertTrue(statuses.containsAll(Set.of("401", "404")), "4xx statuses: " + statuses);
        for (String title : List.of("Biometric Gen latency (enrollment)", "Biometric Rep latency (verification)")) {
            double p95 = value(panelExpr(title, 1));
            assertTrue(p95 > 0 && p95 < 5, title + " P95 = " + p95 + " s");
        }
        assertTrue(value(panelExpr("Connection pool", 3)) >= 1, "pool max");
        assertEquals(0.0, value(panelExpr("Server errors", 0)), "no 5xx under this load");
        assertTrue(value(panelExpr("JVM heap", 0)) > 1_000_000, "heap used");
    }

    // ------------------------------------------------------------------------------------------------------

    private static String expand(String expr) {
        // $instance is multi-value with All = ".*" (its allValue); the rate interval is fixed for the test.
        return expr.replace("$__rate_interval", RATE_INTERVAL).replace("${instance}", ".*").replace("$instance", ".*");
    }

    private static String panelExpr(String title, int target) {
        return GrafanaFiles.dashboard("biodid-service-live").dataPanels().stream()
                .filter(p -> title.equals(p.path("title").asText())).findFirst()
                .map(p -> expand(p.path("targets").get(target).path("expr").asText()))
                .orElseThrow(() -> new AssertionError("no panel " + title));
    }

    private static Set<String> labels(String expr, String label) throws Exception {
        Set<String> values = new TreeSet<>();
        for (JsonNode series : query(expr).path("data").path("result")) {
            values.add(series.path("metric").path(label).asText());
        }
        return values;
    }

    private static double value(String expr) throws Exception {
        JsonNode result = query(expr).path("data").path("result");
        assertEquals(1, result.size(), expr + " -> " + result);
        return Double.parseDouble(result.get(0).path("value").get(1).asText());
    }

    private static JsonNode query(String expr) throws Exception {
        return get(prometheusUrl + "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                                           HttpResponse.BodyHandlers.ofString());
        return GrafanaFiles.JSON.readTree(r.body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }

    // ------------------------------------------------------------------------------------------------------ load

    private static void driveLoad(boolean enroll) throws Exception {
        for (int i = 0; i < 20; i++) {
            expect(200, send("GET", "/health", null, false));
        }
        expect(404, send("GET", "/no-such-route", null, false));
        expect(401, send("POST", "/api/v1/did/generate", "{\"commitment\":\"00112233445566778899aabbccddeeff\"}", false));
        SplittableRandom random = new SplittableRandom(enroll ? 1 : 2);
        for (int i = 0; i < 5; i++) {
            byte[] commitment = new byte[32];
            random.nextBytes(commitment);
            expect(200, send("POST", "/api/v1/did/generate",
                             "{\"commitment\":\"" + java.util.HexFormat.of().formatHex(commitment) + "\",\"network\":\"testnet\"}", true));
        }
        if (enroll) {
            for (int person = 0; person < PEOPLE; person++) {
                byte[] credentials = new byte[56];
                new SplittableRandom(System.nanoTime() + person).nextBytes(credentials);
                String wallet = WalletAddress.encode(false, credentials);
                ObjectNode body = GrafanaFiles.JSON.createObjectNode();
                body.put("wallet_address", wallet);
                body.put("network", "testnet");
                body.set("fingers", fingers(person, null));
                HttpResponse<String> r = expect(201, send("POST", "/api/v1/did/enroll", body.toString(), true));
                wallets.add(wallet);
                dids.add(GrafanaFiles.JSON.readTree(r.body()).path("did").asText());
            }
        }
        for (int person = 0; person < PEOPLE; person++) {
            ObjectNode body = GrafanaFiles.JSON.createObjectNode();
            body.put("wallet_address", wallets.get(person));
            body.put("timestamp", Instant.now().getEpochSecond());
            body.set("fingers", fingers(person, random));
            expect(200, send("POST", "/api/v1/did/verify", body.toString(), true));
            expect(200, send("GET", "/api/v1/did/" + dids.get(person), null, false));
        }
    }

    /** A person's fingers: the master minutiae, or a fresh noisy impression of them. */
    private static ArrayNode fingers(int person, SplittableRandom impression) {
        ArrayNode fingers = GrafanaFiles.JSON.createArrayNode();
        for (int f = 0; f < FINGERS.size(); f++) {
            List<Minutia> minutiae = GENERATOR.master((long) person * FINGERS.size() + f);
            if (impression != null) {
                minutiae = SyntheticFingerprints.impression(minutiae, NoiseModel.DEFAULT, impression);
            }
            ObjectNode finger = fingers.addObject();
            finger.put("finger_id", FINGERS.get(f).wireName());
            ArrayNode points = finger.putArray("minutiae");
            for (Minutia m : minutiae) {
                ObjectNode point = points.addObject().put("x", m.x()).put("y", m.y()).put("angle", m.angle());
                if (m.type() != MinutiaType.UNKNOWN) {
                    point.put("type", m.type().name().toLowerCase(Locale.ROOT));
                }
                if (m.quality() != Minutia.NO_QUALITY) {
                    point.put("quality", m.quality());
                }
            }
        }
        return fingers;
    }

    private static HttpResponse<String> send(String method, String path, String body, boolean key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(serviceUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (key) {
            b.header("X-API-Key", API_KEY);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), () -> r.request().method() + " " + r.uri().getPath() + " -> " + r.body());
        return r;
    }

    /** Until Prometheus has scraped the second round of load (its verify count is in), plus one more scrape. */
    private static void waitForScrape() throws Exception {
        waitForQuery("sum(http_server_requests_seconds_count{job=\"biodid\", route=\"/api/v1/did/verify\"})",
                     2 * PEOPLE, Duration.ofSeconds(20));
        Thread.sleep(1500);
    }

    /** Until an expression's first series has at least the given value. */
    private static void waitForQuery(String expr, double atLeast, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode result = query(expr).path("data").path("result");
            if (!result.isEmpty() && Double.parseDouble(result.get(0).path("value").get(1).asText()) >= atLeast) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Prometheus: " + expr + " did not reach " + atLeast + " within " + timeout + ": "
                                 + log("prometheus.log"));
    }

    // ------------------------------------------------------------------------------------------------------ processes

    private static int startService(Path jar) throws Exception {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString())
                .directory(workDir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("DB_") || k.startsWith("APP_") || k.startsWith("SERVER_"));
        env.put("SERVER_PORT", "0");
        env.put("SERVER_HOST", "127.0.0.1");
        env.put("APP_DATA_DIR", workDir.resolve("data").toString());
        env.put("APP_API_KEYS", API_KEY + ":enroll+verify+admin");
        env.put("APP_REQUIRE_WALLET_SIGNATURE", "false"); // load of synthetic wallets that cannot sign
        service = pb.start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Pattern listening = Pattern.compile("listening on http://\\S+ \\(port (\\d+)\\)");
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(workDir.resolve("service.log")), true)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    Matcher m = listening.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("the service exited"));
        }, "service-log");
        reader.setDaemon(true);
        reader.start();
        int p;
        try {
            p = port.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the service did not start within " + STARTUP + ": " + log("service.log"), e);
        }
        waitFor("http://127.0.0.1:" + p + "/health/ready", 200, Duration.ofSeconds(30), () -> log("service.log"));
        return p;
    }

    private static void waitFor(String url, int status, Duration timeout, java.util.function.Supplier<String> context)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                              HttpResponse.BodyHandlers.discarding()).statusCode() == status) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(url + " did not answer " + status + " within " + timeout + ": " + context.get());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String log(String name) {
        try {
            List<String> lines = Files.readAllLines(workDir.resolve(name));
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no " + name + ")";
        }
    }

    /** prometheus on PATH, else /usr/bin/prometheus; missing: skip visibly, or fail under CI=true. */
    private static Path prometheusBinary() {
        String override = System.getenv("BIODID_PROMETHEUS_BIN");
        if (override != null && !override.isBlank()) {
            if (!Files.isExecutable(Path.of(override))) {
                requireOrSkip("BIODID_PROMETHEUS_BIN=" + override + " is not an executable Prometheus");
            }
            return Path.of(override);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "prometheus");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path debian = Path.of("/usr/bin/prometheus");
        if (Files.isExecutable(debian)) {
            return debian;
        }
        requireOrSkip("Prometheus is not installed (not on PATH, no /usr/bin/prometheus); install it with "
                      + "'apt-get install -y prometheus' or set BIODID_PROMETHEUS_BIN");
        return null;
    }

    private static void requireOrSkip(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + ". The live dashboard's PromQL test is required in CI.");
        }
        System.err.println("SKIPPING LivePromQlIT: " + message);
        Assumptions.abort(message);
    }
}
