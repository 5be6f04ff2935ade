package org.biodid.biometrics.bch;

import java.util.Arrays;

/**
 * Bounded-distance decoder of a binary BCH code: syndromes, Berlekamp&ndash;Massey for the error locator, Chien
 * search for its roots. Immutable; all scratch space lives in the caller's {@link BchCode.Workspace}, so decoding
 * allocates nothing.
 */
final class BchDecoder {

    private final GaloisField field;
    private final int n;
    private final int t;

    /**
     * @param field the code's field
     * @param n     code length
     * @param t     number of errors corrected
     */
    BchDecoder(GaloisField field, int n, int t) {
        this.field = field;
        this.n = n;
        this.t = t;
    }

    /**
     * Corrects up to t errors in place.
     *
     * @param word received word of n bits; corrected in place on success, untouched on failure
     * @param ws   scratch space sized for t
     * @return number of corrected bits (0 to t), or -1 when the word is not within t errors of a codeword
     *         as far as the decoder can tell
     */
    int decode(long[] word, BchCode.Workspace ws) {
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
    private int berlekampMassey(int[] s, BchCode.Workspace ws, int[] exp, int[] log, int order) {
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
    private int chien(int[] lambda, int degree, BchCode.Workspace ws, int[] exp, int[] log, int order) {
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
}
