package org.biodid.api;

import java.util.List;

import io.helidon.http.Status;

/**
 * A request that cannot be served, with everything needed to answer it as RFC 9457 problem details.
 * <p>
 * Handlers throw it; {@link ErrorHandling} turns it into {@code application/problem+json} in one place,
 * so no handler formats errors itself.
 */
public final class ApiException extends RuntimeException {

    private final Status status;
    private final String code;
    private final String title;
    private final List<FieldError> errors;

    /**
     * Create an API exception.
     *
     * @param status HTTP status to answer with
     * @param code   stable upper-case identifier clients can switch on
     * @param title  short human-readable summary of the problem type
     * @param detail explanation of this occurrence, safe to show to the client
     * @param errors offending fields, may be empty
     */
    public ApiException(Status status, String code, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /**
     * 400 {@code VALIDATION_FAILED} naming one field.
     *
     * @param field   JSON path of the offending field, such as {@code fingers[2].minutiae}
     * @param message what is wrong with it
     * @return exception to throw
     */
    public static ApiException invalidField(String field, String message) {
        return new ApiException(Status.BAD_REQUEST_400, "VALIDATION_FAILED", "Validation failed",
                                field + ": " + message, List.of(new FieldError(field, message)));
    }

    /**
     * 400 {@code VALIDATION_FAILED} naming several fields.
     *
     * @param errors offending fields
     * @return exception to throw
     */
    public static ApiException invalidFields(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return new ApiException(Status.BAD_REQUEST_400, "VALIDATION_FAILED", "Validation failed", detail, errors);
    }

    /**
     * 400 with a specific code, for problems that are not about a single field.
     *
     * @param code   stable code
     * @param detail explanation
     * @return exception to throw
     */
    public static ApiException badRequest(String code, String detail) {
        return new ApiException(Status.BAD_REQUEST_400, code, "Bad request", detail, List.of());
    }

    /**
     * 404 {@code NOT_FOUND}.
     *
     * @param detail what was not found
     * @return exception to throw
     */
    public static ApiException notFound(String detail) {
        return new ApiException(Status.NOT_FOUND_404, "NOT_FOUND", "Not found", detail, List.of());
    }

    /**
     * 503 {@code SERVICE_UNAVAILABLE}: a dependency (the database) cannot be reached right now.
     *
     * @param detail what is unavailable
     * @return exception to throw
     */
    public static ApiException unavailable(String detail) {
        return new ApiException(Status.SERVICE_UNAVAILABLE_503, "SERVICE_UNAVAILABLE", "Service unavailable",
                                detail, List.of());
    }

    /**
     * @return HTTP status
     */
    public Status status() {
        return status;
    }

    /**
     * @return stable problem code
     */
    public String code() {
        return code;
    }

    /**
     * @return problem type title
     */
    public String title() {
        return title;
    }

    /**
     * @return offending fields, possibly empty
     */
    public List<FieldError> errors() {
        return errors;
    }

    /**
     * One offending field of a request.
     *
     * @param field   JSON path of the field
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {
    }
}
