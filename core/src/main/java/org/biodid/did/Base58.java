package org.biodid.did;

import java.util.Arrays;
import java.util.Objects;

/**
 * Base58 with the Bitcoin alphabet, without checksum and without a multibase prefix.
 * <p>
 * Each leading zero byte is written as one {@code '1'}; the remaining bytes are the big-endian
 * number written in base 58. This is what Python's {@code base58.b58encode} produces, which the
 * original toolkit used for DIDs.
 */
public final class Base58 {

    private static final char[] ALPHABET =
            "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEXES[ALPHABET[i]] = i;
        }
    }

    private Base58() {
    }

    /**
     * Encodes bytes as Base58.
     *
     * @param input bytes to encode (may be empty)
     * @return the Base58 text, empty for empty input
     */
    public static String encode(byte[] input) {
        Objects.requireNonNull(input, "input");
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        // Repeated division of the big-endian number by 58, on a copy we may destroy.
        byte[] number = Arrays.copyOfRange(input, zeros, input.length);
        char[] out = new char[number.length * 2];
        int outStart = out.length;
        int start = 0;
        while (start < number.length) {
            int remainder = divide(number, start, 256, 58);
            out[--outStart] = ALPHABET[remainder];
            while (start < number.length && number[start] == 0) {
                start++;
            }
        }
        StringBuilder text = new StringBuilder(zeros + out.length - outStart);
        text.repeat('1', zeros);
        text.append(out, outStart, out.length - outStart);
        return text.toString();
    }

    /**
     * Decodes Base58 text.
     *
     * @param text Base58 text (may be empty)
     * @return the decoded bytes
     * @throws IllegalArgumentException if the text contains a character outside the alphabet
     */
    public static byte[] decode(String text) {
        Objects.requireNonNull(text, "text");
        byte[] digits = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("Invalid Base58 character at index " + i);
            }
            digits[i] = (byte) digit;
        }
        int zeros = 0;
        while (zeros < digits.length && digits[zeros] == 0) {
            zeros++;
        }
        byte[] out = new byte[text.length()];
        int outStart = out.length;
        int start = zeros;
        while (start < digits.length) {
            int remainder = divide(digits, start, 58, 256);
            out[--outStart] = (byte) remainder;
            while (start < digits.length && digits[start] == 0) {
                start++;
            }
        }
        byte[] result = new byte[zeros + out.length - outStart];
        System.arraycopy(out, outStart, result, zeros, out.length - outStart);
        return result;
    }

    /**
     * Divides the number held in {@code number[start..]} (digits in base {@code base}, big-endian)
     * by {@code divisor} in place.
     *
     * @return the remainder
     */
    private static int divide(byte[] number, int start, int base, int divisor) {
        int remainder = 0;
        for (int i = start; i < number.length; i++) {
            int digit = number[i] & 0xFF;
            int value = remainder * base + digit;
            number[i] = (byte) (value / divisor);
            remainder = value % divisor;
        }
        return remainder;
    }
}
