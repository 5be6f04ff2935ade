package org.biodid.biometrics;

import java.util.List;
import java.util.Optional;

import org.biodid.biometrics.bch.BchCode;

/**
 * The one BCH code of a fused sketch, chosen by the number of enrolled fingers: the fingers' bit vectors are
 * concatenated (finger blocks in ordinal order) and protected together, so the code corrects the <em>total</em>
 * number of bit errors over all fingers, wherever they fall.
 * <p>
 * Layout: 255 bits per finger for 2&ndash;4 fingers, {@code floor(1020 / count)} for 5&ndash;10 (the code stays at
 * about 1,020 bits and Rep time stays flat); GF(2^9) for 2 fingers, GF(2^10) otherwise, shortened to the
 * layout's length. The correction capability {@code t(count)} follows one rule, applied on the tuning seed only
 * ({@code FusedStudy}, seed 7; docs/biometrics.md &sect;5): the largest t whose false accept against a full
 * guess of random other fingers does not exceed the per-finger design's all-fingers rate (1.8 % per finger, to
 * the power of the count). The gain of fusing is spent on false rejects, not on weaker security.
 * <p>
 * For 4 or more fingers the code's dimension k is at least the bits per finger. For a shortened cyclic code,
 * any k consecutive positions are an information set, so the projection onto one finger's block is onto: no
 * parity check involves one finger's bits alone, and the sketch restricted to one finger is uniformly random
 * whatever that finger is. For 2 and 3 fingers no code with acceptable false rejects has k that large;
 * {@link #localChecks(int)} states how many checks remain on one finger (tested, and discussed in the docs).
 * <p>
 * <b>A ladder of t per finger count.</b> The t above is the finger count's default and its largest; Gen may choose a
 * smaller t from {@link #ladder(int)} for an enrollment whose predicted genuine errors are small
 * ({@link ErrorBudget}), so that impostors of prints with many stable bits (rolled, dense) are not accepted within
 * the default budget. A smaller t only enlarges k, so the argument above holds on every rung. The helper data records
 * the chosen t; Rep accepts it only if it is on the finger count's ladder ({@link #of(int, int)}).
 *
 * @param fingers       enrolled finger count, 2&ndash;10
 * @param bitsPerFinger bits selected per finger
 * @param code          the BCH code over {@code fingers * bitsPerFinger} bits
 */
public record FusedCode(int fingers, int bitsPerFinger, BchCode code) {

    /** Default (and largest) t by finger count (index = count), from the parity rule above on tuning seed 7. */
    private static final int[] T = {0, 0, 61, 82, 103, 91, 82, 74, 70, 64, 61};
    /**
     * The t an enrollment may choose, ascending, by finger count; the last is {@link #T}. Only 4 fingers, the
     * service's minimum, has lower rungs: the predictor was calibrated and measured there (docs/biometrics.md &sect;9,
     * "Per enrollment"); other counts keep their one t until they are measured.
     */
    private static final int[][] LADDERS = {{}, {}, {61}, {82}, {55, 71, 87, 103}, {91}, {82}, {74}, {70}, {64}, {61}};
    /** Codes by finger count and rung of {@link #LADDERS}. */
    private static final FusedCode[][] CODES = new FusedCode[T.length][];

    static {
        for (int count = BiometricValidation.MIN_FINGERS; count < T.length; count++) {
            int bits = count <= 4 ? 255 : 1020 / count;
            int length = count * bits;
            int m = 32 - Integer.numberOfLeadingZeros(length);
            CODES[count] = new FusedCode[LADDERS[count].length];
            for (int rung = 0; rung < LADDERS[count].length; rung++) {
                CODES[count][rung] = new FusedCode(count, bits, BchCode.shortened(m, LADDERS[count][rung], length));
            }
        }
    }

    /**
     * The code for a finger count.
     *
     * @param fingers enrolled finger count
     * @return the code
     * @throws IllegalArgumentException outside 2&ndash;10
     */
    public static FusedCode forFingers(int fingers) {
        FusedCode[] ladder = codes(fingers);
        return ladder[ladder.length - 1];
    }

    /**
     * The code for a finger count and a t of its ladder.
     *
     * @param fingers enrolled finger count
     * @param t       correction capability
     * @return the code, or empty when t is not on the finger count's ladder
     * @throws IllegalArgumentException outside 2&ndash;10 fingers
     */
    public static Optional<FusedCode> of(int fingers, int t) {
        for (FusedCode code : codes(fingers)) {
            if (code.code().t() == t) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    /**
     * The codes an enrollment of this finger count may use, by ascending t; the last is {@link #forFingers(int)}.
     *
     * @param fingers enrolled finger count
     * @return the ladder (a copy)
     * @throws IllegalArgumentException outside 2&ndash;10
     */
    public static List<FusedCode> ladder(int fingers) {
        return List.of(codes(fingers));
    }

    private static FusedCode[] codes(int fingers) {
        if (fingers < BiometricValidation.MIN_FINGERS || fingers >= CODES.length) {
            throw new IllegalArgumentException("finger count must be 2..10, was " + fingers);
        }
        return CODES[fingers];
    }

    /**
     * Total bits.
     *
     * @return {@code fingers * bitsPerFinger}
     */
    public int length() {
        return fingers * bitsPerFinger;
    }

    /**
     * Number of independent parity checks of the code that involve only the bits of {@code subset} whole finger
     * blocks (any subset of that size, the code being cyclic): {@code max(0, subset * bitsPerFinger - k)}. Zero
     * means a guess for those fingers cannot be checked against the sketch at all.
     *
     * @param subset number of fingers guessed
     * @return the dimension of the checks supported on those fingers
     */
    public int localChecks(int subset) {
        return Math.max(0, subset * bitsPerFinger - code.k());
    }
}
