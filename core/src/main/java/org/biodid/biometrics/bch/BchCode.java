package org.biodid.biometrics.bch;

import java.util.Arrays;

/**
 * A binary, narrow-sense BCH code (n, k, t), possibly shortened, with a systematic encoder and a
 * syndrome / Berlekamp&ndash;Massey / Chien decoder.
 * <p>
 * Codewords are bit vectors (see {@link Bits}) of length n: bits {@code [0, n - k)} carry the parity,
 * bits {@code [n - k, n)} the message. Instances are immutable and thread-safe; decoding needs a
 * {@link Workspace}, which one thread reuses across calls so that decoding allocates nothing.
 * <p>
 * The decoder never returns a word it did not verify: when the error locator has more than t roots'
 * worth of degree, or when the Chien search finds fewer roots than the locator's degree (which is what
 * happens for most patterns of more than t errors), decoding reports failure and leaves the word untouched.
 * A pattern of more than t errors that lands within t of another codeword is decoded to that codeword;
 * no decoder can detect that, which is why the fuzzy extractor authenticates its result with a MAC.
 */
public final class BchCode {

    private final GaloisField field;
    private final int n;
    private final int k;
    private final int t;
    private final int parityBits;
    /** Generator polynomial without its leading term, as a bit vector of {@code parityBits} bits. */
    private final long[] generatorLow;

    private BchCode(GaloisField field, int n, int t, int[] generator) {
        this.field = field;
        this.n = n;
        this.t = t;
        this.parityBits = generator.length - 1;
        this.k = n - parityBits;
        if (k <= 0) {
            throw new IllegalArgumentException("t = " + t + " leaves no message bits at n = " + n);
        }
        this.generatorLow = new long[Bits.words(parityBits)];
        for (int i = 0; i < parityBits; i++) {
            if (generator[i] != 0) {
                Bits.set(generatorLow, i);
            }
        }
    }

    /**
     * Creates the full-length code with {@code n = 2^m - 1} that corrects t errors.
     *
     * @param m field degree
     * @param t designed error-correcting capability
     * @return the code
     */
    public static BchCode create(int m, int t) {
        return shortened(m, t, (1 << m) - 1);
    }

    /**
     * Creates a code over GF(2^m) that corrects t errors, shortened to length n.
     *
     * @param m field degree
     * @param t designed error-correcting capability, at least 1
     * @param n code length, at most {@code 2^m - 1}
     * @return the code
     */
    public static BchCode shortened(int m, int t, int n) {
        GaloisField field = GaloisField.of(m);
        if (t < 1 || 2 * t >= field.order()) {
            throw new IllegalArgumentException("t out of range: " + t);
        }
        if (n > field.order() || n < 1) {
            throw new IllegalArgumentException("n must be in [1, " + field.order() + "], was " + n);
        }
        return new BchCode(field, n, t, generator(field, t));
    }

    /**
     * The generator polynomial: the product of the distinct minimal polynomials of alpha^1 .. alpha^2t,
     * as 0/1 coefficients, index = degree.
     */
    private static int[] generator(GaloisField field, int t) {
        int order = field.order();
        boolean[] covered = new boolean[order];
        int[] g = {1};
        for (int i = 1; i <= 2 * t; i++) {
            if (covered[i]) {
                continue;
            }
            // cyclotomic coset of i: the conjugates alpha^(i 2^j) share one minimal polynomial
            int[] minimal = {1};
            int c = i;
            do {
                covered[c] = true;
                minimal = multiplyByLinear(field, minimal, field.exp(c));
                c = (c * 2) % order;
            } while (c != i);
            g = multiplyBinary(g, minimal);
        }
        return g;
    }

    /** (poly) * (x + root) over GF(2^m). */
    private static int[] multiplyByLinear(GaloisField field, int[] poly, int root) {
        int[] out = new int[poly.length + 1];
        for (int i = 0; i < poly.length; i++) {
            out[i + 1] ^= poly[i];
            out[i] ^= field.multiply(poly[i], root);
        }
        return out;
    }

