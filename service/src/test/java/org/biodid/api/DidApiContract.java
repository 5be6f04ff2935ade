package org.biodid.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.biodid.Wiring;
import org.biodid.biometrics.BiometricEngine;
import org.biodid.biometrics.ClientProof;
import org.biodid.biometrics.FusedHelperData;
import org.biodid.biometrics.SubjectContext;
import org.biodid.testing.OpenApiExchanges;
import org.biodid.testing.TestDatabases;
import org.biodid.testing.TestSubjects;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The DID routes of {@code api.md}, through the real wiring on PostgreSQL with real synthetic fingerprints.
 */
abstract class DidApiContract {

    private static final ObjectMapper JSON = JsonBodies.newMapper();

    static final String ALL_KEY = "test-key-all-scopes-0001";
    static final String VERIFY_KEY = "test-key-verify-only-0001";
    static final String ENROLL_KEY = "test-key-enroll-only-0001";

    private final Http1Client client;

    DidApiContract(Http1Client client) {
        this.client = OpenApiExchanges.validating(client);
    }

    static Wiring wiring() {
        return Wiring.create(TestDatabases.postgresConfig(Map.of(
                "app.api.keys", ALL_KEY + ":enroll+verify+admin," + VERIFY_KEY + ":verify," + ENROLL_KEY + ":enroll",
                "app.rate.limit.rps", "100000",
                "app.rate.limit.burst", "100000",
                // These tests are about answers, not outages: on a loaded CI machine fifty racing requests may wait
                // for the pool longer than the production fail-fast timeout.
                "app.db.connection.timeout", "PT15S")), List.of()).start();
    }

    @BeforeEach
    void clean() {
        TestDatabases.truncateServiceTables();
    }

    @Test
    void enrollAnswers201WithLocationMetadataAndResolvableDid() {
        JsonNode body;
        try (Http1ClientResponse res = post("/api/v1/did/enroll", ALL_KEY, TestSubjects.enrollBody(1))) {
            assertThat(res.status(), is(Status.CREATED_201));
            body = json(res);
            assertThat(res.headers().get(HeaderNames.LOCATION).get(), is("/api/v1/did/" + body.get("did").asText()));
        }
        String did = body.get("did").asText();
        assertThat(did, startsWith("did:cardano:testnet:"));
        assertThat(body.get("wallet_address").asText(), is(TestSubjects.wallet(1)));
        assertThat(body.get("helpers").get("version").asInt(), is(2));
        assertThat(body.get("helpers").get("fingers").size(), is(4));
        JsonNode cip20 = body.get("metadata").get("674");
        assertThat(cip20.get("version").asText(), is("1.1"));
        assertThat(cip20.get("did").asText(), is(did));
        assertThat(cip20.get("controllers").get(0).asText(), is(TestSubjects.wallet(1)));
        assertThat(cip20.get("biometric").get("idHash").asText(), is(body.get("id_hash").asText()));
        // helper data is confidential: returned to the enrolling caller, never in the metadata meant for the chain
        assertThat(cip20.get("biometric").get("helperStorage").asText(), is("external"));
        assertThat(cip20.get("biometric").get("helperData").isNull(), is(true));
        assertThat(cip20.get("revoked").asBoolean(), is(false));
        assertThat(body.toString().contains("minutiae"), is(false));

        try (Http1ClientResponse res = client.get("/api/v1/did/" + did).request()) {
            assertThat(res.status(), is(Status.OK_200));
            JsonNode result = json(res);
            assertThat(result.get("didDocument").get("id").asText(), is(did));
            assertThat(result.get("didDocumentMetadata").get("deactivated").asBoolean(), is(false));
            assertThat(result.get("didResolutionMetadata").get("contentType").asText(), is("application/did+ld+json"));
        }
        try (Http1ClientResponse res = client.get("/1.0/identifiers/" + did)
                .header(HeaderNames.ACCEPT, "application/did").request()) {
            assertThat(res.status(), is(Status.OK_200));
            assertThat(res.headers().get(HeaderNames.CONTENT_TYPE).get(), is("application/did"));
            JsonNode doc = json(res);
            assertThat(doc.get("id").asText(), is(did));
            assertThat(doc.has("didDocument"), is(false));
        }
    }

