package org.biodid.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.helidon.http.Method;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The exchange check can fail: it catches undocumented fields, statuses and media types, and requests the document
 * rejects but the service accepted; and it leaves alone what it must (undocumented paths, rejected bad requests).
 */
class OpenApiExchangesTest {

    private static final String DID = "did:cardano:testnet:EctrwjjfCRFo59LVHh6TGFcpfKQgynzn32CcRTeR6AQt";
    private static final String GENERATED = "{\"did\":\"" + DID + "\",\"network\":\"testnet\"}";
    /** The README's generate example answer, as in openapi.yaml. */
    private static final String DERIVED = "did:cardano:testnet:9voMoWqrB9rf3sbwieJhskeutF8iQi6nV93NAiefDrte";
    private static final String GENERATE = "{\"commitment\":\"00112233445566778899aabbccddeeff\"}";

    @Test
    void aDocumentedExchangePasses() {
        assertThat(OpenApiExchanges.problems(generate(GENERATE, 200, "application/json", GENERATED)), is(empty()));
    }

    @Test
    void anUndocumentedFieldInAnAnswerFails() {
        String extra = GENERATED.replace("}", ",\"extra\":1}");
        assertThat(String.join("\n", OpenApiExchanges.problems(generate(GENERATE, 200, "application/json", extra))),
                   containsString("additionalProperties"));
    }

    @Test
    void anUndocumentedStatusOrMediaTypeFails() {
        assertThat(OpenApiExchanges.problems(generate(GENERATE, 202, "application/json", GENERATED)),
                   is(not(empty())));
        assertThat(OpenApiExchanges.problems(generate(GENERATE, 200, "text/plain", GENERATED)), is(not(empty())));
    }

    @Test
    void aProblemWithAnUnknownCodeFails() {
        String problem = "{\"type\":\"https://biodid.org/problems/x\",\"title\":\"X\",\"status\":400,"
                + "\"code\":\"NOT_A_DOCUMENTED_CODE\",\"request_id\":\"r1\"}";
        assertThat(OpenApiExchanges.problems(generate(GENERATE, 400, "application/problem+json", problem)),
                   hasItem(containsString("code")));
    }

    @Test
    void aRejectedInvalidRequestIsFineButAnAcceptedOneIsNot() {
        String invalid = "{\"commitment\":\"abcd\"}";
        String problem = "{\"type\":\"https://biodid.org/problems/validation-failed\",\"title\":\"Validation failed\","
                + "\"status\":400,\"code\":\"VALIDATION_FAILED\",\"request_id\":\"r1\"}";
        assertThat(OpenApiExchanges.problems(generate(invalid, 400, "application/problem+json", problem)),
                   is(empty()));
        assertThat(OpenApiExchanges.problems(generate(invalid, 200, "application/json", GENERATED)),
                   is(not(empty())));
    }

    @Test
    void undocumentedPathsAreNotChecked() {
        RecordingClient.Exchange probe = new RecordingClient.Exchange(
                Method.POST, "/test-probe/echo", Map.of(), Map.of("content-type", List.of("application/json")),
                bytes("{}"), 200, Map.of("content-type", List.of("application/json")), bytes("{\"x\":1}"));
        assertThat(OpenApiExchanges.problems(probe), is(empty()));
    }

    @Test
    void aResponseExampleThatDoesNotMatchItsSchemaIsCaught() {
        String valid = "\"did\": \"" + DERIVED + "\", \"network\": \"testnet\"";
        String document = OpenApiExchanges.document();
        assertThat(document, containsString(valid));
        String broken = document.replace(valid, valid.replace("testnet\"", "moon\""));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DocumentExamples.check(
                OpenApiInteractionValidator.createForInlineApiSpecification(broken).build(), broken));
        assertThat(e.getMessage(), containsString("POST /api/v1/did/generate 200 readme"));
    }

    private static RecordingClient.Exchange generate(String request, int status, String contentType, String body) {
        return new RecordingClient.Exchange(
                Method.POST, "/api/v1/did/generate", Map.of(),
                Map.of("content-type", List.of("application/json"), "x-api-key", List.of("k")),
                bytes(request), status,
                Map.of("content-type", List.of(contentType), "x-request-id", List.of("r1")), bytes(body));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