    /** Product of two polynomials whose coefficients are 0 or 1. */
    private static int[] multiplyBinary(int[] a, int[] b) {
        int[] out = new int[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            if (a[i] == 0) {
                continue;
            }
            if (a[i] != 1) {
                throw new IllegalStateException("minimal polynomial is not binary");
            }
            for (int j = 0; j < b.length; j++) {
                if (b[j] > 1) {
                    throw new IllegalStateException("minimal polynomial is not binary");
                }
                out[i + j] ^= b[j];
            }
        }
        return out;
    }

    /**
     * Code length in bits.
     *
     * @return n
     */
    public int n() {
        return n;
    }

    /**
     * Message length in bits.
     *
     * @return k
     */
    public int k() {
        return k;
    }

    /**
     * Number of errors the decoder corrects.
     *
     * @return t
     */
    public int t() {
        return t;
    }

    /**
     * Field degree m.
     *
     * @return m
     */
    public int m() {
        return field.m();
    }

    /**
     * Creates decoder scratch space for this code; reuse it across calls on one thread.
     *
     * @return a new workspace
     */
    public Workspace newWorkspace() {
        return new Workspace(t);
    }

    /**
     * Systematic encoding: writes the codeword of {@code message} into {@code codeword}.
     *
     * @param message k message bits in {@code Bits.words(k)} words; bits beyond k must be zero
     * @param codeword output, {@code Bits.words(n)} words
     */
    public void encode(long[] message, long[] codeword) {
        int regWords = generatorLow.length;
        long[] reg = new long[regWords];
        int topWord = (parityBits - 1) >>> 6;
        int topShift = (parityBits - 1) & 63;
        long topMask = (parityBits & 63) == 0 ? -1L : (1L << (parityBits & 63)) - 1;
        // LFSR division of message(x) * x^(n-k) by g(x), highest degree first
        for (int i = k - 1; i >= 0; i--) {
            long feedback = ((message[i >>> 6] >>> i) ^ (reg[topWord] >>> topShift)) & 1L;
            for (int w = regWords - 1; w > 0; w--) {
                reg[w] = (reg[w] << 1) | (reg[w - 1] >>> 63);
            }
            reg[0] <<= 1;
            reg[regWords - 1] &= topMask;
            if (feedback != 0) {
                for (int w = 0; w < regWords; w++) {
                    reg[w] ^= generatorLow[w];
                }
            }
        }
        Arrays.fill(codeword, 0L);
        System.arraycopy(reg, 0, codeword, 0, regWords);
        Bits.insert(message, codeword, parityBits, k);
    }

    /**
     * Copies the message part of a codeword.
     *
     * @param codeword codeword of n bits
     * @param message output, {@code Bits.words(k)} words
     */
    public void message(long[] codeword, long[] message) {
        Bits.extract(codeword, parityBits, message, k);
    }

    /**
     * Corrects up to t errors in place.
     *
     * @param word received word of n bits; corrected in place on success, untouched on failure
     * @param ws scratch space from {@link #newWorkspace()}
     * @return number of corrected bits (0 to t), or -1 when the word is not within t errors of a codeword
     *         as far as the decoder can tell
     */
    public int decode(long[] word, Workspace ws) {
        int[] exp = field.expTable();
        int[] log = field.logTable();
        int order = field.order();
        int[] s = ws.syndromes;
        if (!syndromes(word, s, exp, log, order)) {
            return 0;
        }
        int degree = berlekampMassey(s, ws, exp, log, order);
        if (degree < 0) {
            return -1;
        }
        int found = chien(ws.lambda, degree, ws, exp, log, order);
        if (found != degree) {
            return -1;
        }
        for (int i = 0; i < found; i++) {
            Bits.flip(word, ws.positions[i]);
        }
        return found;
    }

