package org.biodid.did;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Unkeyed BLAKE2b with a chosen digest length, as Python's {@code hashlib.blake2b(digest_size=n)}.
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
        Blake2bDigest digest = new Blake2bDigest(digestBytes * 8);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digestBytes];
        digest.doFinal(out, 0);
        return out;
    }
}
