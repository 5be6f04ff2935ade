package org.biodid.did;

import java.util.Objects;

/**
 * A request value that cannot be accepted, naming the field it came from so that the HTTP layer can
 * answer 400 with the offending field.
 */
public class InvalidFieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates the exception.
     *
     * @param field   the request field name (for example {@code network})
     * @param message what is wrong with it, safe to show to the client
     */
    public InvalidFieldException(String field, String message) {
        super(field + ": " + message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /**
     * The offending field.
     *
     * @return field name
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
