package org.biodid.api;

import java.nio.charset.StandardCharsets;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.Header;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;


import org.biodid.connection.EarlyAnswers;

/**
 * Answers requests that Helidon rejects before routing (a declared body over {@code max-payload-size}, a broken
 * prologue or header) with the same problem details, request id and security headers as routed ones.
 * <p>
 * This is how a 413 is sent without reading the body: the connection layer refuses it from {@code Content-Length}.
 */
public final class ProblemDirectHandler implements DirectHandler {

    /**
     * This handler for every event type: every answer Helidon gives outside routing (bad prologue, entity too large,
     * interrupted at shutdown, ...) is problem details too.
     *
     * @return direct handlers for the web server
     */
    public static DirectHandlers forEveryEvent() {
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            handlers.addHandler(type, new ProblemDirectHandler());
        }
        return handlers.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request,
                                    EventType eventType,
                                    Status defaultStatus,
                                    ServerResponseHeaders responseHeaders,
                                    String message) {
        // the body of this request was not read: the connection drains it before closing, so this answer arrives
        EarlyAnswers.answeredBeforeBody(request.headers());
        ApiException problem = ErrorHandling.fromStatus(defaultStatus, message);
        String requestId = RequestId.generate().value();
        byte[] body;
        try {
            body = JsonBodies.bytes(Problem.of(problem, requestId));
        } catch (java.io.UncheckedIOException e) {
            body = problem.getMessage().getBytes(StandardCharsets.UTF_8);
        }
        TransportResponse.Builder response = TransportResponse.builder()
                .status(defaultStatus)
                .headers(responseHeaders)
                .header(HeaderNames.CONTENT_TYPE, JsonBodies.PROBLEM_JSON)
                .header(ResponseHeadersFilter.REQUEST_ID, requestId)
                .keepAlive(eventType.keepAlive())
                .entity(body);
        for (Header header : ResponseHeadersFilter.SECURITY_HEADERS) {
            response.header(header);
        }
        return response.build();
    }
}
