package org.biodid.api;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The door of every protected route: who is calling ({@code X-API-Key}, 401), may they ({@code 403}), and are
 * they within their rate ({@code 429} with {@code Retry-After}). Handlers call {@link #require} first.
 */
public final class Access {

    static final HeaderName API_KEY = HeaderNames.create("X-API-Key");
    private static final HeaderName LIMIT = HeaderNames.create("RateLimit-Limit");
    private static final HeaderName REMAINING = HeaderNames.create("RateLimit-Remaining");
    private static final HeaderName RESET = HeaderNames.create("RateLimit-Reset");

    private final ApiKeys keys;
    private final RateLimiter limiter;

    /**
     * @param keys    the key registry
     * @param limiter the per-key rate limiter
     */
    public Access(ApiKeys keys, RateLimiter limiter) {
        this.keys = keys;
        this.limiter = limiter;
    }

    /**
     * Authenticate, authorize and rate-limit a request.
     *
     * @param req request
     * @param res response, which receives the {@code RateLimit-*} headers
     * @param any scopes that each allow the operation
     * @return the caller
     * @throws ApiException 401, 403 or 429
     */
    public Caller require(ServerRequest req, ServerResponse res, Scope... any) {
        Caller caller = keys.authenticate(req.headers().value(API_KEY).orElse(null))
                .orElseThrow(() -> new ApiException(Status.UNAUTHORIZED_401, "UNAUTHORIZED", "Unauthorized",
                                                    "A valid X-API-Key header is required", List.of()));
        req.context().register(caller);
        if (!caller.hasAny(any)) {
            throw new ApiException(Status.FORBIDDEN_403, "FORBIDDEN", "Forbidden",
                                   "This API key lacks the scope for this operation (needs "
                                           + Arrays.stream(any).map(Scope::wireName)
                                                   .collect(Collectors.joining(" or ")) + ")",
                                   List.of());
        }
        if (limiter.enabled()) {
            RateLimiter.Decision decision = limiter.tryAcquire(caller.keyId());
            if (!decision.allowed()) {
                throw new RateLimitedException(limiter.burst(), decision);
            }
            res.header(LIMIT, Integer.toString(limiter.burst()));
            res.header(REMAINING, Integer.toString(decision.remaining()));
            res.header(RESET, Long.toString(decision.resetSeconds()));
        }
        return caller;
    }

    /**
     * 429, carrying what the headers must say; {@link ErrorHandling} writes them after Helidon resets the response.
     */
    static final class RateLimitedException extends RuntimeException {
        private final int limit;
        private final RateLimiter.Decision decision;

        RateLimitedException(int limit, RateLimiter.Decision decision) {
            super("rate limited", null, false, false);
            this.limit = limit;
            this.decision = decision;
        }

        void answer(ServerRequest req, ServerResponse res) {
            res.header(HeaderNames.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            res.header(LIMIT, Integer.toString(limit));
            res.header(REMAINING, "0");
            res.header(RESET, Long.toString(decision.resetSeconds()));
            ErrorHandling.sendProblem(req, res, new ApiException(
                    Status.TOO_MANY_REQUESTS_429, "RATE_LIMITED", "Too many requests",
                    "Rate limit exceeded for this API key; retry after " + decision.retryAfterSeconds() + " s",
                    List.of()));
        }
    }
}
