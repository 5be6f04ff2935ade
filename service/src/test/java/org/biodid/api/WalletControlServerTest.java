package org.biodid.api;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.biodid.Wiring;
import org.biodid.store.Database;
import org.biodid.store.DatabaseSettings;
import org.biodid.store.WalletChallengeRepository;
import org.biodid.testing.LogCapture;
import org.biodid.testing.OpenApiExchanges;
import org.biodid.testing.TestDatabases;
import org.biodid.testing.TestSubjects;
import org.biodid.wallet.ChallengePayload;
import org.biodid.wallet.Cip30Signer;
import org.biodid.wallet.DataSignature;
import org.biodid.wallet.WalletAction;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * Wallet control through the real HTTP server on PostgreSQL, with signatures required: a signed enrollment, the
 * helper data again and the owner's revocation, and every refusal with its status and stable code.
 */
@ServerTest
class WalletControlServerTest {

    private static final String KEY = "test-key-wallet-all-0001";
    private static final String VERIFY_KEY = "test-key-wallet-verify-0001";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Http1Client client;

    WalletControlServerTest(Http1Client client) {
        this.client = OpenApiExchanges.validating(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Wiring.create(TestDatabases.postgresConfig(Map.of(
                "app.api.keys", KEY + ":enroll+verify+admin," + VERIFY_KEY + ":verify",
                "app.require.wallet.signature", "true",
                "app.db.connection.timeout", "PT15S")), List.of()).start().server(server);
    }

    @BeforeEach
    void clean() {
        TestDatabases.truncateServiceTables();
    }

    @Test
    void signedEnrollmentThenHelperDataThenOwnerRevocation() {
        Cip30Signer wallet = Cip30Signer.random(RANDOM);
        String address = wallet.enterpriseAddress(false);
        JsonNode enrolled;
        try (Http1ClientResponse res = post("/api/v1/did/enroll", enrollBody(address, "testnet",
                                                                            sign(wallet, address, "enroll")))) {
            assertThat(res.status(), is(Status.CREATED_201));
            enrolled = DidApiContract.json(res);
        }
        try (Http1ClientResponse res = post("/api/v1/wallet/helper-data", VERIFY_KEY,
                                            signedBody(address, sign(wallet, address, "fetch-helper-data")))) {
            assertThat(res.status(), is(Status.OK_200));
            JsonNode body = DidApiContract.json(res);
            assertThat(body.get("did"), is(enrolled.get("did")));
            assertThat(body.get("id_hash"), is(enrolled.get("id_hash")));
            assertThat(body.get("helpers"), is(enrolled.get("helpers")));
        }
        try (Http1ClientResponse res = post("/api/v1/wallet/revoke",
                                            signedBody(address, sign(wallet, address, "revoke")))) {
            assertThat(res.status(), is(Status.OK_200));
            assertThat(DidApiContract.json(res).get("revoked").asBoolean(), is(true));
        }
        assertThat(DidApiContract.status(client.get("/api/v1/did/" + enrolled.get("did").asText()).request()),
                   is(Status.GONE_410));
        // nothing left to revoke or fetch: 404 (after a valid signature)
        assertProblem(post("/api/v1/wallet/revoke", signedBody(address, sign(wallet, address, "revoke"))),
                      Status.NOT_FOUND_404, "NOT_FOUND");
    }

    @Test
    void everyWalletRouteWritesAnAuditLineWithoutTheAddress() {
        Cip30Signer wallet = Cip30Signer.random(RANDOM);
        String address = wallet.enterpriseAddress(false);
        List<String> lines;
        try (LogCapture audit = LogCapture.of("org.biodid.audit")) {
            DataSignature enroll = sign(wallet, address, "enroll");
            post("/api/v1/did/enroll", enrollBody(address, "testnet", enroll)).close();
            post("/api/v1/did/enroll", enrollBody(address, "testnet", enroll)).close();
            post("/api/v1/wallet/helper-data", signedBody(address, sign(wallet, address, "fetch-helper-data"))).close();
            post("/api/v1/wallet/revoke", signedBody(address, sign(wallet, address, "revoke"))).close();
            lines = audit.lines();
        }
        List<String> mine = lines.stream().map(l -> DidApiContract.parse(l))
                .map(l -> l.get("audit").asText() + ":" + l.get("outcome").asText()
                        + (l.has("code") ? ":" + l.get("code").asText() : ""))
                .toList();
        assertThat(mine, is(List.of("wallet_challenge:issued", "enroll:created", "enroll:rejected:CHALLENGE_REUSED",
                                    "wallet_challenge:issued", "wallet_helper_data:returned",
                                    "wallet_challenge:issued", "wallet_revoke:revoked")));
        assertThat(lines.stream().anyMatch(l -> l.contains(address)), is(false));
    }

    @Test
    void baseAddressesOnMainnetEnrollToo() {
        Cip30Signer wallet = Cip30Signer.random(RANDOM);
        String address = wallet.baseAddress(true, Cip30Signer.random(RANDOM).keyHash());
        try (Http1ClientResponse res = post("/api/v1/did/enroll", enrollBody(address, "mainnet",
                                                                            sign(wallet, address, "enroll")))) {
            assertThat(res.status(), is(Status.CREATED_201));
            assertThat(DidApiContract.json(res).get("did").asText(), startsWith("did:cardano:mainnet:"));
        }
    }

    @Test
    void enrollmentWithoutSignatureIsRefused() {
        String address = Cip30Signer.random(RANDOM).enterpriseAddress(false);
        assertProblem(post("/api/v1/did/enroll", enrollBody(address, "testnet", null)),
                      Status.BAD_REQUEST_400, "WALLET_SIGNATURE_REQUIRED");
        assertProblem(post("/api/v1/wallet/helper-data", signedBody(address, null)),
                      Status.BAD_REQUEST_400, "WALLET_SIGNATURE_REQUIRED");
        assertProblem(post("/api/v1/wallet/revoke", signedBody(address, null)),
                      Status.BAD_REQUEST_400, "WALLET_SIGNATURE_REQUIRED");
    }

    @Test
    void aChallengeIsRedeemedOnce() {
        Cip30Signer wallet = Cip30Signer.random(RANDOM);
        String address = wallet.enterpriseAddress(false);
        DataSignature signature = sign(wallet, address, "enroll");
        try (Http1ClientResponse res = post("/api/v1/did/enroll", enrollBody(address, "testnet", signature))) {
            assertThat(res.status(), is(Status.CREATED_201));
        }
        assertProblem(post("/api/v1/did/enroll", enrollBody(address, "testnet", signature)),
                      Status.CONFLICT_409, "CHALLENGE_REUSED");
    }

    @Test
    void concurrentRedemptionsOfOneSignatureGiveExactlyOneSuccess() throws Exception {
        Cip30Signer wallet = Cip30Signer.random(RANDOM);
        String address = wallet.enterpriseAddress(false);
        try (Http1ClientResponse res = post("/api/v1/did/enroll", enrollBody(address, "testnet",
                                                                            sign(wallet, address, "enroll")))) {
            assertThat(res.status(), is(Status.CREATED_201));
        }
        String body = signedBody(address, sign(wallet, address, "fetch-helper-data"));
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(() -> DidApiContract.status(post("/api/v1/wallet/helper-data", body)).code());
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> result : pool.invokeAll(attempts)) {
                statuses.merge(result.get(), 1, Integer::sum);
            }
        }
        assertThat(statuses, is(Map.of(200, 1, 409, 19)));
    }

    @Test
    void anExpiredChallengeIsRefused() {
        Cip30Signer wallet = Cip30Signer.random(RANDOM);
        String address = wallet.enterpriseAddress(false);
        Instant expired = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        ChallengePayload payload = new ChallengePayload(WalletAction.ENROLL, address,
                                                        "expired-nonce-aaaaaaaaaaaaaaaaaaaaaaaaaaaaa", expired);
        try (Database db = Database.open(DatabaseSettings.from(TestDatabases.postgresConfig(Map.of())),
                                         java.time.Duration.ofSeconds(1))) {
            new WalletChallengeRepository(db.client()).insert(new WalletChallengeRepository.StoredChallenge(
                    payload.nonce(), address, "enroll", expired.minusSeconds(300), expired, null));
        }
        assertProblem(post("/api/v1/did/enroll", enrollBody(address, "testnet",
                                                            wallet.signChallenge(address, payload.text()))),
                      Status.BAD_REQUEST_400, "CHALLENGE_EXPIRED");
    }

    @Test
    void aChallengeForAnotherActionIsRefused() {
        Cip30Signer wallet = Cip30Signer.random(RANDOM);
        String address = wallet.enterpriseAddress(false);
        assertProblem(post("/api/v1/did/enroll", enrollBody(address, "testnet", sign(wallet, address, "revoke"))),
                      Status.BAD_REQUEST_400, "CHALLENGE_WRONG_ACTION");
        assertProblem(post("/api/v1/wallet/revoke", signedBody(address, sign(wallet, address, "fetch-helper-data"))),
                      Status.BAD_REQUEST_400, "CHALLENGE_WRONG_ACTION");
    }

    @Test
    void aTamperedSignatureIsRefused() {
        Cip30Signer wallet = Cip30Signer.random(RANDOM);
        String address = wallet.enterpriseAddress(false);
        DataSignature good = sign(wallet, address, "enroll");
        String hex = good.signature();
        String last = hex.substring(hex.length() - 2);
        DataSignature tampered = new DataSignature(hex.substring(0, hex.length() - 2)
                + String.format("%02x", Integer.parseInt(last, 16) ^ 0x80), good.key());
        assertProblem(post("/api/v1/did/enroll", enrollBody(address, "testnet", tampered)),
                      Status.FORBIDDEN_403, "WALLET_SIGNATURE_INVALID");
        // the refused attempt did not burn the challenge: the genuine signature still works
        try (Http1ClientResponse res = post("/api/v1/did/enroll", enrollBody(address, "testnet", good))) {
            assertThat(res.status(), is(Status.CREATED_201));
        }
    }

    @Test
    void anotherWalletsSignatureIsRefused() {
        Cip30Signer victim = Cip30Signer.random(RANDOM);
        Cip30Signer attacker = Cip30Signer.random(RANDOM);
        String victimAddress = victim.enterpriseAddress(false);
        String attackerAddress = attacker.enterpriseAddress(false);
        // the attacker's own valid signature, presented for the victim's address
        assertProblem(post("/api/v1/did/enroll", enrollBody(victimAddress, "testnet",
                                                            sign(attacker, attackerAddress, "enroll"))),
                      Status.FORBIDDEN_403, "WALLET_ADDRESS_MISMATCH");
        // the attacker's key, naming the victim's address in the header
        assertProblem(post("/api/v1/did/enroll", enrollBody(victimAddress, "testnet",
                                                            sign(attacker, victimAddress, "enroll"))),
                      Status.FORBIDDEN_403, "WALLET_KEY_MISMATCH");
        // the attacker signs, with their own wallet, the nonce of a challenge issued for the victim
        ChallengePayload victims = challenge(victimAddress, "enroll");
        ChallengePayload forged = new ChallengePayload(WalletAction.ENROLL, attackerAddress, victims.nonce(),
                                                       victims.expires());
        assertProblem(post("/api/v1/did/enroll", enrollBody(attackerAddress, "testnet",
                                                            attacker.signChallenge(attackerAddress, forged.text()))),
                      Status.FORBIDDEN_403, "WALLET_ADDRESS_MISMATCH");
    }

    @Test
    void anotherWalletCanNeitherFetchTheHelperDataNorRevoke() {
        Cip30Signer victim = Cip30Signer.random(RANDOM);
        Cip30Signer attacker = Cip30Signer.random(RANDOM);
        String victimAddress = victim.enterpriseAddress(false);
        String attackerAddress = attacker.enterpriseAddress(false);
        String did;
        try (Http1ClientResponse res = post("/api/v1/did/enroll", enrollBody(victimAddress, "testnet",
                                                                            sign(victim, victimAddress, "enroll")))) {
            assertThat(res.status(), is(Status.CREATED_201));
            did = DidApiContract.json(res).get("did").asText();
        }
        for (String action : List.of("fetch-helper-data", "revoke")) {
            String route = action.equals("revoke") ? "/api/v1/wallet/revoke" : "/api/v1/wallet/helper-data";
            // the attacker's own valid signature, presented for the victim's address
            assertProblem(post(route, signedBody(victimAddress, sign(attacker, attackerAddress, action))),
                          Status.FORBIDDEN_403, "WALLET_ADDRESS_MISMATCH");
            // the attacker's key, naming the victim's address in the header, over a challenge issued to the victim
            assertProblem(post(route, signedBody(victimAddress, sign(attacker, victimAddress, action))),
                          Status.FORBIDDEN_403, "WALLET_KEY_MISMATCH");
            // no signature at all
            assertProblem(post(route, signedBody(victimAddress, null)), Status.BAD_REQUEST_400,
                          "WALLET_SIGNATURE_REQUIRED");
        }
        assertThat(DidApiContract.status(client.get("/api/v1/did/" + did).request()), is(Status.OK_200));
    }

    @Test
    void malformedSignaturesAndPayloadsAreRefused() {
        Cip30Signer wallet = Cip30Signer.random(RANDOM);
        String address = wallet.enterpriseAddress(false);
        DataSignature good = sign(wallet, address, "enroll");
        assertProblem(post("/api/v1/did/enroll", enrollBody(address, "testnet", new DataSignature("d9", good.key()))),
                      Status.BAD_REQUEST_400, "WALLET_SIGNATURE_MALFORMED");
        assertProblem(post("/api/v1/did/enroll", enrollBody(address, "testnet",
                                                            new DataSignature(good.signature(), "a0"))),
                      Status.BAD_REQUEST_400, "WALLET_SIGNATURE_MALFORMED");
        assertProblem(post("/api/v1/did/enroll", enrollBody(address, "testnet",
                                                            wallet.signChallenge(address, "let me in"))),
                      Status.BAD_REQUEST_400, "CHALLENGE_MALFORMED");
        ChallengePayload neverIssued = new ChallengePayload(WalletAction.ENROLL, address,
                                                            "never-issued-nonce-aaaaaaaaaaaaaaaaaaaaaaaa",
                                                            Instant.now().plusSeconds(60)
                                                                    .truncatedTo(ChronoUnit.SECONDS));
        assertProblem(post("/api/v1/did/enroll", enrollBody(address, "testnet",
                                                            wallet.signChallenge(address, neverIssued.text()))),
                      Status.BAD_REQUEST_400, "CHALLENGE_UNKNOWN");
        assertProblem(post("/api/v1/wallet/challenges", "{\"wallet_address\":\"" + address
                + "\",\"action\":\"transfer\"}"), Status.BAD_REQUEST_400, "VALIDATION_FAILED");
    }

    private ChallengePayload challenge(String address, String action) {
        try (Http1ClientResponse res = post("/api/v1/wallet/challenges",
                                            "{\"wallet_address\":\"" + address + "\",\"action\":\"" + action + "\"}")) {
            assertThat(res.status(), is(Status.CREATED_201));
            JsonNode body = DidApiContract.json(res);
            assertThat(body.get("action").asText(), is(action));
            assertThat(body.get("wallet_address").asText(), is(address));
            return new ChallengePayload(WalletAction.parse(action).orElseThrow(), address,
                                        body.get("nonce").asText(), Instant.parse(body.get("expires_at").asText()));
        }
    }

    private DataSignature sign(Cip30Signer wallet, String address, String action) {
        ChallengePayload challenge = challenge(address, action);
        return wallet.signChallenge(address, challenge.text());
    }

    private static String enrollBody(String address, String network, DataSignature signature) {
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        body.put("wallet_address", address);
        body.put("network", network);
        body.set("fingers", TestSubjects.fingersJson(TestSubjects.masters(RANDOM.nextInt(1000))));
        putSignature(body, signature);
        return body.toString();
    }

    private static String signedBody(String address, DataSignature signature) {
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        body.put("wallet_address", address);
        putSignature(body, signature);
        return body.toString();
    }

    private static void putSignature(ObjectNode body, DataSignature signature) {
        if (signature != null) {
            body.putObject("wallet_signature").put("signature", signature.signature()).put("key", signature.key());
        }
    }

    private Http1ClientResponse post(String path, String body) {
        return post(path, KEY, body);
    }

    private Http1ClientResponse post(String path, String key, String body) {
        return client.post(path)
                .header(HeaderNames.create("X-API-Key"), key)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit(body);
    }

    private static void assertProblem(Http1ClientResponse response, Status status, String code) {
        try (Http1ClientResponse res = response) {
            JsonNode body = DidApiContract.json(res);
            assertThat(body.toString(), res.status(), is(status));
            assertThat(body.get("code").asText(), is(code));
            assertThat(res.headers().contentType().orElseThrow().text(), is("application/problem+json"));
        }
    }
}
