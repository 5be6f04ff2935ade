package org.biodid.compat;

/**
 * One minutia as the original servers take it: an {@code [x, y, angle]} triple of floats.
 *
 * @param x     x coordinate
 * @param y     y coordinate
 * @param angle angle
 */
public record CompatMinutia(double x, double y, double angle) {

    /**
     * Creates a minutia; JSON cannot carry NaN or infinities, so neither can a minutia.
     *
     * @param x     x coordinate
     * @param y     y coordinate
     * @param angle angle
     */
    public CompatMinutia {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(angle)) {
            throw new IllegalArgumentException("Minutia values must be finite");
        }
    }
}