    @Test
    void secondEnrollmentOfAnActiveWalletIs409() {
        assertThat(status(post("/api/v1/did/enroll", ALL_KEY, TestSubjects.enrollBody(2))), is(Status.CREATED_201));
        try (Http1ClientResponse res = post("/api/v1/did/enroll", ALL_KEY, TestSubjects.enrollBody(2))) {
            assertThat(HttpPlumbingContract.problem(res, Status.CONFLICT_409).get("code").asText(),
                       is("DID_ALREADY_ENROLLED"));
        }
    }

    @Test
    void idempotencyKeyReturnsTheFirstResult() {
        String first;
        try (Http1ClientResponse res = request(Method.POST, "/api/v1/did/enroll", ALL_KEY)
                .header(HeaderNames.create("Idempotency-Key"), "retry-me-1")
                .submit(TestSubjects.enrollBody(3))) {
            assertThat(res.status(), is(Status.CREATED_201));
            first = res.as(String.class);
        }
        try (Http1ClientResponse res = request(Method.POST, "/api/v1/did/enroll", ALL_KEY)
                .header(HeaderNames.create("Idempotency-Key"), "retry-me-1")
                .submit(TestSubjects.enrollBody(3))) {
            assertThat(res.status(), is(Status.CREATED_201));
            assertThat(res.headers().get(HeaderNames.create("Idempotent-Replayed")).get(), is("true"));
            assertThat(res.as(String.class), is(first));
        }
        try (Http1ClientResponse res = request(Method.POST, "/api/v1/did/enroll", ALL_KEY)
                .header(HeaderNames.create("Idempotency-Key"), "retry-me-1")
                .submit(TestSubjects.enrollBody(4))) {
            assertThat(HttpPlumbingContract.problem(res, Status.create(422)).get("code").asText(),
                       is("IDEMPOTENCY_KEY_REUSED"));
        }
    }

    @Test
    void genuineImpressionVerifiesAndImpostorDoesNot() {
        String did = enroll(5);
        JsonNode genuine = verifyFingers(TestSubjects.wallet(5), TestSubjects.impression(5, 99), now());
        assertThat(genuine.toString(), genuine.get("verified").asBoolean(), is(true));
        assertThat(genuine.get("did").asText(), is(did));
        assertThat(genuine.get("method").asText(), is("fingers"));
        assertThat(genuine.get("matched_fingers").size(), is(4));
        assertThat(genuine.get("reason").isNull(), is(true));

        JsonNode impostor = verifyFingers(TestSubjects.wallet(5), TestSubjects.impression(77, 1), now());
        assertThat(impostor.get("verified").asBoolean(), is(false));
        assertThat(impostor.get("reason").asText(), is("no_match"));
        assertThat("no per-finger detail on a failure", impostor.has("matched_fingers"), is(false));
    }

    @Test
    void verifyRejectsStaleTimestampsUnknownSubjectsAndAmbiguousForms() {
        enroll(6);
        try (Http1ClientResponse res = post("/api/v1/did/verify", VERIFY_KEY,
                                            verifyBody(TestSubjects.wallet(6), TestSubjects.impression(6, 1),
                                                       now() - 301))) {
            assertThat(HttpPlumbingContract.problem(res, Status.BAD_REQUEST_400).get("code").asText(),
                       is("STALE_TIMESTAMP"));
        }
        try (Http1ClientResponse res = post("/api/v1/did/verify", VERIFY_KEY,
                                            verifyBody(TestSubjects.wallet(66), TestSubjects.impression(6, 1),
                                                       now()))) {
            HttpPlumbingContract.problem(res, Status.NOT_FOUND_404);
        }
        ObjectNode both = (ObjectNode) parse(verifyBody(TestSubjects.wallet(6), TestSubjects.impression(6, 1), now()));
        both.put("biometric_hash", "00".repeat(32));
        try (Http1ClientResponse res = post("/api/v1/did/verify", VERIFY_KEY, both.toString())) {
            JsonNode problem = HttpPlumbingContract.problem(res, Status.BAD_REQUEST_400);
            assertThat(problem.get("detail").asText(), containsString("exactly one of fingers and biometric_hash"));
        }
    }

