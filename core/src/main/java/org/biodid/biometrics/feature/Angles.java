package org.biodid.biometrics.feature;

/**
 * Angle helpers for the feature transform's inner loop.
 */
final class Angles {

    private static final double TWO_PI = 2 * Math.PI;

    private Angles() {
    }

    /** Wraps to [0, 2 pi). */
    static double wrap(double a) {
        double r = a % TWO_PI;
        return r < 0 ? r + TWO_PI : r;
    }

    /** Wraps an angle in (-2 pi, 4 pi) to [0, 2 pi) without a floating-point remainder. */
    static double wrapOnce(double a) {
        if (a < 0) {
            return a + TWO_PI;
        }
        return a >= TWO_PI ? a - TWO_PI : a;
    }

    /**
     * atan2 to within about 0.0015 rad (0.09 degrees), far below the 4 degree angle jitter the features must
     * tolerate, at a fraction of {@link Math#atan2(double, double)}'s cost.
     */
    static double atan2(double y, double x) {
        double ax = Math.abs(x);
        double ay = Math.abs(y);
        if (ax == 0 && ay == 0) {
            return 0;
        }
        boolean swap = ay > ax;
        double z = swap ? ax / ay : ay / ax;
        // minimax-style polynomial for atan on [0, 1]
        double z2 = z * z;
        double r = z * (0.99997726 + z2 * (-0.33262347 + z2 * (0.19354346 + z2 * (-0.11643287
                + z2 * (0.05265332 + z2 * -0.01172120)))));
        if (swap) {
            r = Math.PI / 2 - r;
        }
        if (x < 0) {
            r = Math.PI - r;
        }
        return y < 0 ? -r : r;
    }
}
