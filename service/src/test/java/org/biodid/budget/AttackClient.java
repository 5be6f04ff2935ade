package org.biodid.budget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.biodid.api.JsonBodies;
import org.biodid.biometrics.FingerScan;
import org.biodid.testing.TestSubjects;

/**
 * The HTTP calls of the failure-budget tests: JSON in, status, {@code Retry-After} and JSON out.
 */
final class AttackClient {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = org.biodid.api.JsonBodies.newMapper();

    private final Http1Client client;

    AttackClient(Http1Client client) {
        this.client = client;
    }

    Answer post(String path, String key, String body) {
        try (Http1ClientResponse res = client.post(path)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.create("X-API-Key"), key)
                .submit(body)) {
            String text = res.as(String.class);
            return new Answer(res.status().code(), res.headers().value(HeaderNames.RETRY_AFTER).map(Long::parseLong),
                              text.isEmpty() ? null : parse(text));
        }
    }

    Answer delete(String path, String key) {
        try (Http1ClientResponse res = client.delete(path).header(HeaderNames.create("X-API-Key"), key).request()) {
            String text = res.as(String.class);
            return new Answer(res.status().code(), Optional.empty(), text.isEmpty() ? null : parse(text));
        }
    }

    String enroll(String key, long person) {
        Answer enrolled = post("/api/v1/did/enroll", key, TestSubjects.enrollBody(person));
        if (enrolled.status() != 201) {
            throw new IllegalStateException("enrollment failed: " + enrolled);
        }
        return enrolled.json().get("did").asText();
    }

    static ObjectNode fingersItem(String wallet, List<FingerScan> scans) {
        ObjectNode item = JSON.createObjectNode();
        item.put("wallet_address", wallet);
        item.put("timestamp", System.currentTimeMillis() / 1000);
        item.set("fingers", TestSubjects.fingersJson(scans));
        return item;
    }

    static ObjectNode proofItem(String wallet, String hex) {
        return JSON.createObjectNode()
                .put("wallet_address", wallet)
                .put("timestamp", System.currentTimeMillis() / 1000)
                .put("biometric_hash", hex);
    }

    static String batch(List<ObjectNode> items) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode requests = body.putArray("requests");
        items.forEach(requests::add);
        return body.toString();
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param status     HTTP status
     * @param retryAfter {@code Retry-After} seconds, when sent
     * @param json       body
     */
    record Answer(int status, Optional<Long> retryAfter, JsonNode json) {
    }
}
