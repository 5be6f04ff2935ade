package org.biodid.biometrics;

import org.biodid.input.InvalidInputException;

/**
 * Kind of a minutia. Optional in the input; the feature transform does not use it, because extractors
 * confuse endings and bifurcations too often for it to be a stable bit.
 */
public enum MinutiaType {
    /** Ridge ending. */
    ENDING,
    /** Ridge bifurcation. */
    BIFURCATION,
    /** Not given. */
    UNKNOWN;

    /**
     * Parses the wire form, {@code ending} or {@code bifurcation}; null means not given.
     *
     * @param field field path for errors
     * @param value the text or null
     * @return the type
     * @throws InvalidInputException for any other value
     */
    public static MinutiaType parse(String field, String value) {
        if (value == null) {
            return UNKNOWN;
        }
        return switch (value) {
        case "ending" -> ENDING;
        case "bifurcation" -> BIFURCATION;
        default -> throw new InvalidInputException(field, "must be ending or bifurcation, got '" + value + "'");
        };
    }
}
