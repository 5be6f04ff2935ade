package org.biodid.biometrics;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.biodid.input.InvalidInputException;

/**
 * Helper data of the fused sketch, version 2: one sketch and one MAC over all enrolled fingers.
 * <p>
 * Binary layout (big-endian):
 * <pre>
 * offset size               field
 * 0      1                  version (2)
 * 1      2                  finger set, bit i = finger ordinal i (0 = left_thumb .. 9 = right_little)
 * 3      1                  m, BCH field degree
 * 4      2                  t, errors corrected in total
 * 6      2                  bits per finger
 * 8      2                  cells, feature cell count (mask length in bits)
 * 10     16                 salt
 * 26     F * ceil(cells/8)  selection masks, one per finger in ordinal order, bit i of byte j = cell 8j + i
 * ..     ceil(F * b / 8)    sketch = w XOR c over the concatenated finger blocks, same bit order
 * ..     32                 MAC = BLAKE2b-256(key = mac key, all preceding bytes)
 * </pre>
 * F = number of fingers, b = bits per finger. The MAC key derives from the whole reproduced vector w, so only
 * reproducing every finger at once verifies it.
 *
 * @param fingers       enrolled fingers, in ordinal order
 * @param m             BCH field degree
 * @param t             errors corrected in total
 * @param bitsPerFinger bits per finger
 * @param cells         feature cell count
 * @param salt          16-byte salt
 * @param masks         selection masks, concatenated in finger order
 * @param sketch        sketch bytes
 * @param mac           32-byte MAC
 */
public record FusedHelperData(List<FingerId> fingers, int m, int t, int bitsPerFinger, int cells, byte[] salt,
                              byte[] masks, byte[] sketch, byte[] mac) {

    /** The version written and the only one read; version 1 is refused with {@link HelperDataVersionException}. */
    public static final int VERSION = 2;
    /** Salt length. */
    public static final int SALT_BYTES = 16;
    /** MAC length. */
    public static final int MAC_BYTES = 32;
    private static final int HEADER = 10;

    /**
     * Canonical constructor: checks lengths, sorts nothing (fingers must already be in ordinal order), copies.
     *
     * @param fingers       fingers
     * @param m             field degree
     * @param t             capability
     * @param bitsPerFinger bits per finger
     * @param cells         cell count
     * @param salt          salt
     * @param masks         masks
     * @param sketch        sketch
     * @param mac           MAC
     */
    public FusedHelperData {
        fingers = List.copyOf(fingers);
        for (int i = 1; i < fingers.size(); i++) {
            if (fingers.get(i).ordinal() <= fingers.get(i - 1).ordinal()) {
                throw new IllegalArgumentException("fingers must be distinct and in ordinal order");
            }
        }
        int sketchBits = fingers.size() * bitsPerFinger;
        if (fingers.size() < BiometricValidation.MIN_FINGERS || m < 3 || m > 12 || t < 1 || t > 0xFFFF
                || bitsPerFinger < 1 || cells < bitsPerFinger || cells > 0xFFFF || salt.length != SALT_BYTES
                || masks.length != fingers.size() * maskBytes(cells) || sketch.length != (sketchBits + 7) / 8
                || mac.length != MAC_BYTES) {
            throw new IllegalArgumentException("malformed helper data");
        }
        int spare = sketch.length * 8 - sketchBits;
        boolean spareSet = spare > 0 && (sketch[sketch.length - 1] & 0xFF) >>> (8 - spare) != 0;
        for (int f = 0; f < fingers.size() && !spareSet; f++) {
            int maskSpare = maskBytes(cells) * 8 - cells;
            int last = (f + 1) * maskBytes(cells) - 1;
            spareSet = maskSpare > 0 && (masks[last] & 0xFF) >>> (8 - maskSpare) != 0;
        }
        if (spareSet) {
            throw new IllegalArgumentException("malformed helper data: bits set beyond the length");
        }
        salt = salt.clone();
        masks = masks.clone();
        sketch = sketch.clone();
        mac = mac.clone();
    }

    static int maskBytes(int cells) {
        return (cells + 7) / 8;
    }

    /**
     * The version of this record.
     *
     * @return {@link #VERSION}
     */
    public int version() {
        return VERSION;
    }

    /**
     * One finger's selection mask.
     *
     * @param index position of the finger in {@link #fingers()}
     * @return a copy of its mask bytes
     */
    public byte[] mask(int index) {
        int size = maskBytes(cells);
        return Arrays.copyOfRange(masks, index * size, (index + 1) * size);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] masks() {
        return masks.clone();
    }

    @Override
    public byte[] sketch() {
        return sketch.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    /**
     * The bytes the MAC covers: everything but the MAC.
     *
     * @return bytes
     */
    public byte[] authenticatedPart() {
        ByteBuffer buf = ByteBuffer.allocate(HEADER + SALT_BYTES + masks.length + sketch.length);
        buf.put((byte) VERSION).putShort((short) fingerSet(fingers)).put((byte) m).putShort((short) t)
                .putShort((short) bitsPerFinger).putShort((short) cells).put(salt).put(masks).put(sketch);
        return buf.array();
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
     * @throws HelperDataVersionException for version 1
     * @throws InvalidInputException    if malformed
     */
    public static FusedHelperData fromBytes(String field, byte[] bytes) {
        try {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            int version = buf.get() & 0xFF;
            if (version == 1) {
                throw new HelperDataVersionException(version);
            }
            if (version != VERSION) {
                throw new InvalidInputException(field, "unsupported helper data version " + version);
            }
            int set = buf.getShort() & 0xFFFF;
            if (set >>> FingerId.values().length != 0) {
                throw new InvalidInputException(field, "unknown finger in helper data");
            }
            List<FingerId> fingers = new ArrayList<>();
            for (FingerId id : FingerId.values()) {
                if ((set >>> id.ordinal() & 1) != 0) {
                    fingers.add(id);
                }
            }
            int m = buf.get() & 0xFF;
            int t = buf.getShort() & 0xFFFF;
            int bits = buf.getShort() & 0xFFFF;
            int cells = buf.getShort() & 0xFFFF;
            byte[] salt = new byte[SALT_BYTES];
            buf.get(salt);
            byte[] masks = new byte[fingers.size() * maskBytes(cells)];
            buf.get(masks);
            byte[] sketch = new byte[(fingers.size() * bits + 7) / 8];
            buf.get(sketch);
            byte[] mac = new byte[MAC_BYTES];
            buf.get(mac);
            if (buf.hasRemaining()) {
                throw new InvalidInputException(field, "trailing bytes in helper data");
            }
            return new FusedHelperData(fingers, m, t, bits, cells, salt, masks, sketch, mac);
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
     * @throws HelperDataVersionException for version 1
     * @throws InvalidInputException    if malformed
     */
    public static FusedHelperData fromBase64Url(String field, String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "not base64url");
        }
        return fromBytes(field, bytes);
    }

    static int fingerSet(List<FingerId> fingers) {
        int set = 0;
        for (FingerId id : fingers) {
            set |= 1 << id.ordinal();
        }
        return set;
    }

    @Override
    public List<FingerId> fingers() {
        return Collections.unmodifiableList(fingers);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FusedHelperData other && Arrays.equals(toBytes(), other.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        return "FusedHelperData[v" + VERSION + ", " + fingers.size() + " fingers, " + fingers.size() * bitsPerFinger
                + " bits, t=" + t + "]";
    }
}
