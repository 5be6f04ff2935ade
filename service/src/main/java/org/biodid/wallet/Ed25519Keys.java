package org.biodid.wallet;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 signature checks (RFC 8032 PureEdDSA) on raw 32-byte keys, as COSE_Key carries them.
 * <p>
 * BouncyCastle rather than the JDK's {@code Signature.getInstance("Ed25519")}: both are RFC 8032 verifiers (canonical
 * {@code S}, point decoding checked), but on the reference machine the JDK's took about 7 to 9 times as long per
 * verification (measured with {@code WalletSignatureBenchmark} and a side-by-side loop, see {@code docs/api.md}), and
 * BouncyCastle is already a dependency. {@code WalletSignatureTest} checks that the JDK agrees on the same inputs.
 */
final class Ed25519Keys {

    static final int KEY_LENGTH = Ed25519.PUBLIC_KEY_SIZE;
    static final int SIGNATURE_LENGTH = Ed25519.SIGNATURE_SIZE;

    private Ed25519Keys() {
    }

    /**
     * @param rawKey    32-byte public key
     * @param message   signed bytes
     * @param signature 64-byte signature
     * @return whether the signature is valid; a key that is not a curve point is not valid either
     */
    static boolean verify(byte[] rawKey, byte[] message, byte[] signature) {
        if (rawKey.length != KEY_LENGTH || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        return Ed25519.verify(signature, 0, rawKey, 0, message, 0, message.length);
    }
}
