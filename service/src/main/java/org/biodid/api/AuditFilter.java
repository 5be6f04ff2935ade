package org.biodid.api;

import java.lang.System.Logger.Level;

import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.biodid.wallet.WalletProofException;

/**
 * Makes the audit log complete: every enroll, verify and revoke attempt, and every call of the wallet routes, gets
 * its one JSON line, also those refused before the handler decided anything (401, 403, 429, invalid input, unknown
 * subject, refused wallet signature, database down).
 * {@link DidService} writes the line for attempts it decides; this filter writes {@code "outcome":"rejected"} with the
 * problem code and status for the rest, with the key id when the key was recognised.
 */
public final class AuditFilter implements Filter {

    private static final System.Logger AUDIT = System.getLogger("org.biodid.audit");
    private static final String BASE = "/api/v1/did";
    private static final String WALLET = "/api/v1/wallet";

    /** Registered in the request context once a line is written for the request. */
    record Written() {
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String action = action(req);
        if (action == null) {
            chain.proceed();
            return;
        }
        try {
            chain.proceed();
            if (req.context().get(Written.class).isEmpty() && res.status().code() >= 400) {
                write(req, action, res.status().code(), null);
            }
        } catch (ApiException e) {
            rejected(req, action, e.status().code(), e.code());
            throw e;
        } catch (WalletProofException e) {
            rejected(req, action, e.reason().status(), e.reason().code());
            throw e;
        } catch (Access.RateLimitedException e) {
            rejected(req, action, 429, "RATE_LIMITED");
            throw e;
        } catch (RuntimeException e) {
            rejected(req, action, 0, e.getClass().getSimpleName());
            throw e;
        }
    }

    private static void rejected(RoutingRequest req, String action, int status, String code) {
        if (req.context().get(Written.class).isEmpty()) {
            write(req, action, status, code);
        }
    }

    private static void write(RoutingRequest req, String action, int status, String code) {
        if (!AUDIT.isLoggable(Level.INFO)) {
            return;
        }
        ObjectNode line = JsonBodies.MAPPER.createObjectNode();
        line.put("audit", action);
        line.put("request_id", RequestId.of(req));
        Caller caller = req.context().get(Caller.class).orElse(null);
        if (caller == null) {
            line.putNull("key_id");
        } else {
            line.put("key_id", caller.keyId());
        }
        line.put("outcome", "rejected");
        if (status > 0) {
            line.put("status", status);
        }
        if (code != null) {
            line.put("code", code);
        }
        req.context().register(new Written());
        try {
            AUDIT.log(Level.INFO, JsonBodies.MAPPER.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String action(RoutingRequest req) {
        String path = req.path().path();
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
            return "revoke";
        }
        return null;
    }
}
