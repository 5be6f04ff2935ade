package org.biodid.biometrics;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * BLAKE2b with the parameter block's key, salt and personalization (RFC 7693; BouncyCastle), the one hash
 * of the biometric core. Each use has its own 16-byte personalization, so outputs of different purposes
 * never coincide even on equal inputs.
 */
final class Blake2 {

    private Blake2() {
    }

    /**
     * A personalization string as the 16 bytes BLAKE2b wants.
     *
     * @param label ASCII label, exactly 16 characters
     * @return the bytes
     */
    static byte[] personal(String label) {
        byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != 16) {
            throw new IllegalArgumentException("personalization must be 16 bytes: " + label);
        }
        return bytes;
    }

    /**
     * BLAKE2b.
     *
     * @param outBytes        digest length, 1..64
     * @param key             key or null
     * @param salt            16-byte salt or null
     * @param personalization 16-byte personalization
     * @param parts           data, concatenated
     * @return the digest
     */
    static byte[] hash(int outBytes, byte[] key, byte[] salt, byte[] personalization, byte[]... parts) {
        Blake2bDigest digest = new Blake2bDigest(key, outBytes, salt, personalization);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[outBytes];
        digest.doFinal(out, 0);
        return out;
    }
}
