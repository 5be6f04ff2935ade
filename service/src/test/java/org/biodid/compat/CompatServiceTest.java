package org.biodid.compat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.biodid.api.ErrorHandling;
import org.biodid.did.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * The compatibility routes over HTTP (in memory), with the golden vector of compat-vectors.md.
 */
@RoutingTest
class CompatServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-28T02:29:53.123456Z");

    private static final String WALLET = CompatDerivationTest.WALLET;
    private static final String FINGERS = """
            [{"finger_id": "left_thumb", "minutiae": [[100.5, 200.3, 45.0], [150.2, 180.9, 90.5]]},
             {"finger_id": "left_index", "minutiae": [[110.2, 210.5, 50.0], [160.5, 190.2, 95.5]]}]""";
    private static final String HELPERS = """
            {"left_thumb": {"finger_id": "left_thumb", "salt_b64": "10pZSiM_wmwXXv4m8JmScQ",
                            "auth_b64": "4HKw3bRWHyyipbkkB81l5z2E2LYLMUJTLKPlUVB3Dr0",
                            "grid_size": 0.05, "angle_bins": 32},
             "left_index": {"finger_id": "left_index", "salt_b64": "mD0iQkcFys7ul-rMLCyaRg",
                            "auth_b64": "HgboLlwxRZZgYUlkjWNbb7WaHSAuPuSgIa8Nc80kloM",
                            "grid_size": 0.05, "angle_bins": 32}}""";
    private static final String ID_HASH = CompatDerivationTest.GOLDEN_ID_HASH;
    /* sha256("did:cardano:testnet:Gq7P…:2026-11-28T02:29:53.123456+00:00:BLmc…"), as the original servers wrote it. */
    private static final String GOLDEN_TX_HASH = "1462a3fc0608b8892f1571a974c6ae268c432d87bcdf6b3df3dc3fd667560731";

    private final DirectClient client;

    CompatServiceTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        // Configured as preprod: the original writes it as testnet, so the golden DID must still come out.
        ErrorHandling.register(routing);
        routing.register("/api/biometric", new CompatService(Network.PREPROD, Clock.fixed(NOW, ZoneOffset.UTC)));
        routing.register("/mainnet/api/biometric", new CompatService(Network.MAINNET, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @Test
    void generateGoldenVector() throws Exception {
        Answer answer = post("/generate", """
                {"wallet_address": "%s", "storage": "inline", "format": "json", "fingers": %s}"""
                .formatted(WALLET, FINGERS));
        assertThat(answer.status(), is(Status.OK_200));
        assertThat(answer.contentType(), startsWith("application/json"));
        JsonNode expected = JSON.readTree("""
                {"did": "%s",
                 "id_hash": "%s",
                 "wallet_address": "%s",
                 "helpers": %s,
                 "metadata_cip30_inline": {
                   "version": "1.1",
                   "walletAddress": "%s",
                   "controllers": ["%s"],
                   "enrollmentTimestamp": "2026-11-28T02:29:53.123456+00:00",
                   "biometric": {"idHash": "%s", "helperStorage": "inline", "helperData": %s},
                   "revoked": false,
                   "revokedAt": null},
                 "tx_hash": "%s"}"""
                .formatted(CompatDerivationTest.GOLDEN_DID, ID_HASH, WALLET, HELPERS, WALLET, WALLET, ID_HASH, HELPERS,
                           GOLDEN_TX_HASH));
        assertThat(answer.json(), is(expected));
        // Field order as the original's pydantic models.
        assertThat(answer.body(), startsWith("{\"did\":\"did:cardano:testnet:Gq7PJJ"));
    }

    /*
     * Request bodies printed by CPython's json.dumps and the DIDs CPython computes for them, with
     * floats in every range where Java's and Python's float text differ, and a non-ASCII finger id.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"wallet_address\": \"addr1qx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer3n0d3vllmyqwsx5wktcd8cc3sq835lu7drv2xwl2wywfgse35a3x\", \"fingers\": [{\"finger_id\": \"right_thumb\", \"minutiae\": [[1e-05, 1e+16, 0.0001], [0.1, -0.0, 5e-324]]}, {\"finger_id\": \"right_index\", \"minutiae\": [[1234567890123456.0, 12345678.9, 359.99999999999994]]}]}"
                    + "|did:cardano:mainnet:7NLdqkKZz7RASH5ZvDdQszczRTLgkpGmDHkUP5exNQQM",
            "{\"wallet_address\": \"addr_test1vz09v9yfxguvlp0zsnrpa3tdtm7el8xufp3m5lsm7qxzclgmzkket\", \"fingers\": [{\"finger_id\": \"left_ring\", \"minutiae\": [[2047.5, 0.5, 180.0], [2047.5, 0.5, 180.0], [2047.5, 0.5, 180.0]]}, {\"finger_id\": \"pouce_\\u00e9\", \"minutiae\": [[1.7976931348623157e+308, 2.2250738585072014e-308, 1e+22]]}]}"
                    + "|did:cardano:mainnet:9kFC2qAHk7m8R7ykcKESLZi1V1UNbupv8DUrVLFarWtg"
    })
    void didsMatchCPython(String body, String did) throws Exception {
        Answer answer = postTo("/mainnet/api/biometric/generate", body);
        assertThat(answer.body(), answer.status(), is(Status.OK_200));
        assertThat(answer.json().get("did").textValue(), is(did));
    }

    @Test
    void integersGiveTheSameDidAsFloats() throws Exception {
        String asFloats = post("/generate", generateBody("[[100.0, 200.0, 45.0], [150.0, 180.0, 90.0]]"))
                .json().get("did").textValue();
        String asInts = post("/generate", generateBody("[[100, 200, 45], [150, 180, 90]]"))
                .json().get("did").textValue();
        assertThat(asInts, is(asFloats));
    }

    @Test
    void externalStorageOmitsHelperData() throws Exception {
        Answer answer = post("/generate", """
                {"wallet_address": "%s", "storage": "external", "fingers": %s}""".formatted(WALLET, FINGERS));
        assertThat(answer.status(), is(Status.OK_200));
        JsonNode biometric = answer.json().get("metadata_cip30_inline").get("biometric");
        assertThat(biometric.get("helperStorage").textValue(), is("external"));
        assertThat(biometric.get("helperData").isNull(), is(true));
        assertThat(answer.json().get("helpers").get("left_thumb").get("salt_b64").textValue(),
                   is("10pZSiM_wmwXXv4m8JmScQ"));
    }

    @Test
    void verifyGoldenVectorSucceeds() throws Exception {
        Answer answer = post("/verify", """
                {"fingers": %s, "helpers": %s, "expected_id_hash": "%s"}""".formatted(FINGERS, HELPERS, ID_HASH));
        assertThat(answer.status(), is(Status.OK_200));
        assertThat(answer.json(), is(JSON.readTree("""
                {"success": true, "matched_fingers": ["left_thumb", "left_index"],
                 "unmatched_fingers": [], "error": null}""")));
    }

    @Test
    void verifyHashMismatch() throws Exception {
        String tampered = HELPERS.replace("10pZSiM_wmwXXv4m8JmScQ", "AAAAAAAAAAAAAAAAAAAAAA");
        Answer answer = post("/verify", """
                {"fingers": %s, "helpers": %s, "expected_id_hash": "%s"}""".formatted(FINGERS, tampered, ID_HASH));
        assertThat(answer.status(), is(Status.OK_200));
        assertThat(answer.json(), is(JSON.readTree("""
                {"success": false, "matched_fingers": ["left_thumb", "left_index"],
                 "unmatched_fingers": [], "error": "Helper data hash mismatch"}""")));
    }

    @Test
    void verifyInsufficientMatches() throws Exception {
        String fingers = """
                [{"finger_id": "left_thumb", "minutiae": [[1, 2, 3]]},
                 {"finger_id": "right_ring", "minutiae": [[1, 2, 3]]}]""";
        Answer answer = post("/verify", """
                {"fingers": %s, "helpers": %s, "expected_id_hash": "%s"}""".formatted(fingers, HELPERS, ID_HASH));
        assertThat(answer.status(), is(Status.OK_200));
        assertThat(answer.json(), is(JSON.readTree("""
                {"success": false, "matched_fingers": ["left_thumb"],
                 "unmatched_fingers": ["right_ring"], "error": "Insufficient matching fingerprints"}""")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // body | offending field
            "[] | body",
            "{\"wallet_address\": \"WALLET\"} | fingers",
            "{\"wallet_address\": \"WALLET\", \"fingers\": []} | fingers",
            "{\"wallet_address\": \"WALLET\", \"fingers\": {}} | fingers",
            "{\"wallet_address\": \"short\", \"fingers\": FINGERS} | wallet_address",
            "{\"wallet_address\": 12345678901, \"fingers\": FINGERS} | wallet_address",
            "{\"fingers\": FINGERS} | wallet_address",
            "{\"wallet_address\": \"WALLET\", \"fingers\": FINGERS, \"storage\": \"ipfs\"} | storage",
            "{\"wallet_address\": \"WALLET\", \"fingers\": FINGERS, \"storage\": null} | storage",
            "{\"wallet_address\": \"WALLET\", \"fingers\": [{\"minutiae\": [[1, 2, 3]]}]} | fingers[0].finger_id",
            "{\"wallet_address\": \"WALLET\", \"fingers\": [{\"finger_id\": \"f\", \"minutiae\": []}]} | fingers[0].minutiae",
            "{\"wallet_address\": \"WALLET\", \"fingers\": [{\"finger_id\": \"f\", \"minutiae\": [[1, 2]]}]} | fingers[0].minutiae[0]",
            "{\"wallet_address\": \"WALLET\", \"fingers\": [{\"finger_id\": \"f\", \"minutiae\": [[1, 2, 3, 4]]}]} | fingers[0].minutiae[0]",
            "{\"wallet_address\": \"WALLET\", \"fingers\": [{\"finger_id\": \"f\", \"minutiae\": [[1, \"2\", 3]]}]} | fingers[0].minutiae[0][1]",
            "{\"wallet_address\": \"WALLET\", \"fingers\": [{\"finger_id\": \"f\", \"minutiae\": [[1, 2, true]]}]} | fingers[0].minutiae[0][2]",
            "{\"wallet_address\": \"WALLET\", \"fingers\": [{\"finger_id\": \"f\", \"minutiae\": [[1e999, 2, 3]]}]} | fingers[0].minutiae[0][0]",
            "{\"wallet_address\": \"WALLET\", \"fingers\": [{\"finger_id\": \"\\ud800\", \"minutiae\": [[1, 2, 3]]}]} | fingers[0].finger_id"
    })
    void malformedGenerateIs400NamingTheField(String body, String field) throws Exception {
        assertProblem(post("/generate", body.replace("WALLET", WALLET).replace("FINGERS", FINGERS)), field);
    }

    @Test
    void elevenFingersAreTooMany() throws Exception {
        String finger = "{\"finger_id\": \"f\", \"minutiae\": [[1, 2, 3]]}";
        String ten = "[" + (finger + ",").repeat(9) + finger + "]";
        String eleven = "[" + (finger + ",").repeat(10) + finger + "]";
        assertThat(post("/generate", generateBodyWithFingers(ten)).status(), is(Status.OK_200));
        assertProblem(post("/generate", generateBodyWithFingers(eleven)), "fingers");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"fingers\": FINGERS, \"helpers\": HELPERS} | expected_id_hash",
            "{\"fingers\": FINGERS, \"helpers\": HELPERS, \"expected_id_hash\": \"tooshort\"} | expected_id_hash",
            "{\"fingers\": FINGERS, \"helpers\": {}, \"expected_id_hash\": \"ID_HASH\"} | helpers",
            "{\"fingers\": FINGERS, \"helpers\": [], \"expected_id_hash\": \"ID_HASH\"} | helpers",
            "{\"fingers\": FINGERS, \"helpers\": {\"left_thumb\": {\"finger_id\": \"left_thumb\"}}, \"expected_id_hash\": \"ID_HASH\"} | helpers.left_thumb.salt_b64",
            "{\"fingers\": [], \"helpers\": HELPERS, \"expected_id_hash\": \"ID_HASH\"} | fingers"
    })
    void malformedVerifyIs400NamingTheField(String body, String field) throws Exception {
        assertProblem(post("/verify", body.replace("FINGERS", FINGERS).replace("HELPERS", HELPERS)
                .replace("ID_HASH", ID_HASH)), field);
    }

    @Test
    void brokenJsonIs400() throws Exception {
        Answer answer = post("/verify", "{\"fingers\": [");
        assertThat(answer.status(), is(Status.BAD_REQUEST_400));
        assertThat(answer.contentType(), startsWith("application/problem+json"));
        assertThat(answer.json().get("code").textValue(), is("MALFORMED_JSON"));
    }

    /*
     * Bodies the original answered with 422 or a 500: here every one is a 400 problem, never a 500.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "null",
            "\"text\"",
            "123",
            "{\"fingers\": null, \"wallet_address\": null}",
            "{\"fingers\": [null], \"helpers\": null, \"expected_id_hash\": null}",
            "{\"fingers\": [{\"finger_id\": \"a\", \"minutiae\": [null]}]}",
            "{\"fingers\": [{\"finger_id\": \"a\", \"minutiae\": [[1, 2, {}]]}]}",
            "{\"fingers\": [{\"finger_id\": [], \"minutiae\": [[1, 2, 3]]}]}",
            "{\"fingers\": [{\"finger_id\": \"a\", \"minutiae\": [[1, 2, 3]]}], \"helpers\": {\"a\": null}}",
            "{\"fingers\": [{\"finger_id\": \"a\", \"minutiae\": [[1, 2, 3]]}], \"helpers\": {\"a\": {\"finger_id\": \"a\", \"salt_b64\": \"s\", \"auth_b64\": \"t\", \"grid_size\": 0.05, \"angle_bins\": 3.5}}, \"expected_id_hash\": \"ID_HASH\"}",
            "{\"fingers\": [{\"finger_id\": \"a\", \"minutiae\": [[1, 2, 3]]}], \"wallet_address\": \"WALLET\", \"fingers\": []}",
            "{\"fingers\": [{\"finger_id\": \"a\", \"minutiae\": [[1HUGE, 2, 3]]}], \"wallet_address\": \"WALLET\"}",
            "DEEP"
    })
    void hostileBodiesAre400NeverA500(String body) throws Exception {
        String json = body.replace("WALLET", WALLET).replace("ID_HASH", ID_HASH)
                .replace("HUGE", "0".repeat(400))
                .replace("DEEP", "[".repeat(200) + "]".repeat(200));
        for (String path : new String[] {"/generate", "/verify"}) {
            Answer answer = post(path, json);
            assertThat(path + " " + answer.body(), answer.status(), is(Status.BAD_REQUEST_400));
            assertThat(answer.contentType(), startsWith("application/problem+json"));
        }
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        try (Http1ClientResponse res = client.post("/api/biometric/generate")
                .header(HeaderNames.CONTENT_TYPE, "text/plain")
                .submit("{}")) {
            assertThat(res.status(), is(Status.UNSUPPORTED_MEDIA_TYPE_415));
        }
    }

    private void assertProblem(Answer answer, String field) throws Exception {
        assertThat(answer.body(), answer.status(), is(Status.BAD_REQUEST_400));
        assertThat(answer.contentType(), startsWith("application/problem+json"));
        JsonNode problem = answer.json();
        assertThat(problem.get("status").intValue(), is(400));
        assertThat(problem.get("code").textValue(), is("VALIDATION_FAILED"));
        assertThat(answer.body(), problem.get("errors").get(0).get("field").textValue(), is(field));
    }

    private static String generateBodyWithFingers(String fingers) {
        return """
                {"wallet_address": "%s", "fingers": %s}""".formatted(WALLET, fingers);
    }

    private static String generateBody(String minutiae) {
        return """
                {"wallet_address": "%s", "fingers": [{"finger_id": "left_thumb", "minutiae": %s}]}"""
                .formatted(WALLET, minutiae);
    }

    private Answer post(String path, String body) throws Exception {
        return postTo("/api/biometric" + path, body);
    }

    private Answer postTo(String fullPath, String body) throws Exception {
        try (Http1ClientResponse res = client.post(fullPath)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit(body)) {
            String text = res.as(String.class);
            String contentType = res.headers().contentType().map(type -> type.text()).orElse("");
            return new Answer(res.status(), contentType, text);
        }
    }

    private record Answer(Status status, String contentType, String body) {

        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }
}
