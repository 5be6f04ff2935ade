package org.biodid.biometrics;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import org.biodid.input.InvalidInputException;

/**
 * Public per-finger helper data of the code-offset fuzzy extractor, version 1.
 * <p>
 * The per-finger design (helper data version 1) that the fused sketch replaced: it lets helper data be tested
 * finger by finger. It lives in the test kit only, so that the evaluation can measure that attack and compare
 * the designs; the service never runs it.
 * <p>
 * Binary layout (big-endian):
 * <pre>
 * offset size          field
 * 0      1             version (1)
 * 1      1             finger (ordinal of {@link FingerId}, 0 = left_thumb .. 9 = right_little)
 * 2      1             m, BCH field degree
 * 3      1             t, BCH correction capability
 * 4      2             n, bit vector length
 * 6      2             cells, feature cell count (mask length in bits)
 * 8      16            salt
 * 24     ceil(cells/8) selection mask, bit i of byte j = cell 8j + i
 * ..     ceil(n/8)     sketch = w XOR c, same bit order
 * ..     32            MAC = BLAKE2b-256(key = mac key, all preceding bytes)
 * </pre>
 * It holds no parity of the input: only the code-offset sketch, the random salt and the public cell
 * selection. The MAC key derives from the reproduced bit vector, so only a correct reproduction can
 * verify it; tampering with any byte, or decoding to the wrong codeword, is detected.
 *
 * @param version version, 1
 * @param finger  finger
 * @param m       BCH field degree
 * @param t       BCH correction capability
 * @param n       bit length
 * @param cells   feature cell count
 * @param salt    16-byte salt
 * @param mask    selection mask bytes
 * @param sketch  sketch bytes
 * @param mac     32-byte MAC
 */
public record HelperData(int version, FingerId finger, int m, int t, int n, int cells,
                         byte[] salt, byte[] mask, byte[] sketch, byte[] mac) {

    /** The only version written. */
    public static final int VERSION = 1;
    /** Salt length. */
    public static final int SALT_BYTES = 16;
    /** MAC length. */
    public static final int MAC_BYTES = 32;
    private static final int HEADER = 8;

    /**
     * Canonical constructor: checks lengths, copies arrays.
     *
     * @param version version
     * @param finger  finger
     * @param m       field degree
     * @param t       capability
     * @param n       bit length
     * @param cells   cell count
     * @param salt    salt
     * @param mask    mask
     * @param sketch  sketch
     * @param mac     MAC
     */
    public HelperData {
        Objects.requireNonNull(finger, "finger");
        if (version != VERSION || m < 3 || m > 12 || t < 1 || t > 255 || n < 1 || n > 0xFFFF
                || cells < n || cells > 0xFFFF || salt.length != SALT_BYTES || mask.length != (cells + 7) / 8
                || sketch.length != (n + 7) / 8 || mac.length != MAC_BYTES) {
            throw new IllegalArgumentException("malformed helper data");
        }
        if (spareBitsSet(mask, cells) || spareBitsSet(sketch, n)) {
            throw new IllegalArgumentException("malformed helper data: bits set beyond the length");
        }
        salt = salt.clone();
        mask = mask.clone();
        sketch = sketch.clone();
        mac = mac.clone();
    }

    /**
     * The salt.
     *
     * @return a copy
     */
    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /**
     * The selection mask.
     *
     * @return a copy
     */
    @Override
    public byte[] mask() {
        return mask.clone();
    }

    /**
     * The sketch.
     *
     * @return a copy
     */
    @Override
    public byte[] sketch() {
        return sketch.clone();
    }

    /**
     * The MAC.
     *
     * @return a copy
     */
    @Override
    public byte[] mac() {
        return mac.clone();
    }

    /**
     * The binary form.
     *
     * @return bytes
     */
    public byte[] toBytes() {
        byte[] body = authenticatedPart();
        byte[] out = Arrays.copyOf(body, body.length + MAC_BYTES);
        System.arraycopy(mac, 0, out, body.length, MAC_BYTES);
        return out;
    }

    /**
     * The bytes the MAC covers: everything but the MAC.
     *
     * @return bytes
     */
    public byte[] authenticatedPart() {
        ByteBuffer buf = ByteBuffer.allocate(HEADER + SALT_BYTES + mask.length + sketch.length);
        buf.put((byte) version).put((byte) finger.ordinal()).put((byte) m).put((byte) t)
                .putShort((short) n).putShort((short) cells).put(salt).put(mask).put(sketch);
        return buf.array();
    }

    /**
     * The JSON form: base64url of {@link #toBytes()}, no padding.
     *
     * @return text
     */
    public String toBase64Url() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(toBytes());
    }

    /**
     * Parses the binary form.
     *
     * @param field field path for errors
     * @param bytes the bytes
     * @return helper data
     * @throws InvalidInputException if malformed
     */
    public static HelperData fromBytes(String field, byte[] bytes) {
        try {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            int version = buf.get() & 0xFF;
            if (version != VERSION) {
                throw new InvalidInputException(field, "unsupported helper data version " + version);
            }
            int fingerOrdinal = buf.get() & 0xFF;
            if (fingerOrdinal >= FingerId.values().length) {
                throw new InvalidInputException(field, "unknown finger in helper data");
            }
            int m = buf.get() & 0xFF;
            int t = buf.get() & 0xFF;
            int n = buf.getShort() & 0xFFFF;
            int cells = buf.getShort() & 0xFFFF;
            byte[] salt = new byte[SALT_BYTES];
            buf.get(salt);
            byte[] mask = new byte[(cells + 7) / 8];
            buf.get(mask);
            byte[] sketch = new byte[(n + 7) / 8];
            buf.get(sketch);
            byte[] mac = new byte[MAC_BYTES];
            buf.get(mac);
            if (buf.hasRemaining()) {
                throw new InvalidInputException(field, "trailing bytes in helper data");
            }
            return new HelperData(version, FingerId.values()[fingerOrdinal], m, t, n, cells, salt, mask, sketch, mac);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            if (e instanceof InvalidInputException bie) {
                throw bie;
            }
            throw new InvalidInputException(field, "malformed helper data");
        }
    }

    /**
     * Parses the base64url form.
     *
     * @param field field path for errors
     * @param text  base64url text, padding optional
     * @return helper data
     * @throws InvalidInputException if malformed
     */
    public static HelperData fromBase64Url(String field, String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "not base64url");
        }
        return fromBytes(field, bytes);
    }

    private static boolean spareBitsSet(byte[] bytes, int bits) {
        int spare = bytes.length * 8 - bits;
        return spare > 0 && (bytes[bytes.length - 1] & 0xFF) >>> (8 - spare) != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HelperData other && Arrays.equals(toBytes(), other.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        return "HelperData[" + finger.wireName() + ", v" + version + ", BCH(" + n + ", t=" + t + ")]";
    }
}
