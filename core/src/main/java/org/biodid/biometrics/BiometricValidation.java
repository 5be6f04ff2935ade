package org.biodid.biometrics;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.biodid.input.InvalidInputException;

/**
 * Range and count checks on biometric input (see {@code api.md}); every failure names the field.
 */
public final class BiometricValidation {

    /** Exclusive upper bound of x and y, pixels. */
    public static final double MAX_COORDINATE = 2048.0;
    /** Fewest minutiae accepted per finger. */
    public static final int MIN_MINUTIAE = 8;
    /** Most minutiae accepted per finger. */
    public static final int MAX_MINUTIAE = 150;
    /** Fewest fingers per enrollment. */
    public static final int MIN_FINGERS = 2;
    /** Most fingers per enrollment. */
    public static final int MAX_FINGERS = 10;

    private BiometricValidation() {
    }

    /**
     * Validates a list of finger scans: 2&ndash;10 distinct fingers, each valid.
     *
     * @param field path of the list, e.g. {@code fingers}
     * @param scans the scans
     * @throws InvalidInputException on the first problem
     */
    public static void validateFingers(String field, List<FingerScan> scans) {
        checkFingerCount(field, scans == null ? 0 : scans.size(), MIN_FINGERS);
        for (int i = 0; i < scans.size(); i++) {
            if (scans.get(i) == null) {
                throw new InvalidInputException(field + "[" + i + "]", "must not be null");
            }
            validateFinger(field + "[" + i + "]", scans.get(i));
        }
        checkDistinct(field, scans);
    }

    /**
     * Checks how many fingers a request carries (before they are read).
     *
     * @param field path of the list
     * @param count number of fingers
     * @param min   fewest accepted ({@link #MIN_FINGERS} to enroll, 1 to verify)
     * @throws InvalidInputException when out of range
     */
    public static void checkFingerCount(String field, int count, int min) {
        if (count < min || count > MAX_FINGERS) {
            throw new InvalidInputException(field, "must have between " + min + " and " + MAX_FINGERS + " items");
        }
    }

    /**
     * Checks how many minutiae a finger carries (before they are read).
     *
     * @param field path of the finger, e.g. {@code fingers[0]}
     * @param count number of minutiae
     * @throws InvalidInputException when out of range
     */
    public static void checkMinutiaCount(String field, int count) {
        if (count < MIN_MINUTIAE || count > MAX_MINUTIAE) {
            throw new InvalidInputException(field + ".minutiae", "must have between " + MIN_MINUTIAE + " and "
                    + MAX_MINUTIAE + " items");
        }
    }

    /**
     * Checks that no finger appears twice.
     *
     * @param field path of the list
     * @param scans the scans
     * @throws InvalidInputException naming the second occurrence
     */
    public static void checkDistinct(String field, List<FingerScan> scans) {
        Set<FingerId> seen = EnumSet.noneOf(FingerId.class);
        for (int i = 0; i < scans.size(); i++) {
            if (!seen.add(scans.get(i).finger())) {
                throw new InvalidInputException(field + "[" + i + "].finger_id",
                        "finger " + scans.get(i).finger().wireName() + " appears more than once");
            }
        }
    }

    /**
     * Validates one finger scan: 8&ndash;150 minutiae, each in range.
     *
     * @param field path of the scan, e.g. {@code fingers[0]}
     * @param scan  the scan
     * @throws InvalidInputException on the first problem
     */
    public static void validateFinger(String field, FingerScan scan) {
        List<Minutia> minutiae = scan.minutiae();
        checkMinutiaCount(field, minutiae.size());
        for (int j = 0; j < minutiae.size(); j++) {
            Minutia m = minutiae.get(j);
            if (!isValid(m)) {
                // The path is built for the one that fails only: building it for every minutia of every request
                // was most of what validation allocated.
                validateMinutia(field + ".minutiae[" + j + "]", m);
            }
        }
    }

    /** The checks of {@link #validateMinutia(String, Minutia)} without building a message. */
    private static boolean isValid(Minutia m) {
        return m != null && inRange(m.x(), MAX_COORDINATE) && inRange(m.y(), MAX_COORDINATE)
                && inRange(m.angle(), 360.0)
                && (m.quality() == Minutia.NO_QUALITY || (m.quality() >= 0 && m.quality() <= 100));
    }

    private static boolean inRange(double value, double exclusiveMax) {
        return Double.isFinite(value) && value >= 0.0 && value < exclusiveMax;
    }

    /**
     * Validates one minutia.
     *
     * @param field path of the minutia
     * @param m     the minutia
     * @throws InvalidInputException on the first problem
     */
    public static void validateMinutia(String field, Minutia m) {
        if (m == null) {
            throw new InvalidInputException(field, "must not be null");
        }
        checkRange(field + ".x", m.x(), MAX_COORDINATE);
        checkRange(field + ".y", m.y(), MAX_COORDINATE);
        checkRange(field + ".angle", m.angle(), 360.0);
        if (m.quality() != Minutia.NO_QUALITY && (m.quality() < 0 || m.quality() > 100)) {
            throw new InvalidInputException(field + ".quality", "must be in [0, 100], got " + m.quality());
        }
    }

    private static void checkRange(String field, double value, double exclusiveMax) {
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(field, "must be a finite number");
        }
        if (value < 0.0 || value >= exclusiveMax) {
            throw new InvalidInputException(field, "must be in [0, " + (int) exclusiveMax + "), got " + value);
        }
    }
}
