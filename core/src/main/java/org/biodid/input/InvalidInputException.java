package org.biodid.input;

import java.util.Objects;

/**
 * A request value that cannot be accepted, naming the field path it came from (for example
 * {@code fingers[1].minutiae[4].angle}) so that the HTTP layer answers 400 with the offending field. The one
 * invalid-input exception of the project: DID parsing, biometric validation and the compatibility routes throw it,
 * {@code api.ErrorHandling} maps it.
 */
public final class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates the exception.
     *
     * @param field   path of the offending field
     * @param message what is wrong with it, safe to show to the client
     */
    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /**
     * The offending field.
     *
     * @return field path
     */
    public String field() {
        return field;
    }

    /**
     * The message without the field name.
     *
     * @return the client-safe description
     */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
