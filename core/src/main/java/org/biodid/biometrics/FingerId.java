package org.biodid.biometrics;

import java.util.Locale;

import org.biodid.input.InvalidInputException;

/**
 * The ten fingers, named on the wire {@code left|right} &times; {@code thumb|index|middle|ring|little};
 * {@code pinky} is accepted as an alias of {@code little}.
 */
public enum FingerId {
    /** Left thumb. */
    LEFT_THUMB,
    /** Left index finger. */
    LEFT_INDEX,
    /** Left middle finger. */
    LEFT_MIDDLE,
    /** Left ring finger. */
    LEFT_RING,
    /** Left little finger. */
    LEFT_LITTLE,
    /** Right thumb. */
    RIGHT_THUMB,
    /** Right index finger. */
    RIGHT_INDEX,
    /** Right middle finger. */
    RIGHT_MIDDLE,
    /** Right ring finger. */
    RIGHT_RING,
    /** Right little finger. */
    RIGHT_LITTLE;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /**
     * The canonical wire name, e.g. {@code left_thumb}.
     *
     * @return the name
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name; case-sensitive, {@code pinky} accepted for {@code little}.
     *
     * @param field field path used in the error
     * @param value the name
     * @return the finger
     * @throws InvalidInputException if the name is unknown
     */
    public static FingerId parse(String field, String value) {
        if (value != null) {
            String canonical = value.endsWith("_pinky")
                    ? value.substring(0, value.length() - "pinky".length()) + "little"
                    : value;
            for (FingerId id : values()) {
                if (id.wireName.equals(canonical)) {
                    return id;
                }
            }
        }
        throw new InvalidInputException(field, "unknown finger id '" + value + "'; expected left|right"
                + " _ thumb|index|middle|ring|little (pinky)");
    }
}
