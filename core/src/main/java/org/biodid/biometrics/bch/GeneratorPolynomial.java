package org.biodid.biometrics.bch;

/**
 * Construction of a narrow-sense binary BCH code's generator polynomial: the product of the distinct minimal
 * polynomials of alpha^1 .. alpha^2t over GF(2^m).
 */
final class GeneratorPolynomial {

    private GeneratorPolynomial() {
    }

    /**
     * The generator polynomial: the product of the distinct minimal polynomials of alpha^1 .. alpha^2t,
     * as 0/1 coefficients, index = degree.
     *
     * @param field the field GF(2^m)
     * @param t     designed error-correcting capability
     * @return coefficients, index = degree
     */
    static int[] of(GaloisField field, int t) {
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
}
