package org.biodid.perf.support;

/**
 * Bech32 encoding (BIP-173 checksum, without the 90-character limit, as Cardano addresses use it).
 */
public final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    private Bech32() {
    }

    /**
     * Encode bytes under a human-readable part.
     *
     * @param hrp e.g. {@code addr_test}
     * @param data payload bytes
     * @return bech32 string
     */
    public static String encode(String hrp, byte[] data) {
        int[] words = toWords(data);
        int[] checksum = checksum(hrp, words);
        StringBuilder out = new StringBuilder(hrp.length() + 1 + words.length + 6).append(hrp).append('1');
        for (int word : words) {
            out.append(CHARSET.charAt(word));
        }
        for (int word : checksum) {
            out.append(CHARSET.charAt(word));
        }
        return out.toString();
    }

    private static int[] toWords(byte[] data) {
        int[] words = new int[(data.length * 8 + 4) / 5];
        int accumulator = 0;
        int bits = 0;
        int index = 0;
        for (byte b : data) {
            accumulator = (accumulator << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                words[index++] = (accumulator >> bits) & 31;
            }
        }
        if (bits > 0) {
            words[index] = (accumulator << (5 - bits)) & 31;
        }
        return words;
    }

    private static int polymod(int[] values) {
        int checksum = 1;
        for (int value : values) {
            int top = checksum >>> 25;
            checksum = ((checksum & 0x1ffffff) << 5) ^ value;
            for (int i = 0; i < 5; i++) {
                if (((top >>> i) & 1) != 0) {
                    checksum ^= GENERATOR[i];
                }
            }
        }
        return checksum;
    }

    private static int[] checksum(String hrp, int[] words) {
        int[] values = new int[hrp.length() * 2 + 1 + words.length + 6];
        int i = 0;
        for (char c : hrp.toCharArray()) {
            values[i++] = c >> 5;
        }
        values[i++] = 0;
        for (char c : hrp.toCharArray()) {
            values[i++] = c & 31;
        }
        System.arraycopy(words, 0, values, i, words.length);
        int polymod = polymod(values) ^ 1;
        int[] result = new int[6];
        for (int j = 0; j < 6; j++) {
            result[j] = (polymod >>> (5 * (5 - j))) & 31;
        }
        return result;
    }
}
