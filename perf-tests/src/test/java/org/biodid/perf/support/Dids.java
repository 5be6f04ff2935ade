package org.biodid.perf.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.biodid.did.DidDerivation;
import org.biodid.did.Network;
import org.biodid.did.WalletAddress;

/**
 * Client-side knowledge the checks need: testnet wallet addresses, commitments, and the DID the service must
 * derive from a commitment ({@code did:cardano:<network>:<base58btc(BLAKE2b-256(commitment))>}), built with the
 * project's own {@code org.biodid.did} code (the harness's tests pin it to known answers).
 */
public final class Dids {

    private static final HexFormat HEX = HexFormat.of();

    private Dids() {
    }

    /**
     * The DID the service must return for a commitment.
     *
     * @param commitment raw bytes
     * @param network {@code testnet} or {@code mainnet}
     * @return DID
     */
    public static String expectedDid(byte[] commitment, String network) {
        return DidDerivation.derive(commitment, Network.parse(network)).toString();
    }

    /**
     * A random commitment of 32 bytes, hex.
     *
     * @param random source
     * @return bytes
     */
    public static byte[] commitment(SplittableRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    /**
     * Hex encoding.
     *
     * @param bytes bytes
     * @return lower-case hex
     */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /**
     * A Cardano testnet base address (header 0x00: key payment and key stake credentials, network 0), unique
     * per run nonce and index, with a valid bech32 checksum.
     *
     * @param runNonce distinguishes runs against the same database
     * @param index identity index
     * @return {@code addr_test1…}
     */
    public static String testnetAddress(long runNonce, long index) {
        byte[] credentials = new byte[56];
        System.arraycopy(sha256("payment:" + runNonce + ":" + index), 0, credentials, 0, 28);
        System.arraycopy(sha256("stake:" + runNonce + ":" + index), 0, credentials, 28, 28);
        return WalletAddress.encode(false, credentials);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
