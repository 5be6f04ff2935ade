package org.biodid.biometrics;

import org.biodid.biometrics.feature.FeatureParameters;

/**
 * Parameters of the per-finger pipeline: feature geometry, bit length n and the BCH code's field degree m
 * and correction capability t. The helper data records m, t and n, so that a change of defaults is detected
 * instead of silently failing.
 *
 * @param features feature transform geometry
 * @param m        BCH field degree; code length {@code 2^m - 1}
 * @param n        bit vector length (the code is shortened to n when n &lt; 2^m - 1)
 * @param t        errors corrected per finger
 */
public record BiometricParameters(FeatureParameters features, int m, int n, int t) {

    /** Defaults; see docs/biometrics.md for the measurements behind them. */
    public static final BiometricParameters DEFAULT = new BiometricParameters(FeatureParameters.DEFAULT, 8, 255, 42);

    /**
     * Canonical constructor with checks.
     *
     * @param features geometry
     * @param m        field degree
     * @param n        bit length
     * @param t        correction capability
     */
    public BiometricParameters {
        if (m < 3 || m > 12 || n < 1 || n > (1 << m) - 1 || n > features.cells() || t < 1 || t > 255) {
            throw new IllegalArgumentException("invalid biometric parameters");
        }
    }
}
