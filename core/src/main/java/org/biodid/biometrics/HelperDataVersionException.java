package org.biodid.biometrics;

import org.biodid.input.InvalidInputException;

/**
 * Helper data of a version this service no longer reads. Version 1 (one sketch and MAC per finger) let anyone
 * holding it test guesses finger by finger; it cannot be converted, because conversion needs the fingers. The
 * subject has to enroll again. Thrown for stored data, not for client input, so it is not a
 * {@link InvalidInputException}.
 */
public final class HelperDataVersionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int version;

    /**
     * Creates the exception.
     *
     * @param version the version found
     */
    public HelperDataVersionException(int version) {
        super("helper data version " + version + " is no longer supported (current: " + FusedHelperData.VERSION
                + "); the subject must enroll again");
        this.version = version;
    }

    /**
     * The version found.
     *
     * @return version
     */
    public int version() {
        return version;
    }
}
