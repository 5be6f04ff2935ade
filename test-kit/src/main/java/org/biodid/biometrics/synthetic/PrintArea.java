package org.biodid.biometrics.synthetic;

/**
 * Where a master's minutiae lie: an ellipse or a rectangle, centred in the capture area, whose width and height
 * are drawn uniformly from the given ranges (pixels at 500 ppi).
 *
 * @param shape     outline
 * @param minWidth  smallest width
 * @param maxWidth  largest width
 * @param minHeight smallest height
 * @param maxHeight largest height
 */
public record PrintArea(Shape shape, double minWidth, double maxWidth, double minHeight, double maxHeight) {

    /** A plain (flat) impression, about 0.6 &times; 0.8 inch: the project's original generator. */
    public static final PrintArea PLAIN = new PrintArea(Shape.ELLIPSE, 270, 340, 350, 440);
    /** A rolled impression, nail to nail: wider and somewhat taller than a plain one. */
    public static final PrintArea ROLLED = new PrintArea(Shape.ELLIPSE, 400, 480, 450, 540);
    /** A 380 &times; 500 px box filled edge to edge (the independent generator of issue 14). */
    public static final PrintArea BOX_380_500 = new PrintArea(Shape.RECTANGLE, 380, 380, 500, 500);

    /**
     * Canonical constructor with checks.
     *
     * @param shape     outline
     * @param minWidth  smallest width
     * @param maxWidth  largest width
     * @param minHeight smallest height
     * @param maxHeight largest height
     */
    public PrintArea {
        if (!(minWidth > 0 && maxWidth >= minWidth && minHeight > 0 && maxHeight >= minHeight)
                || maxWidth > SyntheticFingerprints.CAPTURE_SIZE || maxHeight > SyntheticFingerprints.CAPTURE_SIZE) {
            throw new IllegalArgumentException("invalid print area");
        }
    }

    /** Outline of the print. */
    public enum Shape {
        /** Minutiae uniform inside the inscribed ellipse. */
        ELLIPSE,
        /** Minutiae uniform inside the whole rectangle. */
        RECTANGLE
    }

    @Override
    public String toString() {
        String size = minWidth == maxWidth && minHeight == maxHeight
                ? String.format(java.util.Locale.ROOT, "%.0f x %.0f", minWidth, minHeight)
                : String.format(java.util.Locale.ROOT, "%.0f-%.0f x %.0f-%.0f", minWidth, maxWidth, minHeight, maxHeight);
        return (shape == Shape.ELLIPSE ? "ellipse " : "box ") + size;
    }
}
