package org.biodid.crypto;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * BLAKE2b (RFC 7693), BouncyCastle's, the one hash of the project: plain for DIDs and the compatibility derivation,
 * and with the parameter block's key, salt and personalization for the biometric core, where each use has its own
 * 16-byte personalization so that outputs of different purposes never coincide even on equal inputs.
 */
public final class Blake2b {

    private Blake2b() {
    }

    /**
     * Hashes the concatenation of the given parts.
     *
     * @param digestBytes digest length in bytes, 1 to 64
     * @param parts       byte arrays hashed one after the other
     * @return the digest
     */
    public static byte[] hash(int digestBytes, byte[]... parts) {
        return finish(new Blake2bDigest(digestBytes * 8), digestBytes, parts);
    }

    /**
     * Keyed, salted and personalized BLAKE2b.
     *
     * @param digestBytes     digest length in bytes, 1 to 64
     * @param key             key, or {@code null}
     * @param salt            16-byte salt, or {@code null}
     * @param personalization 16-byte personalization (see {@link #personal})
     * @param parts           byte arrays hashed one after the other
     * @return the digest
     */
    public static byte[] keyed(int digestBytes, byte[] key, byte[] salt, byte[] personalization, byte[]... parts) {
        return finish(new Blake2bDigest(key, digestBytes, salt, personalization), digestBytes, parts);
    }

    /**
     * A personalization string as the 16 bytes BLAKE2b wants.
     *
     * @param label ASCII label, exactly 16 characters
     * @return the bytes
     */
    public static byte[] personal(String label) {
        byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != 16) {
            throw new IllegalArgumentException("personalization must be 16 bytes: " + label);
        }
        return bytes;
    }

    private static byte[] finish(Blake2bDigest digest, int digestBytes, byte[]... parts) {
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digestBytes];
        digest.doFinal(out, 0);
        return out;
    }
}
