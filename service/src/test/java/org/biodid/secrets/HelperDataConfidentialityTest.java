package org.biodid.secrets;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.biodid.api.JsonBodies;
import org.biodid.biometrics.BiometricEngine;
import org.biodid.biometrics.Enrollment;
import org.biodid.biometrics.HelperData;
import org.biodid.testing.LogCapture;
import org.biodid.testing.TestDatabases;
import org.biodid.testing.TestKeys;
import org.biodid.testing.TestServers;
import org.biodid.testing.TestSubjects;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Helper data is returned once, to the enrolling caller, and nowhere else: not in the CIP-20 metadata, not in DID
 * resolution, the wallet's list, verify answers (single, batch, both forms) or revocation, not in any log record; and
 * at rest the database holds only AES-GCM ciphertext under a key it does not hold, so a dump gives nothing to test
 * fingerprint guesses against. Rows from before sealing are sealed at start-up; keys rotate.
 */
class HelperDataConfidentialityTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = org.biodid.api.JsonBodies.newMapper();

    private static final String KEY = "confidentiality-test-key-all-01";
    private static final long PERSON = 140_000;

    private static Map<String, String> config(Map<String, String> extra) {
        Map<String, String> all = new java.util.HashMap<>(Map.of("app.api.keys", KEY + ":enroll+verify+admin",
                                                                 "app.db.connection.timeout", "PT15S"));
        all.putAll(extra);
        return all;
    }

    @Test
    void helperDataLeavesOnlyInTheEnrollAnswerAndIsSealedAtRest() throws Exception {
        TestDatabases.truncateServiceTables();
        TestServers.withServer(config(Map.of()), http -> {
            List<String> logs = captureAllLogs();
            String enrollBody = TestSubjects.enrollBody(PERSON);
            JsonNode enrolled;
            String idempotent;
            try (Http1ClientResponse res = post(http, "/api/v1/did/enroll", enrollBody, "first-try")) {
                assertThat(res.status().code(), is(201));
                idempotent = res.as(String.class);
                enrolled = parse(idempotent);
            }
            String did = enrolled.get("did").asText();
            List<String> helpers = new ArrayList<>();
            helpers.add(enrolled.get("helpers").get("data").asText());
            assertThat(enrolled.get("helpers").get("fingers").size(), is(4));
            assertAbsent("CIP-20 metadata", enrolled.get("metadata").toString(), helpers);
            // a retry with the same Idempotency-Key is the same caller and gets the same answer
            try (Http1ClientResponse res = post(http, "/api/v1/did/enroll", enrollBody, "first-try")) {
                assertThat(res.as(String.class), is(idempotent));
            }

            String wallet = TestSubjects.wallet(PERSON);
            List<String> answers = new ArrayList<>();
            answers.add(get(http, "/api/v1/did/" + did, "application/did-resolution"));
            answers.add(get(http, "/api/v1/did/" + did, "application/did"));
            answers.add(get(http, "/1.0/identifiers/" + did, "application/json"));
            answers.add(get(http, "/api/v1/did?wallet_address=" + wallet, "application/json"));
            String genuine = verifyItem(wallet, TestSubjects.impression(PERSON, 1)).toString();
            String impostor = verifyItem(wallet, TestSubjects.impression(PERSON + 1, 1)).toString();
            String proof = JSON.createObjectNode().put("wallet_address", wallet)
                    .put("timestamp", System.currentTimeMillis() / 1000).put("biometric_hash", "ab".repeat(32))
                    .toString();
            for (String body : List.of(genuine, impostor, proof)) {
                try (Http1ClientResponse res = post(http, "/api/v1/did/verify", body, null)) {
                    answers.add(res.as(String.class));
                }
            }
            try (Http1ClientResponse res = post(http, "/api/v1/did/verify/batch",
                                                "{\"requests\":[" + genuine + "," + impostor + "," + proof + "]}",
                                                null)) {
                answers.add(res.as(String.class));
            }
            assertThat(answers.get(4), containsString("\"verified\":true"));
            try (Http1ClientResponse res = http.delete("/api/v1/did/" + did)
                    .header(HeaderNames.create("X-API-Key"), KEY).request()) {
                answers.add(res.as(String.class));
            }
            for (String answer : answers) {
                assertAbsent("answer " + answer.substring(0, Math.min(80, answer.length())), answer, helpers);
                assertThat(answer.contains("\"helpers\""), is(false));
            }
            assertThat("log records were captured", logs.isEmpty(), is(false));
            for (String line : logs) {
                assertAbsent("log record " + line, line, helpers);
            }
            assertSealedAtRest(did, helpers);
        });
    }

    @Test
    void rowsFromBeforeSealingAreSealedAtStartAndKeysRotate() throws Exception {
        TestDatabases.truncateServiceTables();
        long person = PERSON + 2;
        String wallet = TestSubjects.wallet(person);
        Enrollment biometric = BiometricEngine.create().enroll(wallet, "testnet", TestSubjects.masters(person));
        String did = org.biodid.did.DidDerivation.derive(biometric.commitment(),
                                                         org.biodid.did.Network.parse("testnet")).toString();
        ObjectNode helperJson = org.biodid.identity.HelperJson.toJson(JSON, biometric.helper());
        insertLegacy(did, wallet, biometric, helperJson.toString());
        insertLegacy("did:cardano:testnet:1111111111111111111111111111111111111111111", TestSubjects.wallet(person + 1),
                     biometric, "{\"left_thumb\":{\"version\":0,\"data\":\"AAAA\"}}");
        List<String> helpers = new ArrayList<>(List.of(biometric.helper().toBase64Url()));

        // first start with sealing: the plaintext rows are sealed, and the subject still verifies
        TestServers.withServer(config(Map.of()), http -> {
            assertSealedAtRest(did, helpers);
            try (Http1ClientResponse res = post(http, "/api/v1/did/verify",
                                                verifyItem(wallet, TestSubjects.impression(person, 4)).toString(),
                                                null)) {
                assertThat(res.as(String.class), containsString("\"verified\":true"));
            }
            // helper data this service cannot read any more: a clear 409, not a failure that looks like a bad finger
            try (Http1ClientResponse res = post(http, "/api/v1/did/verify", verifyItem(
                    TestSubjects.wallet(person + 1), TestSubjects.impression(person, 4)).toString(), null)) {
                assertThat(res.status().code(), is(409));
                assertThat(res.as(String.class), containsString("REENROLLMENT_REQUIRED"));
            }
        });
        // rotation: a new key with the old one as previous re-seals every row under the new key
        byte[] newRaw = new byte[32];
        java.util.Arrays.fill(newRaw, (byte) 7);
        String newKey = Base64.getEncoder().encodeToString(newRaw);
        TestServers.withServer(config(Map.of("app.helper.data.key", newKey,
                                             "app.helper.data.previous", TestKeys.HELPER_DATA_KEY)), http -> {
            assertThat(keyIdOf(did), is(SealingKey.of(newRaw).id()));
            try (Http1ClientResponse res = post(http, "/api/v1/did/verify",
                                                verifyItem(wallet, TestSubjects.impression(person, 5)).toString(),
                                                null)) {
                assertThat(res.as(String.class), containsString("\"verified\":true"));
            }
        });
        // and without the key its rows are sealed under, the service refuses to start rather than fail every verify
        RuntimeException refused = assertThrows(RuntimeException.class,
                                                () -> TestServers.withServer(config(Map.of()), http -> { }));
        assertThat(refused.getMessage(), containsString(SealingKey.of(newRaw).id()));
        TestDatabases.truncateServiceTables();
    }

    /** What a database dump shows: no plaintext column, and ciphertext that is not the helper bytes. */
    private static void assertSealedAtRest(String did, List<String> helpers) {
        try (Connection c = DriverManager.getConnection(TestDatabases.postgresUrl(), TestDatabases.postgresUser(), "");
                PreparedStatement s = c.prepareStatement("SELECT helper_data, proof_key, sealed_helper_data, "
                        + "sealed_proof_key, sealing_key_id FROM enrollments WHERE did = ?")) {
            s.setString(1, did);
            try (ResultSet row = s.executeQuery()) {
                assertThat(row.next(), is(true));
                assertThat("no plaintext helper data column", row.getString("helper_data") == null, is(true));
                assertThat("no plaintext proof key", row.getBytes("proof_key") == null, is(true));
                byte[] sealed = row.getBytes("sealed_helper_data");
                assertThat(Sealer.keyIdOf(sealed), is(row.getString("sealing_key_id")));
                String raw = new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1);
                for (String helper : helpers) {
                    byte[] bytes = Base64.getUrlDecoder().decode(helper);
                    // the sketch and salt are not in the column, in any encoding
                    assertThat(indexOf(sealed, java.util.Arrays.copyOfRange(bytes, 0, 24)), is(-1));
                    assertThat(indexOf(sealed, java.util.Arrays.copyOfRange(bytes, bytes.length - 64,
                                                                          bytes.length - 32)), is(-1));
                    assertThat(raw.contains(helper.substring(0, 24)), is(false));
                }
                // the column does not parse as helper data either
                assertThrows(RuntimeException.class, () -> HelperData.fromBase64Url(
                        "dump", Base64.getUrlEncoder().withoutPadding().encodeToString(sealed)));
            }
            try (PreparedStatement r = c.prepareStatement("SELECT response_body FROM idempotency_records");
                    ResultSet rows = r.executeQuery()) {
                while (rows.next()) {
                    String body = rows.getString(1);
                    assertThat(body, startsWith("sealed:"));
                    assertAbsent("stored idempotent answer", body, helpers);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keyIdOf(String did) {
        try (Connection c = DriverManager.getConnection(TestDatabases.postgresUrl(), TestDatabases.postgresUser(), "");
                PreparedStatement s = c.prepareStatement("SELECT sealing_key_id FROM enrollments WHERE did = ?")) {
            s.setString(1, did);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void insertLegacy(String did, String wallet, Enrollment biometric, String helperJson) {
        try (Connection c = DriverManager.getConnection(TestDatabases.postgresUrl(), TestDatabases.postgresUser(), "");
                PreparedStatement s = c.prepareStatement("INSERT INTO enrollments (did, wallet_address, active_wallet, "
                        + "network, commitment, proof_key, id_hash, helper_data, created_at) "
                        + "VALUES (?, ?, ?, 'testnet', ?, ?, ?, ?, now())")) {
            s.setString(1, did);
            s.setString(2, wallet);
            s.setString(3, wallet);
            s.setBytes(4, biometric.commitment());
            s.setBytes(5, biometric.proofKey());
            s.setString(6, biometric.idHashHex());
            s.setString(7, helperJson);
            s.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertAbsent(String where, String text, List<String> helpers) {
        for (String helper : helpers) {
            assertThat("helper data in " + where, text.contains(helper.substring(0, 32)), is(false));
            String standard = Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(helper));
            assertThat("helper data (base64) in " + where, text.contains(standard.substring(0, 32)), is(false));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static ObjectNode verifyItem(String wallet, List<org.biodid.biometrics.FingerScan> scans) {
        ObjectNode item = JSON.createObjectNode();
        item.put("wallet_address", wallet);
        item.put("timestamp", System.currentTimeMillis() / 1000);
        item.set("fingers", TestSubjects.fingersJson(scans));
        return item;
    }

    private static Http1ClientResponse post(Http1Client http, String path, String body, String idempotencyKey) {
        var request = http.post(path).header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.create("X-API-Key"), KEY);
        if (idempotencyKey != null) {
            request.header(HeaderNames.create("Idempotency-Key"), idempotencyKey);
        }
        return request.submit(body);
    }

    private static String get(Http1Client http, String path, String accept) {
        try (Http1ClientResponse res = http.get(path).header(HeaderNames.ACCEPT, accept)
                .header(HeaderNames.create("X-API-Key"), KEY).request()) {
            return res.as(String.class);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The log capture of the running test, detached when it ends. */
    private LogCapture logCapture;

    /** Every log record of every logger, at every level, with its parameters and exception, until the test ends. */
    private List<String> captureAllLogs() {
        logCapture = LogCapture.of("", Level.ALL);
        return logCapture.lines();
    }

    @AfterEach
    void detachLogCapture() {
        if (logCapture != null) {
            logCapture.close();
        }
    }
}
