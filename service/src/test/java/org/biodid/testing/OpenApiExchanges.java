package org.biodid.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.helidon.webclient.http1.Http1Client;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import org.biodid.api.OpenApiService;

/**
 * Holds the HTTP tests to the OpenAPI document the service serves: every exchange of a client made by
 * {@link #validating(Http1Client)} is checked against {@code openapi.yaml} with Atlassian's
 * swagger-request-validator, and a mismatch fails the test at the request that showed it.
 * <p>
 * The rules:
 * <ul>
 *     <li>Exchanges on paths or methods the document does not have (test probes, unknown paths, {@code TRACE}) are
 *     not checked here; {@code OpenApiContractTest} makes sure every registered route is documented.</li>
 *     <li>Every response must match the document: a documented status, media type, required headers, and a body
 *     that matches its schema. Our own answer shapes are closed ({@code additionalProperties: false}), so a field
 *     added to an answer but not to the document fails.</li>
 *     <li>A request the document rejects must not be accepted: if the answer is 2xx/3xx, the request must match the
 *     document too. Tests send invalid requests on purpose; those must get a 4xx, which the document allows.
 *     The one documented exception is the batch, whose items are answered one by one, each invalid item by its
 *     own problem object inside a 200.</li>
 * </ul>
 */
public final class OpenApiExchanges {

    /** Operations that answer 200 to a body the document calls invalid, by design (see the class comment). */
    private static final Set<String> LENIENT_BODIES = Set.of("POST /api/v1/did/verify/batch");

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(document())
            .build();

    static {
        // The validator compiles schemas on first use, which can take seconds on a loaded machine; doing it here,
        // before a test sends anything, keeps that time out of tests that measure time (rate limits).
        DocumentExamples.check(VALIDATOR, document());
        // and one whole exchange, for what only validate(request, response) initializes (about 0.1 s)
        VALIDATOR.validate(SimpleRequest.Builder.post("/api/v1/did/generate").withContentType("application/json")
                                   .withHeader("X-API-Key", "warm-up").withBody("{\"commitment\":\"00\"}").build(),
                           SimpleResponse.Builder.status(400).withContentType("application/problem+json")
                                   .withBody("{}").build());
    }

    private OpenApiExchanges() {
    }

    /**
     * A client whose every exchange is checked against the OpenAPI document.
     *
     * @param client the test's client ({@code @ServerTest} or {@code @RoutingTest})
     * @return the same client, checked
     */
    public static Http1Client validating(Http1Client client) {
        return RecordingClient.wrap(client, OpenApiExchanges::check);
    }

    /**
     * @return the document as the service serves it
     */
    public static String document() {
        try (InputStream in = OpenApiService.class.getResourceAsStream(OpenApiService.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OpenApiService.RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void check(RecordingClient.Exchange exchange) {
        List<String> problems = problems(exchange);
        if (!problems.isEmpty()) {
            throw new AssertionError("The exchange " + exchange.describe() + " does not match openapi.yaml:\n  "
                                             + String.join("\n  ", problems)
                                             + "\n  response body: " + text(exchange.responseBody()));
        }
    }

    /**
     * What is wrong with an exchange, as the validator's messages; empty when it matches or is not documented.
     *
     * @param exchange the exchange
     * @return the mismatches
     */
    static List<String> problems(RecordingClient.Exchange exchange) {
        ValidationReport report = VALIDATOR.validate(request(exchange), response(exchange));
        List<ValidationReport.Message> messages = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .toList();
        boolean undocumented = messages.stream().anyMatch(m -> m.getKey().equals("validation.request.path.missing")
                || m.getKey().equals("validation.request.operation.notAllowed"));
        if (undocumented) {
            return List.of();
        }
        boolean accepted = exchange.status() < 400;
        String operation = exchange.method().text() + " " + exchange.path();
        boolean lenient = LENIENT_BODIES.contains(operation);
        return messages.stream()
                .filter(m -> m.getKey().startsWith("validation.response")
                        || accepted && !(lenient && m.getKey().startsWith("validation.request.body")))
                .map(m -> m.getKey() + ": " + m.getMessage())
                .collect(Collectors.toList());
    }

    private static Request request(RecordingClient.Exchange exchange) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(
                Request.Method.valueOf(exchange.method().text().toUpperCase(Locale.ROOT)), exchange.path());
        exchange.query().forEach(builder::withQueryParam);
        exchange.requestHeaders().forEach(builder::withHeader);
        if (exchange.requestBody().length > 0) {
            builder.withBody(exchange.requestBody());
        }
        return builder.build();
    }

    private static SimpleResponse response(RecordingClient.Exchange exchange) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach(builder::withHeader);
        if (exchange.responseBody().length > 0) {
            builder.withBody(exchange.responseBody());
        }
        return builder.build();
    }

    private static String text(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }
}
