package org.biodid.wallet;

import java.security.MessageDigest;
import java.util.Arrays;

import org.biodid.did.Bech32;
import org.biodid.crypto.Blake2b;
import org.biodid.did.WalletAddress;
import org.biodid.wallet.WalletProofException.Reason;

/**
 * Checks a CIP-30 {@code signData} answer against the wallet address a request names: the COSE_Sign1 is
 * well-formed, its header address is that address, the address's payment credential is the BLAKE2b-224 hash of the
 * COSE_Key's Ed25519 key, and the signature over the Sig_structure verifies with that key.
 * <p>
 * The checks run from cheapest to dearest, and each failure has its own {@link Reason}.
 */
public final class Cip8Verifier {

    private static final int KEY_HASH_LENGTH = 28;

    /**
     * Check a signature and return what it signed.
     *
     * @param wallet    the wallet address of the request
     * @param signature the wallet's answer
     * @return the signed payload
     * @throws WalletProofException when the signature does not prove control of {@code wallet}
     */
    public byte[] verify(WalletAddress wallet, DataSignature signature) {
        Cose.Sign1 sign1 = Cose.parseSign1(signature.signature());
        byte[] publicKey = Cose.parseEd25519Key(signature.key());
        byte[] address = Bech32.decode(wallet.text()).data();
        if (!MessageDigest.isEqual(sign1.address(), address)) {
            throw new WalletProofException(Reason.ADDRESS_MISMATCH,
                                           "The signature's address header is not wallet_address");
        }
        if (!MessageDigest.isEqual(paymentKeyHash(address), Blake2b.hash(KEY_HASH_LENGTH, publicKey))) {
            throw new WalletProofException(Reason.KEY_MISMATCH,
                                           "The signing key is not the payment key of wallet_address");
        }
        if (!Ed25519Keys.verify(publicKey, sign1.toBeSigned(), sign1.signature())) {
            throw new WalletProofException(Reason.BAD_SIGNATURE, "The wallet signature does not verify");
        }
        return sign1.payload();
    }

    /**
     * The payment key hash of a Shelley address (header types 0, 2, 4 and 6 have one; the odd types carry a script
     * hash, which no single key can sign for).
     */
    private static byte[] paymentKeyHash(byte[] address) {
        int type = (address[0] & 0xF0) >>> 4;
        if (type > 7 || (type & 1) != 0) {
            throw new WalletProofException(Reason.KEY_MISMATCH,
                                           "wallet_address has no payment key hash (a script or non-Shelley address)");
        }
        return Arrays.copyOfRange(address, 1, 1 + KEY_HASH_LENGTH);
    }
}
