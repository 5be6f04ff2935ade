package org.biodid.biometrics.feature;

/**
 * Predicts, from the enrollment impression alone, how many of a finger's selected bits a fresh impression will read
 * differently.
 * <p>
 * A selected cell's reliability is {@code z = (h - tau) / sqrt(h + tau + floor)}: its distance from its threshold in
 * units of a Poisson-like noise scale (the score {@link ReliableBits#select} ranks cells by). If a fresh impression
 * moves the cell by Gaussian noise of {@code scale} such units, the bit flips with probability
 * {@code Phi(-|z| / scale)}; the sum over the selected cells is the expected number of flips. The scale is not
 * derived here but calibrated against measured genuine distances (docs/biometrics.md &sect;9, "Per enrollment").
 * <p>
 * Deterministic: only {@link StrictMath} is used, so the same enrollment gives the same number on every JVM.
 */
public final class ExpectedFlips {

    private ExpectedFlips() {
    }

    /**
     * Expected number of bit flips of the cells in {@code mask}.
     *
     * @param h     enrollment histogram
     * @param tau   its thresholds
     * @param floor noise floor of the reliability score
     * @param mask  selected cells
     * @param scale noise in units of the reliability score (calibrated)
     * @return sum over the selected cells of {@code Phi(-|z| / scale)}
     */
    public static double of(double[] h, double[] tau, double floor, long[] mask, double scale) {
        double sum = 0;
        for (int w = 0; w < mask.length; w++) {
            long m = mask[w];
            while (m != 0) {
                int c = (w << 6) + Long.numberOfTrailingZeros(m);
                m &= m - 1;
                sum += upperTail(Math.abs(reliability(h[c], tau[c], floor)) / scale);
            }
        }
        return sum;
    }

    /**
     * The reliability score of one cell, as {@link ReliableBits#select} ranks it.
     *
     * @param h     cell value
     * @param tau   its threshold
     * @param floor noise floor
     * @return {@code (h - tau) / sqrt(h + tau + floor)}
     */
    public static double reliability(double h, double tau, double floor) {
        return (h - tau) / StrictMath.sqrt(h + tau + floor);
    }

    /**
     * Standard normal upper tail {@code P(N(0,1) > x) = Phi(-x)} for {@code x >= 0}, from the complementary error
     * function (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7 everywhere), which is ample for a sum
     * that is compared with a coarse ladder of t.
     *
     * @param x non-negative argument
     * @return the tail probability
     */
    static double upperTail(double x) {
        double u = x / StrictMath.sqrt(2);
        double k = 1 / (1 + 0.5 * u);
        double erfc = k * StrictMath.exp(-u * u - 1.26551223 + k * (1.00002368 + k * (0.37409196 + k * (0.09678418
                + k * (-0.18628806 + k * (0.27886807 + k * (-1.13520398 + k * (1.48851587 + k * (-0.82215223
                + k * 0.17087277)))))))));
        return 0.5 * erfc;
    }
}
