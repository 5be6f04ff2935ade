package org.biodid.compat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Objects;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.biodid.did.InvalidFieldException;
import org.biodid.did.Network;

/**
 * The original Python servers' routes, for their existing clients: {@code POST /generate} and
 * {@code POST /verify}, registered under {@code /api/biometric}.
 * <p>
 * Answers are the original's, byte-identical in {@code did}, {@code id_hash} and helper values. A
 * well-formed verify request always gets 200 with {@code success} true or false; a malformed
 * request gets 400 problem details naming the field. Nothing here touches the database.
 */
public final class CompatService implements HttpService {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final Network network;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * Creates the service.
     *
     * @param network the network the DIDs name (the original's {@code CARDANO_NETWORK})
     * @param clock   the clock for {@code enrollmentTimestamp}
     */
    public CompatService(Network network, Clock clock) {
        this.network = Objects.requireNonNull(network, "network");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates the service with the system clock.
     *
     * @param network the network the DIDs name
     * @return the service
     */
    public static CompatService create(Network network) {
        return new CompatService(network, Clock.systemUTC());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/generate", this::generate)
                .post("/verify", this::verify);
    }

    private void generate(ServerRequest req, ServerResponse res) {
        JsonNode body = readJson(req, res);
        if (body == null) {
            return;
        }
        GenerateRequest request;
        try {
            request = CompatRequests.generate(body);
        } catch (InvalidFieldException e) {
            sendInvalidField(res, e);
            return;
        }
        Enrollment enrollment = Enrollment.derive(request, network, clock.instant());
        sendJson(res, Status.OK_200, CompatResponses.generate(enrollment), "application/json");
    }

    private void verify(ServerRequest req, ServerResponse res) {
        JsonNode body = readJson(req, res);
        if (body == null) {
            return;
        }
        VerifyRequest request;
        try {
            request = CompatRequests.verify(body);
        } catch (InvalidFieldException e) {
            sendInvalidField(res, e);
            return;
        }
        VerifyOutcome outcome = CompatDerivation.verify(request.fingerIds(), request.helpers(), request.expectedIdHash());
        sendJson(res, Status.OK_200, CompatResponses.verify(outcome), "application/json");
    }

    /*
     * Minimal JSON plumbing until org.biodid.api lands on main; replaced by JsonBodies/ApiException then.
     * Returns null after answering when the body cannot be used.
     */
    private JsonNode readJson(ServerRequest req, ServerResponse res) {
        boolean json = req.headers().contentType()
                .map(type -> "application".equals(type.type()) && "json".equals(type.subtype()))
                .orElse(false);
        if (!json) {
            sendProblem(res, Status.UNSUPPORTED_MEDIA_TYPE_415, "UNSUPPORTED_MEDIA_TYPE",
                        "Content-Type must be application/json", null);
            return null;
        }
        try (InputStream in = req.content().inputStream()) {
            JsonNode node = mapper.readTree(in);
            if (node == null || node.isMissingNode()) {
                sendProblem(res, Status.BAD_REQUEST_400, "MALFORMED_JSON", "The request body is empty", null);
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            sendProblem(res, Status.BAD_REQUEST_400, "MALFORMED_JSON", "The request body is not valid JSON", null);
            return null;
        } catch (IOException e) {
            sendProblem(res, Status.BAD_REQUEST_400, "MALFORMED_JSON", "The request body could not be read", null);
            return null;
        }
    }

    private void sendInvalidField(ServerResponse res, InvalidFieldException e) {
        sendProblem(res, Status.BAD_REQUEST_400, "VALIDATION_FAILED", e.getMessage(), e);
    }

    private void sendProblem(ServerResponse res, Status status, String code, String detail, InvalidFieldException e) {
        ObjectNode problem = mapper.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", status.reasonPhrase());
        problem.put("status", status.code());
        problem.put("detail", detail);
        problem.put("code", code);
        if (e != null) {
            problem.putArray("errors").addObject().put("field", e.field()).put("message", e.reason());
        }
        sendJson(res, status, problem, PROBLEM_JSON);
    }

    private void sendJson(ServerResponse res, Status status, JsonNode body, String contentType) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JsonNode tree always serialises", e);
        }
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, contentType);
        res.send(bytes);
    }
}
