package org.biodid.did;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Bech32 (BIP-173) as Cardano uses it for addresses: the original checksum constant, and no 90-character limit,
 * since Shelley addresses with stake parts are longer.
 */
public final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    private static final int[] REVERSE = new int[128];
    private static final int CHECKSUM_LENGTH = 6;
    /** Long enough for any Cardano address (a Byron address in bech32 is the longest seen in practice). */
    private static final int MAX_LENGTH = 1023;

    static {
        java.util.Arrays.fill(REVERSE, -1);
        for (int i = 0; i < CHARSET.length(); i++) {
            REVERSE[CHARSET.charAt(i)] = i;
        }
    }

    private Bech32() {
    }

    /**
     * A decoded bech32 string.
     *
     * @param hrp  human-readable part, lower case
     * @param data payload bytes (8-bit)
     */
    public record Decoded(String hrp, byte[] data) {
    }

    /**
     * Decode and check a bech32 string.
     *
     * @param text the string
     * @return its parts
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static Decoded decode(String text) {
        if (text.length() < 8 || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("has an invalid length");
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 33 || c > 126) {
                throw new IllegalArgumentException("contains an invalid character");
            }
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
        }
        if (lower && upper) {
            throw new IllegalArgumentException("mixes upper and lower case");
        }
        String s = text.toLowerCase(Locale.ROOT);
        int separator = s.lastIndexOf('1');
        if (separator < 1 || separator + CHECKSUM_LENGTH + 1 > s.length()) {
            throw new IllegalArgumentException("has no valid separator");
        }
        String hrp = s.substring(0, separator);
        int[] values = new int[s.length() - separator - 1];
        for (int i = 0; i < values.length; i++) {
            char c = s.charAt(separator + 1 + i);
            int v = c < 128 ? REVERSE[c] : -1;
            if (v < 0) {
                throw new IllegalArgumentException("contains a character outside the bech32 alphabet");
            }
            values[i] = v;
        }
        if (polymod(hrp, values, values.length) != 1) {
            throw new IllegalArgumentException("has an invalid bech32 checksum");
        }
        byte[] data = convertBits(values, values.length - CHECKSUM_LENGTH, 5, 8, false);
        return new Decoded(hrp, data);
    }

    /**
     * Encode bytes as bech32.
     *
     * @param hrp  human-readable part
     * @param data payload
     * @return bech32 string
     */
    public static String encode(String hrp, byte[] data) {
        int[] unsigned = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            unsigned[i] = data[i] & 0xFF;
        }
        byte[] fiveBit = convertBits(unsigned, unsigned.length, 8, 5, true);
        int[] values = new int[fiveBit.length + CHECKSUM_LENGTH];
        for (int i = 0; i < fiveBit.length; i++) {
            values[i] = fiveBit[i];
        }
        int mod = polymod(hrp, values, values.length) ^ 1;
        for (int i = 0; i < CHECKSUM_LENGTH; i++) {
            values[fiveBit.length + i] = (mod >>> (5 * (5 - i))) & 31;
        }
        StringBuilder out = new StringBuilder(hrp.length() + 1 + values.length).append(hrp).append('1');
        for (int v : values) {
            out.append(CHARSET.charAt(v));
        }
        return out.toString();
    }

    private static int polymod(String hrp, int[] values, int length) {
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) >> 5);
        }
        chk = step(chk, 0);
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) & 31);
        }
        for (int i = 0; i < length; i++) {
            chk = step(chk, values[i]);
        }
        return chk;
    }

    private static int step(int chk, int value) {
        int top = chk >>> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                chk ^= GENERATOR[i];
            }
        }
        return chk;
    }

    private static byte[] convertBits(int[] in, int length, int from, int to, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxv = (1 << to) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(length * from / to + 1);
        for (int i = 0; i < length; i++) {
            acc = (acc << from) | in[i];
            bits += from;
            while (bits >= to) {
                bits -= to;
                out.write((acc >>> bits) & maxv);
            }
        }
        if (pad) {
            if (bits > 0) {
                out.write((acc << (to - bits)) & maxv);
            }
        } else if (bits >= from || ((acc << (to - bits)) & maxv) != 0) {
            throw new IllegalArgumentException("has invalid padding");
        }
        return out.toByteArray();
    }
}
