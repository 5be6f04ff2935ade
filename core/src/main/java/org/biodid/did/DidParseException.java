package org.biodid.did;

import java.util.Objects;

/**
 * A DID string that {@link CardanoDid#parse(String)} cannot accept, with the reason so that the HTTP
 * layer can tell a malformed DID (400 {@code INVALID_DID}) from a well-formed DID of another method
 * (501 {@code METHOD_NOT_SUPPORTED}).
 */
public class DidParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason  why the DID is not accepted
     * @param message a client-safe description
     */
    public DidParseException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why the DID was not accepted.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Why a DID string was not accepted.
     */
    public enum Reason {
        /** Not a DID at all, or a {@code did:cardano} DID with a bad network or identifier. */
        MALFORMED,
        /** A syntactically valid DID whose method is not {@code cardano}. */
        UNSUPPORTED_METHOD
    }
}