    /** Fills s[1..2t]; returns false when all are zero (the word is a codeword). */
    private boolean syndromes(long[] word, int[] s, int[] exp, int[] log, int order) {
        int twoT = 2 * t;
        Arrays.fill(s, 0);
        for (int w = 0; w < word.length; w++) {
            long bits = word[w];
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                // odd syndromes only: S_j = sum over set bits i of alpha^(i j)
                int step = (2 * i) % order;
                int idx = i % order;
                for (int j = 1; j <= twoT; j += 2) {
                    s[j] ^= exp[idx];
                    idx += step;
                    if (idx >= order) {
                        idx -= order;
                    }
                }
            }
        }
        boolean any = false;
        for (int j = 1; j <= twoT; j += 2) {
            any |= s[j] != 0;
        }
        if (!any) {
            return false;
        }
        // over GF(2), S_2j = S_j^2
        for (int j = 2; j <= twoT; j += 2) {
            int half = s[j >>> 1];
            s[j] = half == 0 ? 0 : exp[2 * log[half] % order];
        }
        return true;
    }

    /** Berlekamp–Massey; leaves the locator in ws.lambda; returns its degree L, or -1 if L > t. */
    private int berlekampMassey(int[] s, Workspace ws, int[] exp, int[] log, int order) {
        int[] c = ws.lambda;
        int[] b = ws.previous;
        int[] tmp = ws.scratch;
        Arrays.fill(c, 0);
        Arrays.fill(b, 0);
        c[0] = 1;
        b[0] = 1;
        int length = 0;
        int shift = 1;
        int lastDiscrepancy = 1;
        int size = c.length;
        for (int r = 0; r < 2 * t; r++) {
            int d = s[r + 1];
            for (int i = 1; i <= length; i++) {
                if (c[i] != 0 && s[r + 1 - i] != 0) {
                    d ^= exp[log[c[i]] + log[s[r + 1 - i]]];
                }
            }
            if (d == 0) {
                shift++;
                continue;
            }
            int coefLog = log[d] - log[lastDiscrepancy] + order;
            if (2 * length <= r) {
                System.arraycopy(c, 0, tmp, 0, size);
                addShifted(c, b, shift, coefLog, exp, log, order);
                length = r + 1 - length;
                int[] swap = b;
                b = tmp;
                tmp = swap;
                lastDiscrepancy = d;
                shift = 1;
            } else {
                addShifted(c, b, shift, coefLog, exp, log, order);
                shift++;
            }
        }
        // keep the buffers owned by the workspace in their slots for the next call
        ws.previous = b;
        ws.scratch = tmp;
        return length > t ? -1 : length;
    }

    /** c += alpha^coefLog * x^shift * b. */
    private static void addShifted(int[] c, int[] b, int shift, int coefLog, int[] exp, int[] log, int order) {
        int limit = c.length - shift;
        for (int i = 0; i < limit; i++) {
            if (b[i] != 0) {
                c[i + shift] ^= exp[(log[b[i]] + coefLog) % order];
            }
        }
    }

    /** Finds the positions i in [0, n) with lambda(alpha^-i) = 0; returns how many. */
    private int chien(int[] lambda, int degree, Workspace ws, int[] exp, int[] log, int order) {
        int[] reg = ws.chien;
        for (int j = 1; j <= degree; j++) {
            reg[j] = lambda[j] == 0 ? -1 : log[lambda[j]];
        }
        int found = 0;
        for (int i = 0; i < n; i++) {
            int value = 1; // lambda[0]
            for (int j = 1; j <= degree; j++) {
                int r = reg[j];
                if (r >= 0) {
                    value ^= exp[r];
                    r -= j;
                    reg[j] = r < 0 ? r + order : r;
                }
            }
            if (value == 0) {
                ws.positions[found++] = i;
                if (found == degree) {
                    break;
                }
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return "BCH(" + n + ", " + k + ", t=" + t + ")";
    }

    /**
     * Reusable decoder scratch space. Not thread-safe: one per thread (or per call).
     */
    public static final class Workspace {
        private final int[] syndromes;
        private final int[] lambda;
        private final int[] chien;
        private final int[] positions;
        private int[] previous;
        private int[] scratch;

        private Workspace(int t) {
            // Berlekamp–Massey intermediate polynomials can reach degree 4t when there are more than t errors
            int size = 4 * t + 2;
            this.syndromes = new int[2 * t + 1];
            this.lambda = new int[size];
            this.previous = new int[size];
            this.scratch = new int[size];
            this.chien = new int[size];
            this.positions = new int[size];
        }
    }
}
