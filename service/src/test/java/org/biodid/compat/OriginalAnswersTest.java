package org.biodid.compat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.biodid.api.ErrorHandling;
import org.biodid.did.Network;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

/**
 * Our compatibility answers against the original servers' own answers, byte for byte.
 * <p>
 * {@code original-answers.json} holds the raw answers of the original basic and secure servers (their
 * unchanged source, run by {@code original-answers.py} with a frozen clock). Byte equality proves the
 * whole key set, the key order at every level, number and string forms, and {@code tx_hash}. The
 * randomized test then checks the same key order and the {@code tx_hash} derivation, recomputed here
 * with the JDK's SHA-256, on requests and timestamps the fixture does not hold.
 */
@RoutingTest
class OriginalAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode FIXTURE = readFixture();
    private static final Instant ORIGINAL_NOW = Instant.parse(FIXTURE.get("enrollmentTime").textValue());
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(ORIGINAL_NOW);

    /** Key order of the original's pydantic models, level by level. */
    private static final List<String> GENERATE_KEYS =
            List.of("did", "id_hash", "wallet_address", "helpers", "metadata_cip30_inline", "tx_hash");
    private static final List<String> METADATA_KEYS = List.of("version", "walletAddress", "controllers",
            "enrollmentTimestamp", "biometric", "revoked", "revokedAt");
    private static final List<String> BIOMETRIC_KEYS = List.of("idHash", "helperStorage", "helperData");
    private static final List<String> HELPER_KEYS = List.of("finger_id", "salt_b64", "auth_b64", "grid_size", "angle_bins");

    private final DirectClient client;

    OriginalAnswersTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        ErrorHandling.register(routing);
        routing.register("/api/biometric", new CompatService(Network.TESTNET, new SettableClock()));
    }

    @BeforeEach
    void originalTime() {
        NOW.set(ORIGINAL_NOW);
    }

    static Stream<JsonNode> originalCases() {
        List<JsonNode> cases = new ArrayList<>();
        FIXTURE.get("cases").forEach(cases::add);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("originalCases")
    void answerIsTheOriginalsByteForByte(JsonNode originalCase) {
        String path = originalCase.get("name").textValue().startsWith("generate") ? "/generate" : "/verify";
        Answer ours = post(path, originalCase.get("request").textValue());
        assertThat(ours.status().code(), is(originalCase.get("status").intValue()));
        assertThat(ours.body(), is(originalCase.get("answer").textValue()));
    }

    @Test
    void goldenAnswerHasTheOriginalsKeysInOrderAndACheckableTxHash() throws Exception {
        JsonNode golden = originalCases().filter(c -> c.get("name").textValue().equals("generate_golden"))
                .findFirst().orElseThrow();
        JsonNode original = JSON.readTree(golden.get("answer").textValue());
        JsonNode ours = JSON.readTree(post("/generate", golden.get("request").textValue()).body());
        assertThat(keyPaths(ours), is(keyPaths(original)));
        assertThat(fieldNames(ours), is(GENERATE_KEYS));
        assertThat(ours.get("tx_hash").textValue(), is(txHashFromTheAnswer(ours)));
        // The value the original servers wrote for this request at this instant.
        assertThat(ours.get("tx_hash").textValue(), is(original.get("tx_hash").textValue()));
        assertThat(golden.get("answer").textValue().getBytes(StandardCharsets.UTF_8).length, is(1389));
    }

    @Test
    void randomRequestsKeepTheKeyOrderAndTheTxHashDerivation() throws Exception {
        Random random = new Random(20261201L);
        for (int i = 0; i < 300; i++) {
            // Whole seconds in a fifth of the cases: isoformat then leaves the fraction out.
            long micros = random.nextInt(5) == 0 ? 0 : random.nextInt(1_000_000);
            NOW.set(Instant.ofEpochSecond(1_600_000_000L + random.nextInt(400_000_000), micros * 1000));
            boolean inline = random.nextBoolean();
            ObjectNode request = randomRequest(random, inline);
            Answer answer = post("/generate", request.toString());
            assertThat(answer.body(), answer.status(), is(Status.OK_200));
            JsonNode json = JSON.readTree(answer.body());

            assertThat(fieldNames(json), is(GENERATE_KEYS));
            JsonNode metadata = json.get("metadata_cip30_inline");
            assertThat(fieldNames(metadata), is(METADATA_KEYS));
            assertThat(fieldNames(metadata.get("biometric")), is(BIOMETRIC_KEYS));
            json.get("helpers").forEach(entry -> assertThat(fieldNames(entry), is(HELPER_KEYS)));
            assertThat(metadata.get("biometric").get("helperData").isNull(), is(!inline));

            String timestamp = metadata.get("enrollmentTimestamp").textValue();
            assertThat(timestamp, timestamp.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00"), is(true));
            assertThat(Instant.parse(timestamp.replace("+00:00", "Z")), is(NOW.get()));
            assertThat(json.get("tx_hash").textValue().matches("[0-9a-f]{64}"), is(true));
            assertThat(json.get("tx_hash").textValue(), is(txHashFromTheAnswer(json)));
        }
    }

    @Test
    void txHashChangesWithTheTimestampOnly() throws Exception {
        String request = originalCases().findFirst().orElseThrow().get("request").textValue();
        JsonNode first = JSON.readTree(post("/generate", request).body());
        NOW.set(ORIGINAL_NOW.plusNanos(1000));
        JsonNode later = JSON.readTree(post("/generate", request).body());
        assertThat(later.get("did"), is(first.get("did")));
        assertThat(later.get("id_hash"), is(first.get("id_hash")));
        assertThat(later.get("tx_hash").equals(first.get("tx_hash")), is(false));
        assertThat(fieldNames(later), contains(GENERATE_KEYS.toArray()));
    }

    /** sha256(f"{did}:{enrollment_timestamp}:{id_hash}") in lower-case hex, from the answer's own fields. */
    private static String txHashFromTheAnswer(JsonNode answer) throws Exception {
        String material = answer.get("did").textValue() + ":"
                + answer.get("metadata_cip30_inline").get("enrollmentTimestamp").textValue() + ":"
                + answer.get("id_hash").textValue();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private static ObjectNode randomRequest(Random random, boolean inline) {
        ObjectNode request = JSON.createObjectNode();
        StringBuilder wallet = new StringBuilder("addr_test1");
        for (int i = 10 + random.nextInt(90); i > 0; i--) {
            wallet.append((char) ('a' + random.nextInt(26)));
        }
        request.put("wallet_address", wallet.toString());
        request.put("storage", inline ? "inline" : "external");
        ArrayNode fingers = request.putArray("fingers");
        for (int f = 1 + random.nextInt(10); f > 0; f--) {
            ObjectNode finger = fingers.addObject();
            finger.put("finger_id", random.nextInt(8) == 0 ? "doigt_\u00e9" + f : "finger_" + random.nextInt(12));
            ArrayNode minutiae = finger.putArray("minutiae");
            for (int m = 1 + random.nextInt(5); m > 0; m--) {
                minutiae.addArray().add(random.nextDouble() * 500).add(random.nextInt(500)).add(random.nextDouble() * 360);
            }
        }
        return request;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Every key with its path, in document order. */
    private static List<String> keyPaths(JsonNode node) {
        List<String> paths = new ArrayList<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, List<String> paths) {
        node.fields().forEachRemaining(field -> {
            String path = prefix + "/" + field.getKey();
            paths.add(path);
            if (field.getValue().isObject()) {
                collect(field.getValue(), path, paths);
            }
        });
    }

    private Answer post(String path, String body) {
        try (Http1ClientResponse res = client.post("/api/biometric" + path)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit(body)) {
            return new Answer(res.status(), res.as(String.class));
        }
    }

    private static JsonNode readFixture() {
        try (InputStream in = OriginalAnswersTest.class.getResourceAsStream("original-answers.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Answer(Status status, String body) {
    }

    /** The routing's clock, set per request by the test. */
    private static final class SettableClock extends Clock {

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return NOW.get();
        }
    }
}