    @Test
    void clientProofVerifiesOnceAndPublicDataDoesNotPass() {
        JsonNode enrolled;
        try (Http1ClientResponse res = post("/api/v1/did/enroll", ALL_KEY, TestSubjects.enrollBody(7))) {
            enrolled = json(res);
        }
        String wallet = TestSubjects.wallet(7);
        FusedHelperData helpers = FusedHelperData.fromBase64Url("helpers",
                                                                enrolled.get("helpers").get("data").asText());
        // What a wallet does: reproduce from the helper data it kept and a fresh scan, then prove.
        byte[] proofKey = BiometricEngine.create()
                .reproduceProofKey(wallet, "testnet", helpers, TestSubjects.impression(7, 5)).orElseThrow();
        long timestamp = now();
        String proof = HexFormat.of().formatHex(
                ClientProof.create(proofKey, new SubjectContext(wallet, "testnet"), timestamp));

        JsonNode ok = verifyProof(wallet, proof, timestamp, Status.OK_200);
        assertThat(ok.get("verified").asBoolean(), is(true));
        assertThat(ok.get("method").asText(), is("biometric_hash"));

        try (Http1ClientResponse res = post("/api/v1/did/verify", VERIFY_KEY, proofBody(wallet, proof, timestamp))) {
            assertThat(HttpPlumbingContract.problem(res, Status.CONFLICT_409).get("code").asText(),
                       is("REPLAYED_PROOF"));
        }
        String idHash = enrolled.get("id_hash").asText();
        JsonNode fromPublic = verifyProof(wallet, idHash.substring(0, 64), now(), Status.OK_200);
        assertThat(fromPublic.get("verified").asBoolean(), is(false));
    }

    @Test
    void batchAnswersEachItemInOrder() {
        enroll(8);
        String wallet = TestSubjects.wallet(8);
        String body = "{\"requests\":["
                + verifyBody(wallet, TestSubjects.impression(8, 11), now()) + ","
                + verifyBody(wallet, TestSubjects.impression(81, 2), now()) + ","
                + "{\"wallet_address\":\"addr_test1broken\",\"timestamp\":1,\"fingers\":[]},"
                + verifyBody(TestSubjects.wallet(88), TestSubjects.impression(8, 3), now()) + "]}";
        try (Http1ClientResponse res = post("/api/v1/did/verify/batch", VERIFY_KEY, body)) {
            assertThat(res.status(), is(Status.OK_200));
            JsonNode results = json(res).get("results");
            assertThat(results.size(), is(4));
            assertThat(results.get(0).get("verified").asBoolean(), is(true));
            assertThat(results.get(1).get("verified").asBoolean(), is(false));
            assertThat(results.get(2).get("status").asInt(), is(400));
            assertThat(results.get(2).get("errors").get(0).get("field").asText(), is("requests[2].wallet_address"));
            assertThat(results.get(3).get("status").asInt(), is(404));
        }
    }

    @Test
    void generateIsDeterministicAndMatchesTheOriginalDerivation() {
        // The compat golden vector's commitment: its DID is known from the original toolkit.
        byte[] commitment = org.biodid.compat.CompatDerivation.commitment(
                "addr_test1qpz8j0xfwhm652z0mk7cd5q2tqkvhx5a6h7fr4x6s2c6tw4kz5q03xmysyz",
                List.of(new org.biodid.compat.Finger("left_thumb", List.of(
                                new org.biodid.compat.CompatMinutia(100.5, 200.3, 45.0),
                                new org.biodid.compat.CompatMinutia(150.2, 180.9, 90.5))),
                        new org.biodid.compat.Finger("left_index", List.of(
                                new org.biodid.compat.CompatMinutia(110.2, 210.5, 50.0),
                                new org.biodid.compat.CompatMinutia(160.5, 190.2, 95.5)))));
        String body = "{\"commitment\":\"" + HexFormat.of().formatHex(commitment) + "\",\"network\":\"testnet\"}";
        for (int i = 0; i < 2; i++) {
            try (Http1ClientResponse res = post("/api/v1/did/generate", ENROLL_KEY, body)) {
                assertThat(res.status(), is(Status.OK_200));
                assertThat(json(res).get("did").asText(),
                           is("did:cardano:testnet:Gq7PJJCE1mfzyXDrPkLegkhduPtEnt85E6eF5GBKPctL"));
            }
        }
        try (Http1ClientResponse res = post("/api/v1/did/generate", VERIFY_KEY, "{\"commitment\":\"abcd\"}")) {
            assertThat(HttpPlumbingContract.problem(res, Status.BAD_REQUEST_400).get("errors").get(0).get("field")
                               .asText(), is("commitment"));
        }
    }

