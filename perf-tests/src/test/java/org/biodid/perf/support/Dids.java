package org.biodid.perf.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Client-side knowledge the checks need: testnet wallet addresses, commitments, and the DID the service must
 * derive from a commitment ({@code did:cardano:<network>:<base58btc(BLAKE2b-256(commitment))>}, api.md).
 */
public final class Dids {

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
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
        Blake2bDigest digest = new Blake2bDigest(256);
        digest.update(commitment, 0, commitment.length);
        byte[] hash = new byte[32];
        digest.doFinal(hash, 0);
        return "did:cardano:" + network + ":" + base58(hash);
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
        byte[] payload = new byte[57];
        byte[] payment = sha256("payment:" + runNonce + ":" + index);
        byte[] stake = sha256("stake:" + runNonce + ":" + index);
        System.arraycopy(payment, 0, payload, 1, 28);
        System.arraycopy(stake, 0, payload, 29, 28);
        return Bech32.encode("addr_test", payload);
    }

    /**
     * Bitcoin-alphabet base58, leading zero bytes as '1'.
     *
     * @param bytes input
     * @return base58
     */
    public static String base58(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        BigInteger radix = BigInteger.valueOf(58);
        while (value.signum() > 0) {
            BigInteger[] division = value.divideAndRemainder(radix);
            out.append(BASE58.charAt(division[1].intValue()));
            value = division[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            out.append('1');
        }
        return out.reverse().toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
