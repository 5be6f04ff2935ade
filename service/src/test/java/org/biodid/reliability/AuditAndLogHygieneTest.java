package org.biodid.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.biodid.api.JsonBodies;
import org.biodid.reliability.support.Api;
import org.biodid.testing.PrivatePostgres;
import org.biodid.testing.ServiceProcess;
import org.biodid.testing.TestSubjects;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * On a real service process configured only through its environment: the rate limit from
 * {@code APP_RATE_LIMIT_RPS}/{@code APP_RATE_LIMIT_BURST} answers 429 with {@code Retry-After} and
 * {@code RateLimit-*}; every enroll, verify and revoke attempt, refused ones included, writes exactly one
 * structured JSON audit line with request id, key id and outcome; and nothing the service logs (its whole console output, errors included) carries an API key, a wallet
 * address in clear, minutiae, helper data or a client proof, with the service's own loggers at their finest level.
 * (Helidon's own loggers at FINEST print request headers, API keys included: they stay at WARNING in production.)
 */
class AuditAndLogHygieneTest {

    private static final ObjectMapper JSON = JsonBodies.newMapper();

    private static final String LIMITED_KEY = "reliability-limited-key-abcdefghij";
    private static final int BURST = 20;
    /**
     * One token every 100 s: none can come back while the test runs, so exactly BURST requests pass however slowly
     * the machine sends them. The burst also covers the admin key's own requests in this class (the limit applies to
     * every key).
     */
    private static final String RPS = "0.01";

    private static PrivatePostgres pg;
    private static ServiceProcess service;

    @BeforeAll
    static void start() throws Exception {
        pg = PrivatePostgres.start();
        Map<String, String> env = pg.serviceEnv(Map.of());
        env.put("APP_API_KEYS", ServiceProcess.ADMIN_KEY + ":enroll+verify+admin," + LIMITED_KEY + ":verify");
        env.put("APP_RATE_LIMIT_RPS", RPS);
        env.put("APP_RATE_LIMIT_BURST", Integer.toString(BURST));
        // the production logging configuration, with every logger of the service's own code at its finest level
        String logging;
        try (java.io.InputStream in = AuditAndLogHygieneTest.class.getResourceAsStream("/logging.properties")) {
            logging = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    + "\norg.biodid.level=ALL\nio.helidon.logging.jul.HelidonConsoleHandler.level=ALL\n";
        }
        service = Support.startReady("hygiene", env, Map.of("logging.properties", logging));
    }

    @AfterAll
    static void stop() throws Exception {
        Support.closeAll(service, pg);
    }

    @Test
    void rateLimitFromTheEnvironment() {
        Api api = new Api(service.base(), LIMITED_KEY);
        String body = "{\"commitment\":\"" + "ef".repeat(32) + "\"}";
        List<Api.Result> results = new ArrayList<>();
        for (int i = 0; i < BURST + 4; i++) {
            results.add(api.post("/api/v1/did/generate", body, Map.of()));
        }
        long ok = results.stream().filter(r -> r.status() == 200).count();
        Api.Result limited = results.stream().filter(r -> r.status() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("no 429 among " + results));
        System.out.println("RELIABILITY rate limit: APP_RATE_LIMIT_BURST=" + BURST + ", RPS=" + RPS + ": " + ok + " of "
                                   + results.size() + " rapid requests allowed, then 429 Retry-After "
                                   + limited.header("Retry-After"));
        assertThat(ok, is((long) BURST));
        assertThat(limited.contentType(), startsWith("application/problem+json"));
        assertThat(limited.body().contains("RATE_LIMITED"), is(true));
        // 1 token at 0.01/s: about 100 s, never less than the time one token takes to come back, less the test's run.
        assertThat(Integer.parseInt(limited.header("Retry-After")), greaterThan(60));
        assertThat(limited.header("RateLimit-Limit"), is(Integer.toString(BURST)));
        assertThat(limited.header("RateLimit-Remaining"), is("0"));
        assertThat(limited.header("RateLimit-Reset").isEmpty(), is(false));
        Api other = new Api(service.base(), ServiceProcess.ADMIN_KEY);
        assertThat("the limit is per key", other.post("/api/v1/did/generate", body, Map.of()).status(), is(200));
    }

    @Test
    void auditLinesForEnrollVerifyRevokeAndNoSecretsInAnyLogLine() throws Exception {
        Api api = new Api(service.base(), ServiceProcess.ADMIN_KEY);
        String wallet = TestSubjects.wallet(42);
        String enrollBody = TestSubjects.enrollBody(42);
        Api.Result enrolled = api.enroll(enrollBody);
        assertThat(enrolled.toString(), enrolled.status(), is(201));
        JsonNode created = JsonBodies.parse(enrolled.body().getBytes(StandardCharsets.UTF_8));
        String did = created.get("did").asText();

        long now = Instant.now().getEpochSecond();
        ObjectNode byFingers = JSON.createObjectNode();
        byFingers.put("wallet_address", wallet);
        byFingers.put("timestamp", now);
        byFingers.set("fingers", TestSubjects.fingersJson(TestSubjects.impression(42, 7)));
        String proof = "5e".repeat(32);
        String byProof = "{\"did\":\"" + did + "\",\"timestamp\":" + now + ",\"biometric_hash\":\"" + proof + "\"}";

        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put(enrolled.header("X-Request-ID"), "enroll");
        Api.Result conflict = api.enroll(enrollBody);
        assertThat(conflict.status(), is(409));
        expected.put(conflict.header("X-Request-ID"), "enroll");
        Api.Result verified = api.post("/api/v1/did/verify", byFingers.toString(), Map.of());
        assertThat(verified.toString(), verified.status(), is(200));
        expected.put(verified.header("X-Request-ID"), "verify");
        Api.Result proofResult = api.post("/api/v1/did/verify", byProof, Map.of());
        assertThat(proofResult.toString(), proofResult.status(), is(200));
        expected.put(proofResult.header("X-Request-ID"), "verify");
        Api.Result revoked = api.delete("/api/v1/did/" + did);
        assertThat(revoked.toString(), revoked.status(), is(200));
        expected.put(revoked.header("X-Request-ID"), "revoke");
        // failures that log: a wrong key, bad JSON carrying the wallet, an unknown DID
        Map<String, String> rejected = new java.util.LinkedHashMap<>();
        Api.Result wrongKey = new Api(service.base(), "wrong-key-" + ServiceProcess.ADMIN_KEY).enroll(enrollBody);
        assertThat(wrongKey.status(), is(401));
        rejected.put(wrongKey.header("X-Request-ID"), "enroll");
        Api.Result badInput = api.post("/api/v1/did/verify", "{\"wallet_address\":\"" + wallet
                + "\",\"timestamp\":\"x\"}", Map.of());
        assertThat(badInput.status(), is(400));
        rejected.put(badInput.header("X-Request-ID"), "verify");
        Api.Result unknown = api.delete("/api/v1/did/did:cardano:testnet:" + "2".repeat(44));
        assertThat(unknown.status(), is(404));
        rejected.put(unknown.header("X-Request-ID"), "revoke");
        api.get("/api/v1/did/did:cardano:testnet:" + "1".repeat(44));
        // The process's output arrives through a pipe: wait until every request's audit line is there (10 s at most).
        long waitStart = System.nanoTime();
        while (System.nanoTime() - waitStart < Duration.ofSeconds(10).toNanos()
                && !java.util.stream.Stream.concat(expected.keySet().stream(), rejected.keySet().stream())
                        .allMatch(service.output()::contains)) {
            Thread.sleep(100);
        }
        Thread.sleep(300);

        String output = service.output();
        List<String> audit = output.lines().filter(l -> l.contains(" org.biodid.audit ")).toList();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            List<JsonNode> lines = audit.stream().filter(l -> l.contains(e.getKey()))
                    .map(l -> JsonBodies.parse(l.substring(l.indexOf('{')).getBytes(StandardCharsets.UTF_8)))
                    .toList();
            if (lines.size() != 1) {
                missing.add(e.getValue() + " " + e.getKey() + ": " + lines.size() + " audit lines");
                continue;
            }
            JsonNode line = lines.getFirst();
            if (!e.getValue().equals(line.path("audit").asText()) || line.path("key_id").asText().isEmpty()
                    || line.path("outcome").asText().isEmpty()
                    || !e.getKey().equals(line.path("request_id").asText())) {
                missing.add("incomplete: " + line);
            }
        }
        for (Map.Entry<String, String> e : rejected.entrySet()) {
            List<String> lines = audit.stream().filter(l -> l.contains(e.getKey())).toList();
            if (lines.size() != 1 || !lines.getFirst().contains("\"audit\":\"" + e.getValue() + "\"")
                    || !lines.getFirst().contains("\"outcome\":\"rejected\"")
                    || !lines.getFirst().contains("\"key_id\":")) {
                missing.add("rejected " + e.getValue() + " " + e.getKey() + ": " + lines);
            }
        }
        assertThat("audit lines", missing, is(empty()));

        List<String> secrets = new ArrayList<>(List.of(ServiceProcess.ADMIN_KEY, LIMITED_KEY, wallet, proof,
                                                       "\"minutiae\""));
        JsonNode firstMinutia = JsonBodies.parse(enrollBody.getBytes(StandardCharsets.UTF_8))
                .get("fingers").get(0).get("minutiae").get(0);
        secrets.add(firstMinutia.toString());
        secrets.add(created.get("helpers").get("data").asText());
        List<String> leaks = new ArrayList<>();
        for (String line : output.lines().toList()) {
            for (String secret : secrets) {
                if (line.contains(secret)) {
                    leaks.add("[" + (secret.length() > 24 ? secret.substring(0, 24) + "…" : secret) + "] in: "
                                      + (line.length() > 200 ? line.substring(0, 200) : line));
                }
            }
        }
        System.out.println("RELIABILITY log hygiene: " + output.lines().count() + " log lines, " + audit.size()
                                   + " audit lines, " + secrets.size() + " secrets looked for, " + leaks.size()
                                   + " leaks");
        assertThat("secrets in the service's output", leaks, is(empty()));
        assertThat(audit, not(empty()));
    }
}
