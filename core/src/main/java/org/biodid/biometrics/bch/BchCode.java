package org.biodid.biometrics.bch;

import java.util.Arrays;

/**
 * A binary, narrow-sense BCH code (n, k, t), possibly shortened, with a systematic encoder and a
 * syndrome / Berlekamp&ndash;Massey / Chien decoder. The generator polynomial is built by
 * {@code GeneratorPolynomial}, decoding is done by {@code BchDecoder}.
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
    private final BchDecoder decoder;
    private final Spares<Workspace> spareWorkspaces = new Spares<>(this::newWorkspace);

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
        this.decoder = new BchDecoder(field, n, t);
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
        return new BchCode(field, n, t, GeneratorPolynomial.of(field, t));
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
     * Decoder scratch space for one decoding: a spare one when there is one (a verification's decoder needs
     * about 8 KB). Give it back with {@link #release(Workspace)}.
     *
     * @return a workspace, the caller's alone until released
     */
    public Workspace borrowWorkspace() {
        return spareWorkspaces.take();
    }

    /**
     * @param workspace from {@link #borrowWorkspace()}, no longer used by the caller
     */
    public void release(Workspace workspace) {
        spareWorkspaces.giveBack(workspace);
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
        if (ws.t != t) {
            // scratch sizes follow t: a smaller one overflows, and no caller should mix codes
            throw new IllegalArgumentException("workspace of a code with t = " + ws.t + ", not " + t);
        }
        return decoder.decode(word, ws);
    }

    @Override
    public String toString() {
        return "BCH(" + n + ", " + k + ", t=" + t + ")";
    }

    /**
     * Reusable decoder scratch space. Not thread-safe: one per thread (or per call). Its buffers belong to
     * {@code BchDecoder}.
     */
    public static final class Workspace {
        /** The t it was made for. */
        private final int t;

        final int[] syndromes;
        final int[] lambda;
        final int[] chien;
        final int[] positions;
        int[] previous;
        int[] scratch;

        private Workspace(int t) {
            this.t = t;
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
