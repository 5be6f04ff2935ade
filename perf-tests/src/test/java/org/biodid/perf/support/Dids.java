package org.biodid.perf.support;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.biodid.crypto.Blake2b;
import org.biodid.did.DidDerivation;
import org.biodid.did.Network;
import org.biodid.wallet.Cip30Signer;
import org.biodid.wallet.DataSignature;

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
     * The wallet of simulated person {@code index}: an Ed25519 payment key of its own (derived from the run nonce and
     * the index, so it is the same whenever it is asked for) and a Cardano testnet base address (header 0x00) whose
     * payment credential is BLAKE2b-224 of that key, with a stake credential of its own.
     *
     * @param runNonce distinguishes runs against the same database
     * @param index identity index
     * @return the wallet
     */
    public static Wallet wallet(long runNonce, long index) {
        Cip30Signer signer = new Cip30Signer(Blake2b.hash(32, utf8("biodid perf payment key:" + runNonce + ":" + index)));
        return new Wallet(signer, signer.baseAddress(false, Blake2b.hash(28, utf8("stake:" + runNonce + ":" + index))));
    }

    /**
     * A simulated person's CIP-30 wallet.
     *
     * @param signer its payment key, signing as {@code signData} does
     * @param address its testnet base address ({@code addr_test1q…})
     */
    public record Wallet(Cip30Signer signer, String address) {

        /**
         * Sign a challenge's payload as issued: the request's {@code wallet_signature} object.
         *
         * @param payload the {@code payload} text of {@code POST /api/v1/wallet/challenges}
         * @return {@code {"signature":"<COSE_Sign1 hex>","key":"<COSE_Key hex>"}}
         */
        public String signatureJson(String payload) {
            DataSignature signature = signer.signChallenge(address, payload);
            return "{\"signature\":\"" + signature.signature() + "\",\"key\":\"" + signature.key() + "\"}";
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
