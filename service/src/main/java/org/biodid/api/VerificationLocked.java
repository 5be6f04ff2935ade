package org.biodid.api;

import java.util.List;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.biodid.budget.SubjectLockedException;

/**
 * How a spent failure budget is answered: 429 {@code VERIFICATION_LOCKED} with {@code Retry-After}; in a batch, the
 * same problem as the item's result with {@code retry_after} (seconds) in the body.
 */
final class VerificationLocked {

    static final String CODE = "VERIFICATION_LOCKED";

    private VerificationLocked() {
    }

    static void answer(ServerRequest req, ServerResponse res, SubjectLockedException e) {
        res.header(HeaderNames.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        ErrorHandling.sendProblem(req, res, problem(e));
    }

    static ObjectNode itemProblem(SubjectLockedException e, String requestId) {
        ObjectNode node = (ObjectNode) JsonBodies.tree(Problem.of(problem(e), requestId));
        node.put("retry_after", e.retryAfterSeconds());
        return node;
    }

    static ApiException problem(SubjectLockedException e) {
        return new ApiException(Status.TOO_MANY_REQUESTS_429, CODE, "Verification locked",
                                "Too many failed verifications of this subject " + (e.allKeys()
                                        ? "through all API keys" : "with this API key") + "; retry after "
                                        + e.retryAfterSeconds() + " s", List.of());
    }
}
