package org.biodid.identity;

/**
 * A use case refused a request for a reason the client must be told; the HTTP layer maps each {@link Reason} to its
 * problem type in one place ({@code api.ErrorHandling}).
 */
public final class IdentityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the request was refused. */
    public enum Reason {
        /** No DID is enrolled for the subject (404). */
        NOT_FOUND,
        /** The wallet already controls an active DID (409). */
        ALREADY_ENROLLED,
        /** The idempotency key was used before with a different request (422). */
        IDEMPOTENCY_KEY_REUSED,
        /** The client proof was already used (409). */
        REPLAYED_PROOF,
        /** The stored helper data is of a version the biometric engine no longer reads: enroll again (409). */
        REENROLLMENT_REQUIRED,
        /** The request's timestamp is outside the freshness window (400 on {@link #field()}). */
        STALE_TIMESTAMP
    }

    private final Reason reason;
    private final String field;

    /**
     * @param reason why
     * @param field  the offending request field, or {@code null}
     * @param detail client-safe description
     */
    public IdentityException(Reason reason, String field, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
        this.field = field;
    }

    /**
     * @return why the request was refused
     */
    public Reason reason() {
        return reason;
    }

    /**
     * @return the offending request field, or {@code null}
     */
    public String field() {
        return field;
    }
}
