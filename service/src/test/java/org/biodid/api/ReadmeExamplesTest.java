package org.biodid.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.biodid.Wiring;
import org.biodid.testing.OpenApiExchanges;
import org.biodid.testing.TestDatabases;
import org.biodid.wallet.DevWallet;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * The README's curl walk-through, request for request, against the embedded H2 default (wallet signatures required):
 * signed enroll, unsigned refused, resolve, verify genuine and impostor, batch, generate, list, helper data again,
 * the owner's revocation, resolve 410, verify revoked, re-enroll, admin revocation.
 */
@ServerTest
class ReadmeExamplesTest {

    private static final String KEY = "dev-key-change-me-0001";
    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    private final Http1Client client;

    ReadmeExamplesTest(Http1Client client) {
        this.client = OpenApiExchanges.validating(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) throws IOException {
        Path dataDir = Files.createTempDirectory("biodid-readme-");
        Wiring.create(TestDatabases.h2Config(dataDir, Map.of("app.api.keys", KEY + ":enroll+verify+admin",
                                                                // the embedded default, as run-service.sh runs it
                                                                "app.require.wallet.signature", "true")),
                      java.util.List.of()).start().server(server);
    }

    @Test
    void theWalkThroughAnswersAsDocumented() throws IOException {
        String enroll = example("enroll.json");
        String wallet = DidApiContract.parse(enroll).get("wallet_address").asText();
        assertThat("the examples are for the development wallet's address",
                   DevWallet.signer().enterpriseAddress(false), is(wallet));
        String did;
        try (Http1ClientResponse res = post("/api/v1/did/enroll", signed("enroll", enroll))) {
            assertThat(res.status(), is(Status.CREATED_201));
            did = DidApiContract.json(res).get("did").asText();
        }
        try (Http1ClientResponse res = post("/api/v1/did/enroll", enroll)) {
            assertThat(res.status(), is(Status.BAD_REQUEST_400));
            assertThat(DidApiContract.json(res).get("code").asText(), is("WALLET_SIGNATURE_REQUIRED"));
        }
        try (Http1ClientResponse res = post("/api/v1/did/enroll", signed("enroll", enroll))) {
            assertThat(res.status(), is(Status.CONFLICT_409));
            assertThat(DidApiContract.json(res).get("code").asText(), is("DID_ALREADY_ENROLLED"));
        }

        assertThat(status(client.get("/api/v1/did/" + did).request()), is(Status.OK_200));
        try (Http1ClientResponse res = client.get("/api/v1/did/" + did)
                .header(HeaderNames.ACCEPT, "application/did").request()) {
            assertThat(DidApiContract.json(res).get("id").asText(), is(did));
        }
        assertThat(status(client.get("/1.0/identifiers/" + did).request()), is(Status.OK_200));

        assertThat(verify(now("verify-genuine.json")).get("verified").asBoolean(), is(true));
        JsonNode impostor = verify(now("verify-impostor.json"));
        assertThat(impostor.get("verified").asBoolean(), is(false));
        assertThat(impostor.get("reason").asText(), is("no_match"));

        String batch = "{\"requests\":[" + now("verify-genuine.json") + "," + now("verify-impostor.json") + "]}";
        try (Http1ClientResponse res = post("/api/v1/did/verify/batch", batch)) {
            JsonNode results = DidApiContract.json(res).get("results");
            assertThat(results.get(0).get("verified").asBoolean(), is(true));
            assertThat(results.get(1).get("verified").asBoolean(), is(false));
        }

        try (Http1ClientResponse res = post("/api/v1/did/generate",
                                            "{\"commitment\":\"00112233445566778899aabbccddeeff\",\"network\":\"testnet\"}")) {
            assertThat(res.status(), is(Status.OK_200));
        }

        try (Http1ClientResponse res = client.get("/api/v1/did").queryParam("wallet_address", wallet)
                .queryParam("limit", "10").header(HeaderNames.create("X-API-Key"), KEY).request()) {
            assertThat(DidApiContract.json(res).get("dids").get(0).get("did").asText(), is(did));
        }

        try (Http1ClientResponse res = post("/api/v1/wallet/helper-data", walletRequest(wallet, "fetch-helper-data"))) {
            assertThat(res.status(), is(Status.OK_200));
            assertThat(DidApiContract.json(res).get("did").asText(), is(did));
        }

        try (Http1ClientResponse res = post("/api/v1/wallet/revoke", walletRequest(wallet, "revoke"))) {
            assertThat(res.status(), is(Status.OK_200));
        }
        assertThat(status(client.get("/api/v1/did/" + did).request()), is(Status.GONE_410));
        assertThat(verify(now("verify-genuine.json")).get("reason").asText(), is("revoked"));
        String again;
        try (Http1ClientResponse res = post("/api/v1/did/enroll", signed("enroll", enroll))) {
            assertThat(res.status(), is(Status.CREATED_201));
            again = DidApiContract.json(res).get("did").asText();
            assertThat(again, not(is(did)));
        }
        try (Http1ClientResponse res = client.method(Method.DELETE).path("/api/v1/did/" + again)
                .header(HeaderNames.create("X-API-Key"), KEY).request()) {
            assertThat(res.status(), is(Status.OK_200));
        }
    }

    /** What the README's {@code signature} shell function does: a challenge, signed by the development wallet. */
    private String signature(String wallet, String action) throws IOException {
        try (Http1ClientResponse res = post("/api/v1/wallet/challenges",
                                            "{\"wallet_address\":\"" + wallet + "\",\"action\":\"" + action + "\"}")) {
            assertThat(res.status(), is(Status.CREATED_201));
            return DevWallet.sign(res.as(String.class));
        }
    }

    /** What the README's {@code signed} shell function does: the signature put first into a request file. */
    private String signed(String action, String example) throws IOException {
        String wallet = DidApiContract.parse(example).get("wallet_address").asText();
        return example.replaceFirst("^\\{", java.util.regex.Matcher.quoteReplacement(
                "{\"wallet_signature\" : " + signature(wallet, action) + ","));
    }

    private String walletRequest(String wallet, String action) throws IOException {
        return "{\"wallet_address\":\"" + wallet + "\",\"wallet_signature\":" + signature(wallet, action) + "}";
    }

    private JsonNode verify(String body) {
        try (Http1ClientResponse res = post("/api/v1/did/verify", body)) {
            assertThat(res.status(), is(Status.OK_200));
            return DidApiContract.json(res);
        }
    }

    private Http1ClientResponse post(String path, String body) {
        return client.post(path)
                .header(HeaderNames.create("X-API-Key"), KEY)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit(body);
    }

    private static Status status(Http1ClientResponse res) {
        return DidApiContract.status(res);
    }

    /** What the README's {@code now} shell function does. */
    private static String now(String file) {
        return example(file).replace("\"timestamp\" : 0", "\"timestamp\" : " + Instant.now().getEpochSecond());
    }

    private static String example(String file) {
        try {
            return Files.readString(EXAMPLES.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
