package org.biodid.wallet;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.biodid.did.Bech32;
import org.biodid.did.WalletAddress;
import org.biodid.wallet.WalletProofException.Reason;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * CIP-30 {@code signData} signatures: known answers, and every way {@link Cip8Verifier} refuses one.
 */
class WalletSignatureTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Cip8Verifier verifier = new Cip8Verifier();

    /** RFC 8032, section 7.1, TEST 1: the raw Ed25519 part, signed and checked, and checked by the JDK too. */
    @Test
    void rfc8032TestVector1() throws Exception {
        Cip30Signer signer = new Cip30Signer(HEX.parseHex(
                "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(HEX.formatHex(signer.publicKey()),
                   is("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
        byte[] signature = signer.sign(new byte[0]);
        assertThat(HEX.formatHex(signature),
                   is("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b4"
                              + "6bd25bf5f0595bbe24655141438e7a100b"));
        assertThat(Ed25519Keys.verify(signer.publicKey(), new byte[0], signature), is(true));
        assertThat(Ed25519Keys.verify(signer.publicKey(), new byte[] {0}, signature), is(false));
        assertThat(jdkVerify(signer.publicKey(), new byte[0], signature), is(true));
    }

    /** The service's verifier and the JDK's independent Ed25519 agree, on valid and on tampered signatures. */
    @Test
    void theJdkAgreesWithTheVerifier() throws Exception {
        for (int i = 0; i < 50; i++) {
            Cip30Signer signer = Cip30Signer.random(RANDOM);
            byte[] message = new byte[RANDOM.nextInt(400)];
            RANDOM.nextBytes(message);
            byte[] signature = signer.sign(message);
            if (i % 2 == 1) {
                signature[RANDOM.nextInt(64)] ^= (byte) (1 << RANDOM.nextInt(8));
            }
            boolean ours = Ed25519Keys.verify(signer.publicKey(), message, signature);
            assertThat(ours, is(i % 2 == 0));
            assertThat(jdkVerify(signer.publicKey(), message, signature), is(ours));
        }
    }

    private static boolean jdkVerify(byte[] rawKey, byte[] message, byte[] signature) throws Exception {
        byte[] spki = new byte[44];
        System.arraycopy(HEX.parseHex("302a300506032b6570032100"), 0, spki, 0, 12);
        System.arraycopy(rawKey, 0, spki, 12, 32);
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initVerify(java.security.KeyFactory.getInstance("Ed25519")
                               .generatePublic(new java.security.spec.X509EncodedKeySpec(spki)));
        jdk.update(message);
        try {
            return jdk.verify(signature);
        } catch (java.security.SignatureException invalidPoint) {
            return false; // the JDK throws where the encoded R is not a curve point: a signature that is not valid
        }
    }

    /**
     * A whole COSE_Sign1 and COSE_Key for a fixed key and payload, as computed independently by
     * {@code docs/examples/cip30-vector.py} (pyca/cryptography, hashlib's BLAKE2b, CBOR written by hand).
     */
    @Test
    void knownAnswerCoseSign1() {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) i;
        }
        Cip30Signer signer = new Cip30Signer(seed);
        String address = signer.enterpriseAddress(false);
        assertThat(HEX.formatHex(Bech32.decode(address).data()),
                   is("6027e38d0e19e3434e33fbd001d3fe04b5b76763f88acd625e0d770b43"));
        byte[] payload = ("BioDID wallet challenge\naction: enroll\nwallet: WALLET\n"
                + "nonce: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\nexpires: 2026-12-01T22:05:00Z")
                .getBytes(StandardCharsets.UTF_8);
        DataSignature signed = signer.signData(address, payload);
        assertThat(signed.key(), is("a401010327200621582003a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc866412"
                                            + "5531b8"));
        assertThat(signed.signature(), is(
                "84582aa201276761646472657373581d6027e38d0e19e3434e33fbd001d3fe04b5b76763f88acd625e0d770b43a16668617368"
                        + "6564f4588642696f4449442077616c6c6574206368616c6c656e67650a616374696f6e3a20656e726f6c6c0a7761"
                        + "6c6c65743a2057414c4c45540a6e6f6e63653a20414141414141414141414141414141414141414141414141414141"
                        + "414141414141414141414141414141410a657870697265733a20323032362d31322d30315432323a30353a30305a58"
                        + "409b74c71f29270db7056f96d11b8ec8a39563bfb157190ff23d322daa0e93e0abb01b6467bee15264d9245b174d12"
                        + "56c250f2a003ec587f38a152f5c1b4a99009"));
        assertArrayEquals(payload, verifier.verify(WalletAddress.parse("w", address), signed));
    }

    @Test
    void sigStructureIsTheDefiniteLengthArrayOfRfc9052() {
        byte[] tbs = Cose.sigStructure(new byte[] {(byte) 0xa0}, new byte[] {1, 2});
        assertThat(HEX.formatHex(tbs), is("846a5369676e61747572653141a0404201" + "02"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"enterprise-testnet", "enterprise-mainnet", "base-testnet", "base-mainnet"})
    void acceptsEachAddressKind(String kind) {
        Cip30Signer signer = Cip30Signer.random(RANDOM);
        boolean mainnet = kind.endsWith("mainnet");
        String address = kind.startsWith("base")
                ? signer.baseAddress(mainnet, Cip30Signer.random(RANDOM).keyHash())
                : signer.enterpriseAddress(mainnet);
        WalletAddress wallet = WalletAddress.parse("w", address);
        assertThat(wallet.mainnet(), is(mainnet));
        byte[] payload = "hello".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(payload, verifier.verify(wallet, signer.signData(address, payload)));
    }

    @Test
    void acceptsACoseSign1WithItsCborTag() {
        Cip30Signer signer = Cip30Signer.random(RANDOM);
        String address = signer.enterpriseAddress(false);
        DataSignature untagged = signer.signData(address, new byte[] {7});
        // tag 18 (COSE_Sign1) in front, as some wallets send it
        DataSignature tagged = new DataSignature("d2" + untagged.signature(), untagged.key());
        assertArrayEquals(new byte[] {7}, verifier.verify(WalletAddress.parse("w", address), tagged));
    }

    @Test
    void refusesAnotherWalletsAddressInTheHeader() {
        Cip30Signer signer = Cip30Signer.random(RANDOM);
        String other = Cip30Signer.random(RANDOM).enterpriseAddress(false);
        DataSignature signed = signer.signData(other, new byte[] {1});
        assertReason(Reason.ADDRESS_MISMATCH, signer.enterpriseAddress(false), signed);
    }

    @Test
    void refusesAKeyThatIsNotTheAddressPaymentKey() {
        Cip30Signer owner = Cip30Signer.random(RANDOM);
        Cip30Signer attacker = Cip30Signer.random(RANDOM);
        String victim = owner.enterpriseAddress(false);
        // the attacker signs with their key but names the victim's address in the header
        assertReason(Reason.KEY_MISMATCH, victim, attacker.signData(victim, new byte[] {1}));
    }

    @Test
    void refusesAScriptAddress() {
        Cip30Signer signer = Cip30Signer.random(RANDOM);
        byte[] data = new byte[29];
        data[0] = 0x70; // enterprise, script hash, testnet
        System.arraycopy(signer.keyHash(), 0, data, 1, 28);
        String script = Bech32.encode("addr_test", data);
        assertReason(Reason.KEY_MISMATCH, script, signer.signData(script, new byte[] {1}));
    }

    @Test
    void refusesATamperedSignatureOrPayload() {
        Cip30Signer signer = Cip30Signer.random(RANDOM);
        String address = signer.enterpriseAddress(false);
        DataSignature signed = signer.signData(address, "pay me".getBytes(StandardCharsets.UTF_8));
        String hex = signed.signature();
        String flippedSignature = hex.substring(0, hex.length() - 2)
                + String.format("%02x", Integer.parseInt(hex.substring(hex.length() - 2), 16) ^ 1);
        assertReason(Reason.BAD_SIGNATURE, address, new DataSignature(flippedSignature, signed.key()));
        String payloadHex = HEX.formatHex("pay me".getBytes(StandardCharsets.UTF_8));
        String otherPayload = hex.replace(payloadHex, HEX.formatHex("pay us".getBytes(StandardCharsets.UTF_8)));
        assertReason(Reason.BAD_SIGNATURE, address, new DataSignature(otherPayload, signed.key()));
    }

    @Test
    void refusesMalformedStructures() {
        Cip30Signer signer = Cip30Signer.random(RANDOM);
        String address = signer.enterpriseAddress(false);
        DataSignature good = signer.signData(address, new byte[] {1});
        Function<String, DataSignature> withSign1 = s -> new DataSignature(s, good.key());
        Function<String, DataSignature> withKey = k -> new DataSignature(good.signature(), k);
        assertMalformed(address, withSign1.apply("zz"), "not hex");
        assertMalformed(address, withSign1.apply(""), "empty");
        assertMalformed(address, withSign1.apply("ff"), "CBOR");
        assertMalformed(address, withSign1.apply("83010203"), "array of 4");
        assertMalformed(address, withSign1.apply(good.signature() + "00"), "CBOR");
        // protected header without alg: {"address": h''}
        assertMalformed(address, withSign1.apply("844aa1676164647265737340a0405840" + "00".repeat(64)), "alg");
        // hashed payload: {"hashed": true}
        String hashed = good.signature().replace("a166686173686564f4", "a166686173686564f5");
        assertMalformed(address, withSign1.apply(hashed), "hashed");
        // detached payload (nil)
        byte[] prot = Cose.protectedHeader(Bech32.decode(address).data());
        String detached = HEX.formatHex(prot);
        assertMalformed(address, withSign1.apply("8458" + String.format("%02x", prot.length) + detached + "a0f6"
                                                         + "5840" + "00".repeat(64)), "detached");
        // a key on another curve (X25519, crv 4) and a key of the wrong length
        assertMalformed(address, withKey.apply(good.key().replace("a4010103272006", "a4010103272004")), "crv");
        assertMalformed(address, withKey.apply("a40101032720062141aa"), "32 bytes");
        assertMalformed(address, withKey.apply("a201010101"), "CBOR");
    }

    private void assertMalformed(String address, DataSignature signature, String message) {
        WalletProofException e = assertReason(Reason.MALFORMED, address, signature);
        assertThat(e.getMessage(), containsString(message));
    }

    private WalletProofException assertReason(Reason reason, String address, DataSignature signature) {
        WalletProofException e = assertThrows(WalletProofException.class,
                                              () -> verifier.verify(WalletAddress.parse("w", address), signature));
        assertThat(e.getMessage(), e.reason(), is(reason));
        return e;
    }
}
