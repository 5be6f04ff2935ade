package org.biodid.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.helidon.config.Config;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Cross-origin resource sharing, off unless configured ({@code app.cors.*}, env {@code APP_CORS_ORIGINS},
 * {@code APP_CORS_CREDENTIALS}, …).
 * <p>
 * Only listed origins are answered, each with its own name and {@code Vary: Origin}; {@code *} is allowed only
 * without credentials, and the service refuses to start when both are configured. Preflights from an allowed origin
 * get 204 with the allowed methods and headers; from any other origin 403 problem details. Other requests from an
 * origin that is not allowed are served without CORS headers, so browsers keep the answer from the page.
 */
public final class CorsFilter implements Filter {

    private static final HeaderName REQUEST_METHOD = HeaderNames.create("Access-Control-Request-Method");
    private static final HeaderName ALLOW_ORIGIN = HeaderNames.create("Access-Control-Allow-Origin");
    private static final HeaderName ALLOW_CREDENTIALS = HeaderNames.create("Access-Control-Allow-Credentials");
    private static final HeaderName ALLOW_METHODS = HeaderNames.create("Access-Control-Allow-Methods");
    private static final HeaderName ALLOW_HEADERS = HeaderNames.create("Access-Control-Allow-Headers");
    private static final HeaderName EXPOSE_HEADERS = HeaderNames.create("Access-Control-Expose-Headers");
    private static final HeaderName MAX_AGE = HeaderNames.create("Access-Control-Max-Age");
    private static final String EXPOSED = "X-Request-ID, Location, Retry-After, RateLimit-Limit, RateLimit-Remaining, "
            + "RateLimit-Reset, Idempotent-Replayed";

    private final Set<String> origins;
    private final boolean anyOrigin;
    private final boolean credentials;
    private final Set<String> methods;
    private final String methodsValue;
    private final String headersValue;
    private final String maxAge;

    private CorsFilter(Set<String> origins, boolean credentials, Set<String> methods, String headers, long maxAge) {
        this.anyOrigin = origins.contains("*");
        if (anyOrigin && credentials) {
            throw new IllegalArgumentException("app.cors: origins '*' together with credentials=true is refused; "
                                                       + "list the origins that may send credentials");
        }
        this.origins = Set.copyOf(origins);
        this.credentials = credentials;
        this.methods = Set.copyOf(methods);
        this.methodsValue = String.join(", ", methods);
        this.headersValue = headers;
        this.maxAge = Long.toString(maxAge);
    }

    /**
     * The CORS filter from {@code app.cors}, or none when no origin is configured.
     *
     * @param cors the {@code app.cors} node
     * @return the filter, if CORS is on
     * @throws IllegalArgumentException for {@code *} with credentials
     */
    public static java.util.Optional<CorsFilter> create(Config cors) {
        Set<String> origins = split(cors.get("origins").asString().get());
        if (origins.isEmpty()) {
            return java.util.Optional.empty();
        }
        Set<String> methods = split(cors.get("methods").asString().get()).stream()
                .map(m -> m.toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String headers = cors.get("headers").asString().get();
        return java.util.Optional.of(new CorsFilter(origins, cors.get("credentials").asBoolean().get(),
                                                    methods, headers,
                                                    cors.get("max.age").asLong().get()));
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String origin = req.headers().value(HeaderNames.ORIGIN).orElse(null);
        if (origin == null) {
            chain.proceed();
            return;
        }
        boolean allowed = anyOrigin || origins.contains(origin);
        boolean preflight = req.prologue().method() == Method.OPTIONS && req.headers().contains(REQUEST_METHOD);
        if (preflight) {
            String method = req.headers().value(REQUEST_METHOD).orElse("").toUpperCase(Locale.ROOT);
            if (!allowed || !methods.contains(method)) {
                ErrorHandling.sendProblem(req, res, new ApiException(
                        Status.FORBIDDEN_403, "CORS_REJECTED", "Cross-origin request rejected",
                        "This origin or method may not call the API from a browser", List.of()));
                return;
            }
            Answer answer = answer(origin);
            req.context().register(answer);
            answer.apply(res);
            res.header(ALLOW_METHODS, methodsValue);
            res.header(ALLOW_HEADERS, headersValue);
            res.header(MAX_AGE, maxAge);
            res.status(Status.NO_CONTENT_204).send();
            return;
        }
        if (allowed) {
            Answer answer = answer(origin);
            req.context().register(answer);
            answer.apply(res);
        }
        chain.proceed();
    }

    /**
     * Put the CORS headers of this request back on a response that error handling reset.
     *
     * @param req request
     * @param res response
     */
    static void reapply(ServerRequest req, ServerResponse res) {
        req.context().get(Answer.class).ifPresent(answer -> answer.apply(res));
    }

    private Answer answer(String origin) {
        List<Header> headers = new ArrayList<>();
        headers.add(HeaderValues.create(ALLOW_ORIGIN, anyOrigin ? "*" : origin));
        if (!anyOrigin) {
            headers.add(HeaderValues.create(HeaderNames.VARY, "Origin"));
        }
        if (credentials) {
            headers.add(HeaderValues.create(ALLOW_CREDENTIALS, "true"));
        }
        headers.add(HeaderValues.create(EXPOSE_HEADERS, EXPOSED));
        return new Answer(headers);
    }

    private static Set<String> split(String text) {
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The CORS headers decided for one request. */
    private record Answer(List<Header> headers) {
        void apply(ServerResponse res) {
            headers.forEach(res::header);
        }
    }
}
