package org.biodid.compat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.biodid.did.Network;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The golden vector of compat-vectors.md and the verify rules, without HTTP.
 */
class CompatDerivationTest {

    static final String WALLET = "addr_test1qpz8j0xfwhm652z0mk7cd5q2tqkvhx5a6h7fr4x6s2c6tw4kz5q03xmysyz";
    static final List<Finger> FINGERS = List.of(
            new Finger("left_thumb", List.of(new CompatMinutia(100.5, 200.3, 45.0), new CompatMinutia(150.2, 180.9, 90.5))),
            new Finger("left_index", List.of(new CompatMinutia(110.2, 210.5, 50.0), new CompatMinutia(160.5, 190.2, 95.5))));
    static final String GOLDEN_DID = "did:cardano:testnet:Gq7PJJCE1mfzyXDrPkLegkhduPtEnt85E6eF5GBKPctL";
    static final String GOLDEN_ID_HASH = "BLmcF7aSnhgrjn_QYo0ampN-VTBovkQBfPi_937HY9c";

    @Test
    void minutiaeJsonIsPythonsCompactDump() {
        assertThat(PythonJson.minutiae(FINGERS.get(0).minutiae()), is("[[100.5,200.3,45.0],[150.2,180.9,90.5]]"));
        assertThat(PythonJson.minutiae(List.of(new CompatMinutia(1e-5, 1e16, 0))), is("[[1e-05,1e+16,0.0]]"));
        assertThat(PythonJson.minutiae(List.of()), is("[]"));
    }

    @Test
    void goldenCommitment() {
        // SHA-256 of the commitment material, computed independently with CPython's hashlib.
        assertThat(HexFormat.of().formatHex(CompatDerivation.commitment(WALLET, FINGERS)),
                   is("a44389db2e97ea913c2c05c69e0972ad016eeeef822eb789def5196c134b8d24"));
    }

    @Test
    void goldenDid() {
        byte[] commitment = CompatDerivation.commitment(WALLET, FINGERS);
        assertThat(CompatDerivation.did(commitment, Network.TESTNET).toString(), is(GOLDEN_DID));
        assertThat(CompatDerivation.did(commitment, Network.PREPROD).toString(), is(GOLDEN_DID));
    }

    @Test
    void goldenHelpers() {
        Map<String, HelperEntry> helpers = CompatDerivation.helpers(FINGERS);
        assertThat(List.copyOf(helpers.keySet()), contains("left_thumb", "left_index"));
        assertThat(helpers.get("left_thumb"), is(new HelperEntry("left_thumb", "10pZSiM_wmwXXv4m8JmScQ",
                "4HKw3bRWHyyipbkkB81l5z2E2LYLMUJTLKPlUVB3Dr0", 0.05, 32)));
        assertThat(helpers.get("left_index"), is(new HelperEntry("left_index", "mD0iQkcFys7ul-rMLCyaRg",
                "HgboLlwxRZZgYUlkjWNbb7WaHSAuPuSgIa8Nc80kloM", 0.05, 32)));
    }

    @Test
    void goldenIdHash() {
        assertThat(CompatDerivation.idHash(CompatDerivation.helpers(FINGERS)), is(GOLDEN_ID_HASH));
    }

    @Test
    void goldenTxHash() {
        // hashlib.sha256(f"{did}:{enrollment_timestamp}:{id_hash}".encode()).hexdigest(), via CPython.
        assertThat(CompatDerivation.txHash(GOLDEN_DID, "2026-11-28T02:29:53.123456+00:00", GOLDEN_ID_HASH),
                   is("1462a3fc0608b8892f1571a974c6ae268c432d87bcdf6b3df3dc3fd667560731"));
    }

    @Test
    void integersAreWrittenAsFloats() {
        // A client sending 45 (an integer) gets the same DID as one sending 45.0.
        List<Finger> asInts = List.of(new Finger("f", List.of(new CompatMinutia(100, 200, 45))));
        assertThat(PythonJson.minutiae(asInts.get(0).minutiae()), is("[[100.0,200.0,45.0]]"));
    }