    @Test
    void revokeDeactivatesAndFreesTheWallet() {
        String did = enroll(9);
        try (Http1ClientResponse res = request(Method.DELETE, "/api/v1/did/" + did, VERIFY_KEY).request()) {
            assertThat(HttpPlumbingContract.problem(res, Status.FORBIDDEN_403).get("code").asText(), is("FORBIDDEN"));
        }
        try (Http1ClientResponse res = request(Method.DELETE, "/api/v1/did/" + did, ALL_KEY).request()) {
            assertThat(res.status(), is(Status.OK_200));
            assertThat(json(res).get("didDocumentMetadata").get("deactivated").asBoolean(), is(true));
        }
        JsonNode revoked = verifyFingers(TestSubjects.wallet(9), TestSubjects.impression(9, 4), now());
        assertThat(revoked.get("verified").asBoolean(), is(false));
        assertThat(revoked.get("reason").asText(), is("revoked"));
        try (Http1ClientResponse res = client.get("/api/v1/did/" + did).request()) {
            assertThat(res.status(), is(Status.GONE_410));
            assertThat(json(res).get("didDocumentMetadata").get("deactivated").asBoolean(), is(true));
        }
        String again = enroll(9);
        assertThat(again, not(is(did)));
    }

    @Test
    void listsAWalletsDidsNewestFirstWithCursor() {
        String first = enroll(10);
        try (Http1ClientResponse res = request(Method.DELETE, "/api/v1/did/" + first, ALL_KEY).request()) {
            assertThat(res.status(), is(Status.OK_200));
        }
        String second = enroll(10);
        String wallet = TestSubjects.wallet(10);
        JsonNode page1;
        try (Http1ClientResponse res = request(Method.GET, "/api/v1/did", VERIFY_KEY)
                .queryParam("wallet_address", wallet).queryParam("limit", "1").request()) {
            assertThat(res.status(), is(Status.OK_200));
            page1 = json(res);
        }
        assertThat(page1.get("dids").get(0).get("did").asText(), is(second));
        String cursor = page1.get("next_cursor").asText();
        try (Http1ClientResponse res = request(Method.GET, "/api/v1/did", VERIFY_KEY)
                .queryParam("wallet_address", wallet).queryParam("cursor", cursor).request()) {
            JsonNode page2 = json(res);
            assertThat(page2.get("dids").size(), is(1));
            assertThat(page2.get("dids").get(0).get("did").asText(), is(first));
            assertThat(page2.get("next_cursor").isNull(), is(true));
        }
        try (Http1ClientResponse res = request(Method.GET, "/api/v1/did", VERIFY_KEY)
                .queryParam("wallet_address", wallet).queryParam("limit", "101").request()) {
            HttpPlumbingContract.problem(res, Status.BAD_REQUEST_400);
        }
    }

    @Test
    void resolverErrorsUseW3cTypes() {
        try (Http1ClientResponse res = client.get("/api/v1/did/did:cardano:testnet:nope0O").request()) {
            JsonNode problem = HttpPlumbingContract.problem(res, Status.BAD_REQUEST_400);
            assertThat(problem.get("code").asText(), is("INVALID_DID"));
            assertThat(problem.get("didResolutionMetadata").get("error").get("type").asText(),
                       is("https://www.w3.org/ns/did#INVALID_DID"));
        }
        try (Http1ClientResponse res = client.get("/1.0/identifiers/did:web:example.com").request()) {
            assertThat(HttpPlumbingContract.problem(res, Status.NOT_IMPLEMENTED_501).get("code").asText(),
                       is("METHOD_NOT_SUPPORTED"));
        }
        String unknown = org.biodid.did.DidDerivation.derive(new byte[32], org.biodid.did.Network.TESTNET).toString();
        try (Http1ClientResponse res = client.get("/api/v1/did/" + unknown).request()) {
            JsonNode problem = HttpPlumbingContract.problem(res, Status.NOT_FOUND_404);
            assertThat(problem.get("didResolutionMetadata").get("error").get("type").asText(),
                       is("https://www.w3.org/ns/did#NOT_FOUND"));
        }
    }

