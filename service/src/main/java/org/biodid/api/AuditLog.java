package org.biodid.api;

import java.lang.System.Logger.Level;
import java.util.function.Consumer;

import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The audit log: exactly one JSON line for every enroll, verify and revoke attempt and every call of a wallet route,
 * on logger
 * {@code org.biodid.audit}.
 * <p>
 * Handlers report the outcome they decided ({@link #decided}); as a filter, this class writes
 * {@code "outcome":"rejected"} with the problem code and status for attempts refused before a decision (401, 403,
 * 429, invalid input, unknown subject, database down), with the key id when the key was recognised.
 */
public final class AuditLog implements Filter {

    private static final System.Logger AUDIT = System.getLogger("org.biodid.audit");
    private static final String BASE = "/api/v1/did";
    private static final String WALLET = "/api/v1/wallet";

    private final ObjectMapper mapper;

    /**
     * @param mapper JSON mapper for the lines
     */
    public AuditLog(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Registered in the request context once the request's line is written. */
    private record Written() {
    }

    /**
     * Write the line of an attempt the handler decided.
     *
     * @param req     the request (its route names the action; its caller the key id)
     * @param outcome what was decided, e.g. {@code created} or {@code no_match}
     * @param did     the DID concerned, or {@code null}
     */
    public void decided(ServerRequest req, String outcome, String did) {
        decided(req, outcome, did, line -> { });
    }

    /**
     * Write the line of an attempt the handler decided, with fields of its own.
     *
     * @param req     the request
     * @param outcome what was decided
     * @param did     the DID concerned, or {@code null}
     * @param more    adds further fields (never secrets, never a wallet address)
     */
    public void decided(ServerRequest req, String outcome, String did, Consumer<ObjectNode> more) {
        ObjectNode line = line(req);
        line.put("outcome", outcome);
        if (did != null) {
            line.put("did", did);
        }
        more.accept(line);
        write(req, line);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (action(req) == null) {
            chain.proceed();
            return;
        }
        try {
            chain.proceed();
            if (res.status().code() >= 400) {
                rejected(req, res.status().code(),
                         req.context().get(ApiException.class).map(ApiException::code).orElse(null));
            }
        } catch (ApiException e) {
            rejected(req, e.status().code(), e.code());
            throw e;
        } catch (Access.RateLimitedException e) {
            rejected(req, 429, "RATE_LIMITED");
            throw e;
        } catch (RuntimeException e) {
            ApiException problem = ErrorHandling.knownProblem(e);
            if (problem == null) {
                rejected(req, 0, e.getClass().getSimpleName());
            } else {
                rejected(req, problem.status().code(), problem.code());
            }
            throw e;
        }
    }

    private void rejected(ServerRequest req, int status, String code) {
        if (req.context().get(Written.class).isPresent()) {
            return;
        }
        ObjectNode line = line(req);
        line.put("outcome", "rejected");
        if (status > 0) {
            line.put("status", status);
        }
        if (code != null) {
            line.put("code", code);
        }
        write(req, line);
    }

    private ObjectNode line(ServerRequest req) {
        ObjectNode line = mapper.createObjectNode();
        line.put("audit", action(req));
        line.put("request_id", RequestId.of(req));
        Caller caller = req.context().get(Caller.class).orElse(null);
        if (caller == null) {
            line.putNull("key_id");
        } else {
            line.put("key_id", caller.keyId());
        }
        return line;
    }

    private void write(ServerRequest req, ObjectNode line) {
        req.context().register(new Written());
        if (!AUDIT.isLoggable(Level.INFO)) {
            return;
        }
        try {
            AUDIT.log(Level.INFO, mapper.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String action(ServerRequest req) {
        String path = req.path().absolute().path();
        Method method = req.prologue().method();
        if (method == Method.POST) {
            return switch (path) {
                case BASE + "/enroll" -> "enroll";
                case BASE + "/verify" -> "verify";
                case BASE + "/verify/batch" -> "verify_batch";
                case WALLET + "/challenges" -> "wallet_challenge";
                case WALLET + "/helper-data" -> "wallet_helper_data";
                case WALLET + "/revoke" -> "wallet_revoke";
                default -> null;
            };
        }
        if (method == Method.DELETE && path.startsWith(BASE + "/")) {
            return path.endsWith("/failures") ? "verify_failures_reset" : "revoke";
        }
        return null;
    }
}
