package org.biodid.biometrics.eval;

import java.util.Arrays;
import java.util.Locale;

import org.biodid.biometrics.ErrorBudget;
import org.biodid.biometrics.FusedCode;

/**
 * The evaluation's enrollment-adaptive t: from an enrollment's expected genuine flips mu (the sum over its fingers of
 * {@code ExpectedFlips} at noise {@code scale}), the smallest t of the ladder with {@code t >= factor * mu + offset};
 * the largest rung (today's t) when none is. Option {@code --adaptive-t scale,factor,offset[,t1/t2/...]}, or
 * {@code --adaptive-t service} for the service's rule ({@link ErrorBudget}, {@link FusedCode#ladder(int)}).
 *
 * @param scale  noise scale of the predictor, in reliability units
 * @param factor margin factor on mu
 * @param offset margin offset, bits
 * @param ladder allowed t, ascending; the last is the finger count's default t
 */
record AdaptiveRule(double scale, double factor, double offset, int[] ladder) {

    static AdaptiveRule parse(String value, int defaultT) {
        if (value.equals("service")) {
            int[] ladder = FusedCode.ladder(Evaluation.FINGERS).stream().mapToInt(c -> c.code().t()).toArray();
            return new AdaptiveRule(ErrorBudget.SCALE, ErrorBudget.FACTOR, ErrorBudget.OFFSET, ladder);
        }
        String[] parts = value.split(",");
        if (parts.length < 3 || parts.length > 4) {
            throw new IllegalArgumentException("--adaptive-t scale,factor,offset[,t1/t2/...], was " + value);
        }
        int[] ladder = parts.length == 4
                ? Arrays.stream(parts[3].split("/")).map(String::trim).mapToInt(Integer::parseInt).sorted().toArray()
                : new int[] {55, 71, 87, defaultT};
        if (ladder[ladder.length - 1] > defaultT) {
            throw new IllegalArgumentException("the ladder may not go above t = " + defaultT);
        }
        return new AdaptiveRule(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                Double.parseDouble(parts[2]), ladder);
    }

    int choose(double expectedFlips) {
        return ErrorBudget.smallestCovering(ladder, factor * expectedFlips + offset);
    }

    int rung(int t) {
        return Arrays.binarySearch(ladder, t);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "t = smallest of %s with t >= %.3g * mu + %.3g, mu = sum Phi(-|z| / %.3g)",
                Arrays.toString(ladder), factor, offset, scale);
    }
}
