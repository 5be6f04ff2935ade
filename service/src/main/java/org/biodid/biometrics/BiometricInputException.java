package org.biodid.biometrics;

/**
 * Biometric input that cannot be processed; names the offending field so that the HTTP layer can answer
 * 400 with {@code errors: [{field, message}]}.
 */
public final class BiometricInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates the exception.
     *
     * @param field path of the offending field, e.g. {@code fingers[1].minutiae[4].angle}
     * @param message what is wrong with it
     */
    public BiometricInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /**
     * Path of the offending field.
     *
     * @return the field
     */
    public String field() {
        return field;
    }

    /**
     * The message without the field prefix.
     *
     * @return the reason
     */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
