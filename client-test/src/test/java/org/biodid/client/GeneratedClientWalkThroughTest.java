package org.biodid.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.biodid.Wiring;
import org.biodid.client.api.DidApi;
import org.biodid.client.api.ResolutionApi;
import org.biodid.client.api.WalletApi;
import org.biodid.client.model.EnrollRequest;
import org.biodid.client.model.EnrollResponse;
import org.biodid.client.model.GenerateRequest;
import org.biodid.client.model.Network;
import org.biodid.client.model.Problem;
import org.biodid.client.model.ProblemCode;
import org.biodid.client.model.ResolutionResult;
import org.biodid.client.model.RevokeResponse;
import org.biodid.client.model.VerifyBatchRequest;
import org.biodid.client.model.VerifyBatchResponse;
import org.biodid.client.model.VerifyRequest;
import org.biodid.client.model.VerifyResponse;
import org.biodid.client.model.WalletAction;
import org.biodid.client.model.WalletChallenge;
import org.biodid.client.model.WalletChallengeRequest;
import org.biodid.client.model.WalletSignature;
import org.biodid.client.model.WalletSignedRequest;
import org.biodid.wallet.DataSignature;
import org.biodid.wallet.DevWallet;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A consumer's first day: the client generated from the OpenAPI document runs the README's walk-through (enroll,
 * resolve, verify, batch, generate, the wallet owner's helper data, list, revoke) against the real service on a free
 * port, with the embedded H2 database that is the README's default.
 */
class GeneratedClientWalkThroughTest {

    private static final String KEY = "dev-key-change-me-0001";
    /** The generator's input (see pom.xml). */
    private static final Path OPENAPI = Path.of(System.getProperty("biodid.openapi"));
    private static final Path EXAMPLES = Path.of(System.getProperty("biodid.examples"));

    private static WebServer server;
    private static ApiClient apiClient;

    @BeforeAll
    static void startService() throws IOException {
        Map<String, String> settings = Map.of(
                "server.port", "0",
                "server.host", "localhost",
                "server.shutdown-grace-period", "PT0.5S",
                "app.data.dir", Files.createTempDirectory("biodid-client-test-").toString(),
                "app.api.keys", KEY + ":enroll+verify+admin",
                // The README's walk-through enrolls without a wallet signature.
                "app.require.wallet.signature", "false");
        Config config = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(settings))
                .addSource(ConfigSources.classpath("application.yaml"))
                .build();
        Wiring wiring = Wiring.create(config).start();
        server = WebServer.builder().update(wiring::server).build().start();
        apiClient = new ApiClient();
        // The batch's results are oneOf(VerifyResponse, Problem). The generated deserializer tells them apart only
        // by which class reads the JSON without error, so unknown properties must be errors (our answers are closed
        // shapes: additionalProperties false). With the default (ignore them) both classes match and it gives up.
        apiClient.setObjectMapper(ApiClient.createDefaultObjectMapper()
                                          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        apiClient.updateBaseUri("http://localhost:" + server.port());
        apiClient.setRequestInterceptor(request -> request.header("X-API-Key", KEY));
    }

    @AfterAll
    static void stopService() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void theServedDocumentIsTheGeneratorsInput() throws Exception {
        HttpResponse<String> served = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/openapi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode(), is(200));
        assertThat(served.body(), is(Files.readString(OPENAPI)));
    }

    @Test
    void theReadmeWalkThrough() throws Exception {
        DidApi did = new DidApi(apiClient);
        ResolutionApi resolution = new ResolutionApi(apiClient);

        // enroll: 201 with the DID, helper data and CIP-20 metadata
        EnrollRequest enrollment = example("enroll.json", EnrollRequest.class);
        EnrollResponse enrolled = did.enroll(enrollment, null);
        String id = enrolled.getDid();
        assertThat(id, startsWith("did:cardano:testnet:"));
        assertThat(enrolled.getWalletAddress(), is(enrollment.getWalletAddress()));
        assertThat(enrolled.getNetwork(), is(Network.TESTNET));
        assertThat(enrolled.getHelpers().getFingers().size(), is(enrollment.getFingers().size()));
        assertThat(enrolled.getMetadata().get674().getDid(), is(id));
        assertThat(enrolled.getMetadata().get674().getBiometric().getIdHash(), is(enrolled.getIdHash()));

        // the same again: 409 DID_ALREADY_ENROLLED
        assertThat(problem(assertThrows(ApiException.class, () -> did.enroll(enrollment, null)), 409).getCode(),
                   is(ProblemCode.DID_ALREADY_ENROLLED));

        // resolve (public), also through the Universal Resolver route
        ResolutionResult resolved = resolution.resolve(id);
        assertThat(resolved.getDidDocument().getId(), is(id));
        assertThat(resolved.getDidDocumentMetadata().getDeactivated(), is(false));
        assertThat(resolution.resolveUniversal(id).getDidDocument().getId(), is(id));

        // verify a fresh scan of the same fingers, and an impostor's
        VerifyResponse genuine = did.verify(now(example("verify-genuine.json", VerifyRequest.class)));
        assertThat(genuine.getVerified(), is(true));
        assertThat(genuine.getDid(), is(id));
        assertThat(genuine.getReason(), is(nullValue()));
        VerifyResponse impostor = did.verify(now(example("verify-impostor.json", VerifyRequest.class)));
        assertThat(impostor.getVerified(), is(false));
        assertThat(impostor.getReason(), is(VerifyResponse.ReasonEnum.NO_MATCH));

        // both at once
        VerifyBatchResponse batch = did.verifyBatch(new VerifyBatchRequest().requests(List.of(
                now(example("verify-genuine.json", VerifyRequest.class)),
                now(example("verify-impostor.json", VerifyRequest.class)))));
        assertThat(batch.getResults().get(0).getVerifyResponse().getVerified(), is(true));
        assertThat(batch.getResults().get(1).getVerifyResponse().getVerified(), is(false));

        // the DID of a commitment, deterministic; a bad one is a 400 naming the field
        GenerateRequest commitment = new GenerateRequest().commitment("00112233445566778899aabbccddeeff")
                .network(Network.TESTNET);
        String derived = did.generate(commitment).getDid();
        assertThat(derived, is("did:cardano:testnet:9voMoWqrB9rf3sbwieJhskeutF8iQi6nV93NAiefDrte"));
        assertThat(did.generate(commitment).getDid(), is(derived));
        Problem invalid = problem(assertThrows(ApiException.class,
                                               () -> did.generate(new GenerateRequest().commitment("abcd"))), 400);
        assertThat(invalid.getCode(), is(ProblemCode.VALIDATION_FAILED));
        assertThat(invalid.getErrors().get(0).getField(), is("commitment"));

        // the wallet's owner fetches the helper data again: a challenge, signed as etc/scripts/dev-wallet.sh does
        WalletApi wallet = new WalletApi(apiClient);
        WalletChallenge challenge = wallet.walletChallenge(new WalletChallengeRequest()
                .walletAddress(enrollment.getWalletAddress()).action(WalletAction.FETCH_HELPER_DATA));
        assertThat(challenge.getPayloadHex(), is(HexFormat.of().formatHex(
                challenge.getPayload().getBytes(StandardCharsets.UTF_8))));
        DataSignature signed = DevWallet.signer().signChallenge(enrollment.getWalletAddress(),
                                                                challenge.getPayload());
        WalletSignedRequest owner = new WalletSignedRequest().walletAddress(enrollment.getWalletAddress())
                .walletSignature(new WalletSignature().signature(signed.signature()).key(signed.key()));
        assertThat(wallet.walletHelperData(owner).getHelpers(), is(enrolled.getHelpers()));
        // the challenge is single-use
        assertThat(problem(assertThrows(ApiException.class, () -> wallet.walletHelperData(owner)), 409).getCode(),
                   is(ProblemCode.CHALLENGE_REUSED));

        // the wallet's DIDs
        assertThat(did.listDids(enrollment.getWalletAddress(), 10, null).getDids().get(0).getDid(), is(id));

        // revoke (admin); then resolution answers 410 with deactivated true, verify says revoked, and the wallet
        // may enroll again
        RevokeResponse revoked = did.revoke(id);
        assertThat(revoked.getRevoked(), is(true));
        assertThat(revoked.getDidDocumentMetadata().getDeactivated(), is(true));
        ApiException gone = assertThrows(ApiException.class, () -> resolution.resolve(id));
        assertThat(gone.getCode(), is(410));
        assertThat(apiClient.getObjectMapper().readValue(gone.getResponseBody(), ResolutionResult.class)
                           .getDidDocumentMetadata().getDeactivated(), is(true));
        assertThat(did.verify(now(example("verify-genuine.json", VerifyRequest.class))).getReason(),
                   is(VerifyResponse.ReasonEnum.REVOKED));
        assertThat(did.enroll(enrollment, null).getDid(), is(not(id)));
    }

    private static <T> T example(String file, Class<T> type) throws IOException {
        return apiClient.getObjectMapper().readValue(EXAMPLES.resolve(file).toFile(), type);
    }

    /** What the README's {@code now} shell function does. */
    private static VerifyRequest now(VerifyRequest request) {
        return request.timestamp(Instant.now().getEpochSecond());
    }

    private static Problem problem(ApiException e, int status) throws IOException {
        assertThat(e.getMessage(), e.getCode(), is(status));
        Problem problem = apiClient.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        assertThat(problem.getStatus(), is(status));
        return problem;
    }
}
