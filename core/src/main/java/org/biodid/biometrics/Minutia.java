package org.biodid.biometrics;

import java.util.Objects;

/**
 * One minutia: position in pixels at 500 ppi, direction in degrees, optional type and quality.
 * Range checks happen in {@link BiometricValidation}, so that errors can name the field's full path.
 *
 * @param x       column, pixels, {@code [0, 2048)}
 * @param y       row, pixels, {@code [0, 2048)}
 * @param angle   direction, degrees, {@code [0, 360)}
 * @param type    kind, {@link MinutiaType#UNKNOWN} when not given
 * @param quality 0&ndash;100, or {@link #NO_QUALITY} when not given
 */
public record Minutia(double x, double y, double angle, MinutiaType type, int quality) {

    /** Marker for an absent quality. */
    public static final int NO_QUALITY = -1;

    /**
     * Canonical constructor.
     *
     * @param x       column
     * @param y       row
     * @param angle   direction
     * @param type    kind
     * @param quality quality or {@link #NO_QUALITY}
     */
    public Minutia {
        Objects.requireNonNull(type, "type");
    }

    /**
     * A minutia without type and quality, as sent in the {@code [x, y, angle]} triple form.
     *
     * @param x     column
     * @param y     row
     * @param angle direction
     * @return the minutia
     */
    public static Minutia of(double x, double y, double angle) {
        return new Minutia(x, y, angle, MinutiaType.UNKNOWN, NO_QUALITY);
    }
}
