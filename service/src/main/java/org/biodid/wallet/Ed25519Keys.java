package org.biodid.wallet;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;

/**
 * Ed25519 signature checks with the JDK's provider: a raw 32-byte key (as COSE_Key carries it) is wrapped in the
 * X.509 SubjectPublicKeyInfo the JDK reads.
 */
final class Ed25519Keys {

    /** SubjectPublicKeyInfo prefix for an Ed25519 key (RFC 8410): SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING }. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    static final int KEY_LENGTH = 32;
    static final int SIGNATURE_LENGTH = 64;

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
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(rawKey));
            verifier.update(message);
            return verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException | java.security.spec.InvalidKeySpecException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no Ed25519", e);
        }
    }

    private static PublicKey publicKey(byte[] rawKey) throws GeneralSecurityException {
        byte[] spki = new byte[SPKI_PREFIX.length + KEY_LENGTH];
        System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
        System.arraycopy(rawKey, 0, spki, SPKI_PREFIX.length, KEY_LENGTH);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }
}
