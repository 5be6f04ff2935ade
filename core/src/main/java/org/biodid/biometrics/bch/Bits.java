package org.biodid.biometrics.bch;

import java.util.Arrays;

/**
 * Helpers for bit vectors packed little-endian into {@code long[]} words: bit {@code i} is
 * {@code (words[i >>> 6] >>> i) & 1}. Bits beyond the logical length are always kept zero.
 */
public final class Bits {

    private Bits() {
    }

    /**
     * Number of words needed for a vector of the given length.
     *
     * @param bits length in bits
     * @return number of longs
     */
    public static int words(int bits) {
        return (bits + 63) >>> 6;
    }

    /**
     * Reads one bit.
     *
     * @param v vector
     * @param i bit index
     * @return the bit value
     */
    public static boolean get(long[] v, int i) {
        return ((v[i >>> 6] >>> i) & 1L) != 0;
    }

    /**
     * Sets one bit to one.
     *
     * @param v vector
     * @param i bit index
     */
    public static void set(long[] v, int i) {
        v[i >>> 6] |= 1L << i;
    }

    /**
     * Inverts one bit.
     *
     * @param v vector
     * @param i bit index
     */
    public static void flip(long[] v, int i) {
        v[i >>> 6] ^= 1L << i;
    }

    /**
     * {@code out = a XOR b} over {@code out.length} words.
     *
     * @param a first operand
     * @param b second operand
     * @param out result, may alias an operand
     */
    public static void xor(long[] a, long[] b, long[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] ^ b[i];
        }
    }

    /**
     * Hamming distance of two vectors of equal word length.
     *
     * @param a first vector
     * @param b second vector
     * @return number of differing bits
     */
    public static int distance(long[] a, long[] b) {
        int d = 0;
        for (int i = 0; i < a.length; i++) {
            d += Long.bitCount(a[i] ^ b[i]);
        }
        return d;
    }

    /**
     * Copies {@code length} bits from {@code src} starting at {@code srcPos} to {@code dst} starting at bit 0;
     * the remaining bits of {@code dst} are cleared.
     *
     * @param src source
     * @param srcPos first source bit
     * @param dst destination
     * @param length number of bits
     */
    public static void extract(long[] src, int srcPos, long[] dst, int length) {
        Arrays.fill(dst, 0L);
        int shift = srcPos & 63;
        int base = srcPos >>> 6;
        int n = words(length);
        for (int w = 0; w < n; w++) {
            long lo = src[base + w] >>> shift;
            long hi = 0;
            if (shift != 0 && base + w + 1 < src.length) {
                hi = src[base + w + 1] << (64 - shift);
            }
            dst[w] = lo | hi;
        }
        clearAbove(dst, length);
    }

    /**
     * ORs {@code length} bits of {@code src} (from bit 0) into {@code dst} starting at bit {@code dstPos}.
     *
     * @param src source
     * @param dst destination
     * @param dstPos first destination bit
     * @param length number of bits
     */
    public static void insert(long[] src, long[] dst, int dstPos, int length) {
        int shift = dstPos & 63;
        int base = dstPos >>> 6;
        int n = words(length);
        for (int w = 0; w < n; w++) {
            long word = src[w];
            if (w == n - 1 && (length & 63) != 0) {
                word &= (1L << (length & 63)) - 1;
            }
            dst[base + w] |= word << shift;
            if (shift != 0 && base + w + 1 < dst.length) {
                dst[base + w + 1] |= word >>> (64 - shift);
            }
        }
    }

    /**
     * Clears every bit at index {@code length} or above.
     *
     * @param v vector
     * @param length logical length in bits
     */
    public static void clearAbove(long[] v, int length) {
        int full = length >>> 6;
        if ((length & 63) != 0) {
            v[full] &= (1L << (length & 63)) - 1;
            full++;
        }
        for (int i = full; i < v.length; i++) {
            v[i] = 0;
        }
    }

    /**
     * Serializes a vector to bytes, little-endian, {@code ceil(length / 8)} bytes.
     *
     * @param v vector
     * @param length logical length in bits
     * @return the bytes
     */
    public static byte[] toBytes(long[] v, int length) {
        byte[] out = new byte[(length + 7) >>> 3];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (v[i >>> 3] >>> ((i & 7) << 3));
        }
        return out;
    }

    /**
     * Parses bytes written by {@link #toBytes(long[], int)}.
     *
     * @param bytes the bytes, exactly {@code ceil(length / 8)} of them
     * @param length logical length in bits
     * @return the vector
     * @throws IllegalArgumentException if the byte count is wrong or a bit beyond {@code length} is set
     */
    public static long[] fromBytes(byte[] bytes, int length) {
        if (bytes.length != (length + 7) >>> 3) {
            throw new IllegalArgumentException("expected " + ((length + 7) >>> 3) + " bytes, got " + bytes.length);
        }
        long[] v = new long[words(length)];
        for (int i = 0; i < bytes.length; i++) {
            v[i >>> 3] |= (bytes[i] & 0xFFL) << ((i & 7) << 3);
        }
        long[] check = v.clone();
        clearAbove(check, length);
        if (!Arrays.equals(check, v)) {
            throw new IllegalArgumentException("bits set beyond length " + length);
        }
        return v;
    }
}
