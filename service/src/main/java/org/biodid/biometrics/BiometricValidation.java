package org.biodid.biometrics;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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
     * @throws BiometricInputException on the first problem
     */
    public static void validateFingers(String field, List<FingerScan> scans) {
        if (scans == null || scans.size() < MIN_FINGERS || scans.size() > MAX_FINGERS) {
            throw new BiometricInputException(field, "between " + MIN_FINGERS + " and " + MAX_FINGERS
                    + " fingers required, got " + (scans == null ? 0 : scans.size()));
        }
        Set<FingerId> seen = EnumSet.noneOf(FingerId.class);
        for (int i = 0; i < scans.size(); i++) {
            FingerScan scan = scans.get(i);
            if (scan == null) {
                throw new BiometricInputException(field + "[" + i + "]", "must not be null");
            }
            if (!seen.add(scan.finger())) {
                throw new BiometricInputException(field + "[" + i + "].finger_id",
                        "duplicate finger " + scan.finger().wireName());
            }
            validateFinger(field + "[" + i + "]", scan);
        }
    }

    /**
     * Validates one finger scan: 8&ndash;150 minutiae, each in range.
     *
     * @param field path of the scan, e.g. {@code fingers[0]}
     * @param scan  the scan
     * @throws BiometricInputException on the first problem
     */
    public static void validateFinger(String field, FingerScan scan) {
        List<Minutia> minutiae = scan.minutiae();
        if (minutiae.size() < MIN_MINUTIAE || minutiae.size() > MAX_MINUTIAE) {
            throw new BiometricInputException(field + ".minutiae", "between " + MIN_MINUTIAE + " and "
                    + MAX_MINUTIAE + " minutiae required, got " + minutiae.size());
        }
        for (int j = 0; j < minutiae.size(); j++) {
            validateMinutia(field + ".minutiae[" + j + "]", minutiae.get(j));
        }
    }

    /**
     * Validates one minutia.
     *
     * @param field path of the minutia
     * @param m     the minutia
     * @throws BiometricInputException on the first problem
     */
    public static void validateMinutia(String field, Minutia m) {
        if (m == null) {
            throw new BiometricInputException(field, "must not be null");
        }
        checkRange(field + ".x", m.x(), MAX_COORDINATE);
        checkRange(field + ".y", m.y(), MAX_COORDINATE);
        checkRange(field + ".angle", m.angle(), 360.0);
        if (m.quality() != Minutia.NO_QUALITY && (m.quality() < 0 || m.quality() > 100)) {
            throw new BiometricInputException(field + ".quality", "must be in [0, 100], got " + m.quality());
        }
    }

    private static void checkRange(String field, double value, double exclusiveMax) {
        if (!Double.isFinite(value)) {
            throw new BiometricInputException(field, "must be a finite number");
        }
        if (value < 0.0 || value >= exclusiveMax) {
            throw new BiometricInputException(field, "must be in [0, " + (int) exclusiveMax + "), got " + value);
        }
    }
}
