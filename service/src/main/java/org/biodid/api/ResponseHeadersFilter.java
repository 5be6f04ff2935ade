package org.biodid.api;

import java.util.List;

import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.logging.common.HelidonMdc;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Gives every response its request id and security headers, and refuses {@code TRACE}.
 * <p>
 * Header values are built once: this runs on every request, health checks included.
 */
public final class ResponseHeadersFilter implements Filter {

    /** Log MDC key carrying the request id. */
    public static final String MDC_REQUEST_ID = "request_id";

    static final HeaderName REQUEST_ID = HeaderNames.create(RequestId.HEADER);

    static final List<Header> SECURITY_HEADERS = List.of(
            HeaderValues.createCached("X-Content-Type-Options", "nosniff"),
            HeaderValues.createCached("X-Frame-Options", "DENY"),
            HeaderValues.createCached("Content-Security-Policy", "default-src 'none'"),
            HeaderValues.createCached("Referrer-Policy", "no-referrer"),
            HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-store"));

    private static final Header HSTS = HeaderValues.createCached(HeaderNames.STRICT_TRANSPORT_SECURITY,
                                                                 "max-age=31536000; includeSubDomains");
    private static final Header ALLOW_NO_TRACE = HeaderValues.createCached(HeaderNames.ALLOW,
                                                                           "GET, HEAD, POST, PUT, DELETE, OPTIONS");

    /**
     * Set the request id and security headers on a response. Error handling calls it again, because Helidon
     * resets a response's headers before its error handler runs.
     *
     * @param req request, already given its id by this filter
     * @param res response
     */
    static void apply(ServerRequest req, ServerResponse res) {
        res.header(REQUEST_ID, RequestId.of(req));
        for (Header header : SECURITY_HEADERS) {
            res.header(header);
        }
        if (req.isSecure()) {
            res.header(HSTS);
        }
        CorsFilter.reapply(req, res);
        ShutdownDrain.reapply(req, res);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        RequestId id = RequestId.acceptOrGenerate(req.headers().value(REQUEST_ID).orElse(null));
        req.context().register(id);
        apply(req, res);
        if (req.prologue().method() == Method.TRACE) {
            res.header(ALLOW_NO_TRACE);
            ErrorHandling.sendProblem(req, res, new ApiException(Status.METHOD_NOT_ALLOWED_405, "METHOD_NOT_ALLOWED",
                                                                 "Method not allowed", "TRACE is disabled",
                                                                 List.of()));
            return;
        }
        HelidonMdc.set(MDC_REQUEST_ID, id.value());
        try {
            chain.proceed();
        } finally {
            HelidonMdc.remove(MDC_REQUEST_ID);
        }
    }
}
