package org.biodid.api;

import java.lang.System.Logger.Level;
import java.util.List;

import io.helidon.dbclient.DbClientException;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.biodid.budget.SubjectLockedException;
import org.biodid.identity.IdentityException;
import org.biodid.input.InvalidInputException;
import org.biodid.wallet.WalletProofException;

/**
 * Maps every failure to RFC 9457 problem details, registered once on the routing.
 * <p>
 * {@link ApiException} carries its own answer. Helidon's {@link HttpException}s (404 for an unknown route, 413 for a
 * body over the limit, a 400 from the entity reader) keep their status. A database that cannot be reached is a 503.
 * Anything else is a bug: it is logged with the request id and answered 500 without any internals.
 */
public final class ErrorHandling {

    private static final Status UNPROCESSABLE_422 = Status.create(422, "Unprocessable Content");
    private static final System.Logger LOGGER = System.getLogger(ErrorHandling.class.getName());

    private ErrorHandling() {
    }

    /**
     * Register the error handlers on a routing.
     *
     * @param routing routing builder
     */
    public static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, ErrorHandling::sendProblem)
                .error(Access.RateLimitedException.class, (req, res, e) -> e.answer(req, res))
                .error(DidResolver.ResolutionException.class, (req, res, e) -> e.answer(req, res))
                .error(IdentityException.class, (req, res, e) -> sendProblem(req, res, knownProblem(e)))
                .error(SubjectLockedException.class, VerificationLocked::answer)
                .error(InvalidInputException.class, (req, res, e) -> sendProblem(req, res, knownProblem(e)))
                .error(WalletProofException.class, (req, res, e) -> sendProblem(req, res, knownProblem(e)))
                .error(HttpException.class, ErrorHandling::httpException)
                .error(RequestException.class, ErrorHandling::requestException)
                .error(DbClientException.class, ErrorHandling::database)
                .error(Exception.class, ErrorHandling::unexpected);
    }

    /**
     * Answer with a problem body (used by filters that stop a request before routing).
     *
     * @param req request
     * @param res response
     * @param e   the problem
     */
    public static void sendProblem(ServerRequest req, ServerResponse res, ApiException e) {
        if (res.isSent()) {
            return;
        }
        // Helidon resets the response before an error handler runs; the shared headers go back on.
        ResponseHeadersFilter.apply(req, res);
        // error handlers run inside the routing, so the audit filter finds the problem here, not as an exception
        req.context().register(e);
        JsonBodies.send(req, res, e.status(), Problem.of(e, RequestId.of(req)), JsonBodies.PROBLEM_JSON);
    }

    /**
     * The problem for a refusal from below the HTTP layer (a use case, invalid input).
     *
     * @param e the failure
     * @return its problem, or {@code null} when {@code e} is not such a refusal
     */
    static ApiException knownProblem(RuntimeException e) {
        return switch (e) {
            case ApiException api -> api;
            case InvalidInputException invalid -> ApiException.invalidField(invalid.field(), invalid.reason());
            case IdentityException refused -> identityProblem(refused);
            case SubjectLockedException locked -> VerificationLocked.problem(locked);
            case WalletProofException refused -> walletProblem(refused);
            default -> null;
        };
    }

    /** A refused wallet proof: the reason's status and stable code; a missing signature names the field. */
    private static ApiException walletProblem(WalletProofException e) {
        WalletProofException.Reason reason = e.reason();
        return new ApiException(Status.create(reason.status()), reason.code(), reason.title(), e.getMessage(),
                                reason == WalletProofException.Reason.REQUIRED
                                        ? List.of(new ApiException.FieldError(WalletRequests.SIGNATURE_FIELD,
                                                                              "is required"))
                                        : List.of());
    }

    private static ApiException identityProblem(IdentityException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> ApiException.notFound(e.getMessage());
            case ALREADY_ENROLLED -> new ApiException(Status.CONFLICT_409, "DID_ALREADY_ENROLLED",
                                                      "DID already enrolled", e.getMessage(), List.of());
            case IDEMPOTENCY_KEY_REUSED -> new ApiException(UNPROCESSABLE_422, "IDEMPOTENCY_KEY_REUSED",
                                                            "Idempotency key reused", e.getMessage(), List.of());
            case REPLAYED_PROOF -> new ApiException(Status.CONFLICT_409, "REPLAYED_PROOF", "Replayed proof",
                                                    e.getMessage(), List.of());
            case REENROLLMENT_REQUIRED -> new ApiException(Status.CONFLICT_409, "REENROLLMENT_REQUIRED",
                                                           "Re-enrollment required", e.getMessage(), List.of());
            case STALE_TIMESTAMP -> new ApiException(Status.BAD_REQUEST_400, "STALE_TIMESTAMP", "Stale timestamp",
                                                     e.getMessage(),
                                                     List.of(new ApiException.FieldError(
                                                             e.field(), "outside the freshness window")));
        };
    }

    private static void httpException(ServerRequest req, ServerResponse res, HttpException e) {
        sendProblem(req, res, fromStatus(e.status(), e.getMessage()));
    }

    private static void requestException(ServerRequest req, ServerResponse res, RequestException e) {
        sendProblem(req, res, fromStatus(e.status(), e.safeMessage() ? e.getMessage() : null));
    }

    private static void database(ServerRequest req, ServerResponse res, DbClientException e) {
        LOGGER.log(Level.WARNING, "Database call failed: " + rootMessage(e));
        sendProblem(req, res, ApiException.unavailable("The database is unavailable; retry later"));
    }

    private static void unexpected(ServerRequest req, ServerResponse res, Exception e) {
        if (isDatabaseFailure(e)) {
            database(req, res, new DbClientException(e.getMessage(), e));
            return;
        }
        LOGGER.log(Level.ERROR, "Unexpected failure serving " + req.prologue().method().text() + " "
                + req.path().path(), e);
        sendProblem(req, res, new ApiException(Status.INTERNAL_SERVER_ERROR_500, "INTERNAL_ERROR",
                                               "Internal error", "An unexpected error occurred", List.of()));
    }

    /**
     * Problem for a bare HTTP status, with codes clients can rely on.
     *
     * @param status status
     * @param detail detail, or {@code null} for a generic one
     * @return the problem
     */
    static ApiException fromStatus(Status status, String detail) {
        String code = switch (status.code()) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> status.code() >= 500 ? "INTERNAL_ERROR" : "REQUEST_REJECTED";
        };
        String safeDetail = switch (status.code()) {
            case 404 -> "No resource at this path";
            case 413 -> "The request body exceeds the configured limit";
            default -> detail == null || detail.isBlank() || status.code() >= 500 ? status.reasonPhrase() : detail;
        };
        return new ApiException(status, code, status.reasonPhrase(), safeDetail, List.of());
    }

    private static boolean isDatabaseFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException || t instanceof DbClientException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
