package org.biodid.biometrics;

/**
 * Chooses an enrollment's correction capability t from its finger count's ladder ({@link FusedCode#ladder(int)}),
 * from the enrollment alone.
 * <p>
 * Why: the genuine error total depends on the print far more than on the person. Prints with many minutiae along an
 * orientation field (rolled, dense) read with 10&ndash;30 errors over 1,020 bits, but their impostors come as close as
 * 69&ndash;80; plain prints need the default t = 103. One t per finger count cannot serve both, so Gen predicts the
 * genuine errors of this enrollment and takes the smallest t that covers them with a margin, never more than the
 * default.
 * <p>
 * The prediction is the sum over the selected cells of all fingers of {@code Phi(-|z| / SCALE)}
 * ({@link org.biodid.biometrics.feature.ExpectedFlips}), z being the reliability score the cells were selected by.
 * The rule {@code t >= FACTOR * mu + OFFSET} and its constants were calibrated on the tuning populations only
 * (plain, plain-uniform, rolled, band-280; seed 42; docs/biometrics.md &sect;9, "Per enrollment"): SCALE so that the
 * mean prediction equals the mean measured genuine total at the default noise, FACTOR and OFFSET the largest
 * lowering of t that raises no tuning population's 4-finger FRR, at 1.0 &times; or 1.25 &times; the default noise, by
 * more than 0.1 percentage points.
 */
public final class ErrorBudget {

    /** Noise of a fresh impression, in units of the reliability score z. */
    public static final double SCALE = 0.4;
    /** Margin factor on the expected flips (the spread of the genuine total around its prediction). */
    public static final double FACTOR = 2;
    /** Margin offset, bits. */
    public static final double OFFSET = 10;

    private ErrorBudget() {
    }

    /**
     * The code for an enrollment: the smallest t of the ladder with {@code t >= FACTOR * expectedFlips + OFFSET},
     * or the default (largest) t when none is.
     *
     * @param fingers       enrolled finger count
     * @param expectedFlips predicted genuine error total over all fingers, at {@link #SCALE}
     * @return the code, always on the ladder and never above {@link FusedCode#forFingers(int)}
     */
    public static FusedCode choose(int fingers, double expectedFlips) {
        int[] ladder = FusedCode.ladder(fingers).stream().mapToInt(code -> code.code().t()).toArray();
        return FusedCode.of(fingers, smallestCovering(ladder, FACTOR * expectedFlips + OFFSET)).orElseThrow();
    }

    /**
     * The rule itself, on any ladder (the evaluation measures other ladders and constants with it).
     *
     * @param ladder allowed t, ascending
     * @param need   the t the prediction asks for
     * @return the smallest t of the ladder that is at least {@code need}, else the largest
     */
    public static int smallestCovering(int[] ladder, double need) {
        for (int t : ladder) {
            if (t >= need) {
                return t;
            }
        }
        return ladder[ladder.length - 1];
    }
}
