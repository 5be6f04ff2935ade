package org.biodid.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * Every request and response example of the OpenAPI document, checked with the same validator as the tests'
 * exchanges: an example that does not match its own schema is a broken document. Run once, when the validator is
 * built, which also compiles the schemas before any test measures time.
 */
final class DocumentExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentExamples() {
    }

    static void check(OpenApiInteractionValidator validator, String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().readContents(document, null, options).getOpenAPI();
        List<String> problems = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                check(validator, path, method, operation, problems)));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Examples in openapi.yaml do not match their schemas:\n  "
                                                    + String.join("\n  ", problems));
        }
    }

    private static void check(OpenApiInteractionValidator validator, String path, PathItem.HttpMethod method,
                              Operation operation, List<String> problems) {
        if (operation.getRequestBody() != null) {
            for (Map.Entry<String, MediaType> media : operation.getRequestBody().getContent().entrySet()) {
                if (media.getValue().getExamples() == null) {
                    continue;
                }
                for (Map.Entry<String, Example> example : media.getValue().getExamples().entrySet()) {
                    ValidationReport report = validator.validateRequest(
                            new SimpleRequest.Builder(Request.Method.valueOf(method.name()), concrete(path))
                                    .withContentType(media.getKey())
                                    .withHeader("X-API-Key", "example")
                                    .withBody(json(example.getValue().getValue()))
                                    .build());
                    report.getMessages().stream()
                            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                            .forEach(m -> problems.add(method + " " + path + " request " + example.getKey() + ": "
                                                               + m.getMessage()));
                }
            }
        }
        for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
            if (response.getValue().getContent() == null) {
                continue;
            }
            for (Map.Entry<String, MediaType> media : response.getValue().getContent().entrySet()) {
                if (media.getValue().getExamples() == null) {
                    continue;
                }
                for (Map.Entry<String, Example> example : media.getValue().getExamples().entrySet()) {
                    ValidationReport report = validator.validateResponse(
                            concrete(path), Request.Method.valueOf(method.name()),
                            SimpleResponse.Builder.status(Integer.parseInt(response.getKey()))
                                    .withContentType(media.getKey())
                                    .withHeader("X-Request-ID", "example")
                                    .withHeader("Location", "/api/v1/did/example")
                                    .withHeader("Retry-After", "1")
                                    .withBody(json(example.getValue().getValue()))
                                    .build());
                    report.getMessages().stream()
                            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                            .forEach(m -> problems.add(method + " " + path + " " + response.getKey() + " "
                                                               + example.getKey() + ": " + m.getMessage()));
                }
            }
        }
    }

    private static String concrete(String path) {
        return path.replace("{did}", "did:cardano:testnet:EctrwjjfCRFo59LVHh6TGFcpfKQgynzn32CcRTeR6AQt");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