    @Test
    void protectedRoutesNeedAKeyWithTheRightScope() {
        try (Http1ClientResponse res = client.post("/api/v1/did/enroll")
                .header(HeaderNames.CONTENT_TYPE, "application/json").submit(TestSubjects.enrollBody(11))) {
            assertThat(HttpPlumbingContract.problem(res, Status.UNAUTHORIZED_401).get("code").asText(),
                       is("UNAUTHORIZED"));
        }
        try (Http1ClientResponse res = post("/api/v1/did/enroll", "not-a-real-key-123456", TestSubjects.enrollBody(11))) {
            HttpPlumbingContract.problem(res, Status.UNAUTHORIZED_401);
        }
        try (Http1ClientResponse res = post("/api/v1/did/enroll", VERIFY_KEY, TestSubjects.enrollBody(11))) {
            HttpPlumbingContract.problem(res, Status.FORBIDDEN_403);
        }
        try (Http1ClientResponse res = post("/api/v1/did/verify", ENROLL_KEY, "{}")) {
            HttpPlumbingContract.problem(res, Status.FORBIDDEN_403);
        }
    }

    @Test
    void invalidEnrollmentsNameTheField() {
        ObjectNode body = (ObjectNode) parse(TestSubjects.enrollBody(12));
        body.put("network", "mainnet");
        assertField(body.toString(), "network");
        body = (ObjectNode) parse(TestSubjects.enrollBody(12));
        body.put("wallet_address", TestSubjects.wallet(12).replace('q', 'p'));
        assertField(body.toString(), "wallet_address");
        body = (ObjectNode) parse(TestSubjects.enrollBody(12));
        ((ObjectNode) body.get("fingers").get(1)).put("finger_id", "left_toe");
        assertField(body.toString(), "fingers[1].finger_id");
        body = (ObjectNode) parse(TestSubjects.enrollBody(12));
        ((ObjectNode) body.get("fingers").get(0).get("minutiae").get(3)).put("angle", 360.0);
        assertField(body.toString(), "fingers[0].minutiae[3].angle");
        body = (ObjectNode) parse(TestSubjects.enrollBody(12));
        ((ObjectNode) body.get("fingers").get(0).get("minutiae").get(2)).put("x", "12");
        assertField(body.toString(), "fingers[0].minutiae[2].x");
        body = (ObjectNode) parse(TestSubjects.enrollBody(12));
        body.put("extra", true);
        assertField(body.toString(), "extra");
        body = (ObjectNode) parse(TestSubjects.enrollBody(12));
        ((ObjectNode) body.get("fingers").get(1)).put("finger_id", "left_thumb");
        assertField(body.toString(), "fingers[1].finger_id");
    }

    private void assertField(String body, String field) {
        try (Http1ClientResponse res = post("/api/v1/did/enroll", ALL_KEY, body)) {
            JsonNode problem = HttpPlumbingContract.problem(res, Status.BAD_REQUEST_400);
            assertThat(problem.toString(), problem.get("errors").get(0).get("field").asText(), is(field));
        }
    }

    String enroll(long index) {
        try (Http1ClientResponse res = post("/api/v1/did/enroll", ALL_KEY, TestSubjects.enrollBody(index))) {
            assertThat(res.status(), is(Status.CREATED_201));
            return json(res).get("did").asText();
        }
    }

    JsonNode verifyFingers(String wallet, List<org.biodid.biometrics.FingerScan> scans, long timestamp) {
        try (Http1ClientResponse res = post("/api/v1/did/verify", VERIFY_KEY, verifyBody(wallet, scans, timestamp))) {
            assertThat(res.status(), is(Status.OK_200));
            return json(res);
        }
    }

    JsonNode verifyProof(String wallet, String proof, long timestamp, Status expected) {
        try (Http1ClientResponse res = post("/api/v1/did/verify", VERIFY_KEY, proofBody(wallet, proof, timestamp))) {
            assertThat(res.status(), is(expected));
            return json(res);
        }
    }

    static String verifyBody(String wallet, List<org.biodid.biometrics.FingerScan> scans, long timestamp) {
        ObjectNode body = JSON.createObjectNode();
        body.put("wallet_address", wallet);
        body.put("timestamp", timestamp);
        body.set("fingers", TestSubjects.fingersJson(scans));
        return body.toString();
    }

    static String proofBody(String wallet, String proof, long timestamp) {
        return JSON.createObjectNode()
                .put("wallet_address", wallet)
                .put("timestamp", timestamp)
                .put("biometric_hash", proof)
                .toString();
    }

    Http1ClientResponse post(String path, String key, String body) {
        return request(Method.POST, path, key).submit(body);
    }

    Http1ClientRequest request(Method method, String path, String key) {
        return client.method(method).path(path)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.create("X-API-Key"), key);
    }

    static Status status(Http1ClientResponse res) {
        try (res) {
            return res.status();
        }
    }

    static JsonNode json(Http1ClientResponse res) {
        return parse(res.as(String.class));
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }
}