    @Test
    void idHashSortsByCodePointLikePython() {
        // U+FF61 sorts before U+1F600 in Python (code points) but after it in UTF-16 order.
        Map<String, HelperEntry> helpers = new LinkedHashMap<>();
        helpers.put("\uD83D\uDE00", HelperEntry.forFinger("\uD83D\uDE00"));
        helpers.put("\uFF61", HelperEntry.forFinger("\uFF61"));
        Map<String, HelperEntry> reversed = new LinkedHashMap<>();
        reversed.put("\uFF61", helpers.get("\uFF61"));
        reversed.put("\uD83D\uDE00", helpers.get("\uD83D\uDE00"));
        assertThat(CompatDerivation.idHash(helpers), is(CompatDerivation.idHash(reversed)));
        // hashlib.blake2b(("\uff61"+s1+a1+"\U0001F600"+s2+a2).encode(), digest_size=32), via CPython:
        assertThat(CompatDerivation.idHash(helpers), is(CodePointVector.ID_HASH));
    }

    @Test
    void repeatedFingerKeepsFirstPositionAndOneEntry() {
        List<Finger> fingers = List.of(new Finger("b", List.of()), new Finger("a", List.of()), new Finger("b", List.of()));
        assertThat(List.copyOf(CompatDerivation.helpers(fingers).keySet()), contains("b", "a"));
    }

    @Test
    void verifyGolden() {
        VerifyOutcome outcome = CompatDerivation.verify(List.of("left_thumb", "left_index"),
                                                         CompatDerivation.helpers(FINGERS), GOLDEN_ID_HASH);
        assertThat(outcome.success(), is(true));
        assertThat(outcome.matchedFingers(), contains("left_thumb", "left_index"));
        assertThat(outcome.unmatchedFingers(), empty());
        assertThat(outcome.error(), nullValue());
    }

    @Test
    void verifyHashMismatchWinsOverInsufficientMatches() {
        VerifyOutcome outcome = CompatDerivation.verify(List.of("right_thumb"),
                                                         CompatDerivation.helpers(FINGERS), "x".repeat(43));
        assertThat(outcome.success(), is(false));
        assertThat(outcome.matchedFingers(), empty());
        assertThat(outcome.unmatchedFingers(), contains("right_thumb"));
        assertThat(outcome.error(), is("Helper data hash mismatch"));
    }

    @Test
    void verifyInsufficientMatches() {
        VerifyOutcome outcome = CompatDerivation.verify(List.of("left_thumb", "right_thumb"),
                                                         CompatDerivation.helpers(FINGERS), GOLDEN_ID_HASH);
        assertThat(outcome.success(), is(false));
        assertThat(outcome.matchedFingers(), contains("left_thumb"));
        assertThat(outcome.unmatchedFingers(), contains("right_thumb"));
        assertThat(outcome.error(), is("Insufficient matching fingerprints"));
    }

    @Test
    void verifyWithOneHelperNeedsOneMatch() {
        Map<String, HelperEntry> one = CompatDerivation.helpers(FINGERS.subList(0, 1));
        VerifyOutcome outcome = CompatDerivation.verify(List.of("left_thumb"), one, CompatDerivation.idHash(one));
        assertThat(outcome.success(), is(true));
    }

    @Test
    void verifyRejectsEmptyHelpers() {
        assertThrows(IllegalArgumentException.class,
                     () -> CompatDerivation.verify(List.of("left_thumb"), Map.of(),
                                                   CompatDerivation.idHash(Map.of())));
    }

    @Test
    void pythonIsoformat() {
        assertThat(PythonTimestamps.isoformat(Instant.parse("2026-11-28T02:29:53.123456789Z")),
                   is("2026-11-28T02:29:53.123456+00:00"));
        assertThat(PythonTimestamps.isoformat(Instant.parse("2026-11-28T02:29:53Z")),
                   is("2026-11-28T02:29:53+00:00"));
        assertThat(PythonTimestamps.isoformat(Instant.parse("2026-11-28T02:29:53.000000900Z")),
                   is("2026-11-28T02:29:53+00:00"));
        assertThat(PythonTimestamps.isoformat(Instant.parse("0999-01-02T03:04:05.000120Z")),
                   is("0999-01-02T03:04:05.000120+00:00"));
    }

    @Test
    void utf8FingerIds() {
        // Non-ASCII ids are hashed as UTF-8, as Python's str.encode('utf-8').
        assertThat(HelperEntry.forFinger("pouce_gauche_é").saltB64(), is(CodePointVector.SALT_E_ACUTE));
        assertThat(new String(HelperEntry.utf8("é"), StandardCharsets.ISO_8859_1).length(), is(2));
    }
}
