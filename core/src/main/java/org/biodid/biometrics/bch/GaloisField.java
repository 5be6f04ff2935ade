package org.biodid.biometrics.bch;

/**
 * The finite field GF(2^m), 3 &le; m &le; 12, with log and antilog tables.
 * <p>
 * Elements are ints in {@code [0, 2^m)} in the polynomial basis. Multiplication and division go through the
 * tables, so they cost two lookups and an addition; the antilog table is doubled so that the sum of two logs
 * never needs a modulo.
 */
public final class GaloisField {

    /**
     * Primitive polynomials, indexed by m (bit i = coefficient of x^i). Standard choices, e.g. from
     * Lin and Costello, Error Control Coding, appendix B.
     */
    private static final int[] PRIMITIVE = {
        0, 0, 0,
        0b1011,             // m = 3: x^3 + x + 1
        0b10011,            // m = 4: x^4 + x + 1
        0b100101,           // m = 5: x^5 + x^2 + 1
        0b1000011,          // m = 6: x^6 + x + 1
        0b10001001,         // m = 7: x^7 + x^3 + 1
        0b100011101,        // m = 8: x^8 + x^4 + x^3 + x^2 + 1
        0b1000010001,       // m = 9: x^9 + x^4 + 1
        0b10000001001,      // m = 10: x^10 + x^3 + 1
        0b100000000101,     // m = 11: x^11 + x^2 + 1
        0b1000001010011,    // m = 12: x^12 + x^6 + x^4 + x + 1
    };

    private final int m;
    private final int order;
    private final int[] exp;
    private final int[] log;

    private GaloisField(int m) {
        this.m = m;
        this.order = (1 << m) - 1;
        this.exp = new int[2 * order];
        this.log = new int[order + 1];
        int x = 1;
        for (int i = 0; i < order; i++) {
            exp[i] = x;
            exp[i + order] = x;
            log[x] = i;
            x <<= 1;
            if ((x & (1 << m)) != 0) {
                x ^= PRIMITIVE[m];
            }
        }
        if (x != 1) {
            throw new IllegalStateException("Polynomial for m = " + m + " is not primitive");
        }
        // log[0] is undefined; callers must test for zero first.
        log[0] = -1;
    }

    /**
     * Creates the field GF(2^m).
     *
     * @param m extension degree, 3 to 12
     * @return the field
     */
    public static GaloisField of(int m) {
        if (m < 3 || m >= PRIMITIVE.length) {
            throw new IllegalArgumentException("m must be in [3, " + (PRIMITIVE.length - 1) + "], was " + m);
        }
        return new GaloisField(m);
    }

    /**
     * Extension degree m.
     *
     * @return m
     */
    public int m() {
        return m;
    }

    /**
     * Order of the multiplicative group, {@code 2^m - 1}.
     *
     * @return the order
     */
    public int order() {
        return order;
    }

    /**
     * The primitive element raised to a power.
     *
     * @param power exponent, any int in {@code [0, 2 * order)}
     * @return alpha^power
     */
    public int exp(int power) {
        return exp[power];
    }

    /**
     * Discrete logarithm to base alpha.
     *
     * @param element non-zero element
     * @return log, in {@code [0, order)}
     */
    public int log(int element) {
        return log[element];
    }

    /**
     * Product of two elements.
     *
     * @param a element
     * @param b element
     * @return a * b
     */
    public int multiply(int a, int b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return exp[log[a] + log[b]];
    }

    /**
     * Quotient of two elements.
     *
     * @param a dividend
     * @param b non-zero divisor
     * @return a / b
     */
    public int divide(int a, int b) {
        if (b == 0) {
            throw new ArithmeticException("division by zero in GF(2^" + m + ")");
        }
        if (a == 0) {
            return 0;
        }
        return exp[log[a] - log[b] + order];
    }

    // package-private raw tables for the decoder's inner loops
    int[] expTable() {
        return exp;
    }

    int[] logTable() {
        return log;
    }
}
