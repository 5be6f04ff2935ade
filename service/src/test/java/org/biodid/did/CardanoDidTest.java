package org.biodid.did;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.biodid.crypto.Blake2b;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CardanoDidTest {

    /** SHA-256 commitment of the golden vector in compat-vectors.md. */
    private static final byte[] GOLDEN_COMMITMENT =
            HexFormat.of().parseHex("a44389db2e97ea913c2c05c69e0972ad016eeeef822eb789def5196c134b8d24");
    private static final String GOLDEN_ID = "Gq7PJJCE1mfzyXDrPkLegkhduPtEnt85E6eF5GBKPctL";

    @Test
    void blake2bMatchesKnownDigest() {
        // hashlib.blake2b(b"abc", digest_size=32).hexdigest()
        assertThat(HexFormat.of().formatHex(Blake2b.hash(32, "abc".getBytes(StandardCharsets.US_ASCII))),
                   is("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"));
    }

    @Test
    void derivesGoldenDid() {
        assertThat(DidDerivation.derive(GOLDEN_COMMITMENT, Network.TESTNET).toString(),
                   is("did:cardano:testnet:" + GOLDEN_ID));
    }

    @Test
    void newApiKeepsTheRealNetworkName() {
        assertThat(DidDerivation.derive(GOLDEN_COMMITMENT, Network.PREPROD).toString(),
                   is("did:cardano:preprod:" + GOLDEN_ID));
        assertThat(DidDerivation.derive(GOLDEN_COMMITMENT, Network.PREVIEW).toString(),
                   is("did:cardano:preview:" + GOLDEN_ID));
    }

    @Test
    void compatWritesTestNetworksAsTestnet() {
        assertThat(DidDerivation.deriveCompat(GOLDEN_COMMITMENT, Network.PREPROD).toString(),
                   is("did:cardano:testnet:" + GOLDEN_ID));
        assertThat(DidDerivation.deriveCompat(GOLDEN_COMMITMENT, Network.PREVIEW).toString(),
                   is("did:cardano:testnet:" + GOLDEN_ID));
        assertThat(DidDerivation.deriveCompat(GOLDEN_COMMITMENT, Network.MAINNET).toString(),
                   is("did:cardano:mainnet:" + GOLDEN_ID));
    }

    @Test
    void emptyCommitmentIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> DidDerivation.derive(new byte[0], Network.MAINNET));
    }

    @Test
    void parsesWhatItDerives() {
        CardanoDid did = CardanoDid.parse("did:cardano:preprod:" + GOLDEN_ID);
        assertThat(did.network(), is(Network.PREPROD));
        assertThat(did.methodSpecificId(), is(GOLDEN_ID));
        assertArrayEquals(Blake2b.hash(32, GOLDEN_COMMITMENT), did.digest());
    }

    @Property(tries = 200)
    void parseRoundTrip(@ForAll @Size(min = 1, max = 64) byte[] commitment, @ForAll Network network) {
        CardanoDid did = DidDerivation.derive(commitment, network);
        assertThat(CardanoDid.parse(did.toString()), is(did));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "did:web:example.com",
            "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
            "did:ethr:0x1234:abcd",
            "did:cardanox:testnet:abc"
    })
    void otherMethodsAreUnsupportedNotMalformed(String did) {
        DidParseException e = assertThrows(DidParseException.class, () -> CardanoDid.parse(did));
        assertThat(e.reason(), is(DidParseException.Reason.UNSUPPORTED_METHOD));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "cardano:testnet:" + GOLDEN_ID,
            "did:",
            "did:cardano",
            "did:cardano:",
            "did:Cardano:testnet:" + GOLDEN_ID,
            "DID:cardano:testnet:" + GOLDEN_ID,
            "did:cardano:" + GOLDEN_ID,
            "did:cardano:devnet:" + GOLDEN_ID,
            "did:cardano:Testnet:" + GOLDEN_ID,
            "did:cardano:testnet:",
            "did:cardano:testnet:" + GOLDEN_ID + ":",
            "did:cardano:testnet:" + GOLDEN_ID + ":extra",
            "did:cardano:testnet:0q7PJJCE1mfzyXDrPkLegkhduPtEnt85E6eF5GBKPctL",
            "did:cardano:testnet:2g",
            "did:cardano:testnet:" + GOLDEN_ID + "zz",
            "did:cardano:testnet:1" + GOLDEN_ID,
            "did:cardano:testnet:" + GOLDEN_ID + " ",
            "did:cardano:testnet:addr_test1qpz8j0xfwhm652z0mk7cd5q2tqkvhx5a6h7fr4x6s2c6tw4kz5q03xmysyz#abc"
    })
    void malformed(String did) {
        DidParseException e = assertThrows(DidParseException.class, () -> CardanoDid.parse(did));
        assertThat(e.reason(), is(DidParseException.Reason.MALFORMED));
    }

    @Test
    void nullAndHugeInputsAreMalformed() {
        assertThat(assertThrows(DidParseException.class, () -> CardanoDid.parse(null)).reason(),
                   is(DidParseException.Reason.MALFORMED));
        String huge = "did:cardano:testnet:" + "a".repeat(10_000);
        assertThat(assertThrows(DidParseException.class, () -> CardanoDid.parse(huge)).reason(),
                   is(DidParseException.Reason.MALFORMED));
    }
}
