package org.biodid.wallet;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import org.biodid.did.Bech32;
import org.biodid.crypto.Blake2b;
import org.biodid.did.WalletAddress;

/**
 * The wallet side of CIP-30 {@code signData} for one Ed25519 payment key: what a browser wallet does when a dApp asks
 * it to sign a challenge. Tests, the load generator and the development command ({@link DevWallet}) sign with it;
 * the service never does.
 * <p>
 * Signer and verifier both use BouncyCastle's Ed25519; {@code WalletSignatureTest} pins them to RFC 8032's test
 * vector, to a vector computed without this code ({@code docs/examples/cip30-vector.py}) and to the JDK's verifier.
 */
public final class Cip30Signer {

    private static final int SEED_BYTES = 32;
    private static final int KEY_HASH_BYTES = 28;

    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;

    /**
     * @param seed 32-byte Ed25519 private key (seed)
     */
    public Cip30Signer(byte[] seed) {
        if (seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("An Ed25519 seed has 32 bytes");
        }
        this.privateKey = new Ed25519PrivateKeyParameters(seed, 0);
        this.publicKey = privateKey.generatePublicKey().getEncoded();
    }

    /**
     * @param random randomness
     * @return a wallet with a fresh key
     */
    public static Cip30Signer random(SecureRandom random) {
        byte[] seed = new byte[SEED_BYTES];
        random.nextBytes(seed);
        return new Cip30Signer(seed);
    }

    /**
     * @return the raw 32-byte public key
     */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * @return BLAKE2b-224 of the public key: the payment credential of this wallet's addresses
     */
    public byte[] keyHash() {
        return Blake2b.hash(KEY_HASH_BYTES, publicKey);
    }

    /**
     * @param mainnet network
     * @return the enterprise address (header type 6: payment key hash, no stake part)
     */
    public String enterpriseAddress(boolean mainnet) {
        return WalletAddress.encode(mainnet, keyHash());
    }

    /**
     * @param mainnet      network
     * @param stakeKeyHash 28-byte stake credential
     * @return the base address (header type 0: payment key hash, stake key hash)
     */
    public String baseAddress(boolean mainnet, byte[] stakeKeyHash) {
        byte[] credentials = new byte[2 * KEY_HASH_BYTES];
        System.arraycopy(keyHash(), 0, credentials, 0, KEY_HASH_BYTES);
        System.arraycopy(stakeKeyHash, 0, credentials, KEY_HASH_BYTES, KEY_HASH_BYTES);
        return WalletAddress.encode(mainnet, credentials);
    }

    /**
     * CIP-30 {@code signData(address, payload)}.
     *
     * @param address bech32 address put in the protected header
     * @param payload bytes to sign
     * @return COSE_Sign1 and COSE_Key, hex-encoded
     */
    public DataSignature signData(String address, byte[] payload) {
        byte[] protectedHeader = Cose.protectedHeader(Bech32.decode(address).data());
        byte[] signature = sign(Cose.sigStructure(protectedHeader, payload));
        HexFormat hex = HexFormat.of();
        return new DataSignature(hex.formatHex(Cose.sign1(protectedHeader, payload, signature)),
                                 hex.formatHex(Cose.ed25519Key(publicKey)));
    }

    /**
     * Sign a challenge's text as issued.
     *
     * @param address bech32 address
     * @param payload the challenge's {@code payload} text
     * @return COSE_Sign1 and COSE_Key, hex-encoded
     */
    public DataSignature signChallenge(String address, String payload) {
        return signData(address, payload.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Raw Ed25519 signature (RFC 8032 PureEdDSA).
     *
     * @param message message
     * @return 64-byte signature
     */
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }
}
