package org.biodid.biometrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;
import org.biodid.input.InvalidInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The client-side proof: valid, stale, bound to wallet and time, replay identity, not derivable from public data.
 */
class ClientProofTest {

    private static final long NOW = 1_795_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final Duration WINDOW = Duration.ofSeconds(300);
    private static final SubjectContext CONTEXT = new SubjectContext(TestFingers.WALLET, TestFingers.NETWORK);
    private static Enrollment enrollment;
    private static byte[] walletKey;

    @BeforeAll
    static void enroll() {
        BiometricEngine engine = BiometricEngine.create();
        List<FingerScan> scans = TestFingers.person(new SyntheticFingerprints(21), 0, NoiseModel.DEFAULT,
                new SplittableRandom(21));
        enrollment = engine.enroll(TestFingers.WALLET, TestFingers.NETWORK, scans);
        // the wallet's side: reproduce from the helper data and its own scan
        walletKey = engine.reproduceProofKey(TestFingers.WALLET, TestFingers.NETWORK, enrollment.helper(), scans)
                .orElseThrow();
    }

    @Test
    void freshProofFromReproducedSecretIsValid() {
        byte[] proof = ClientProof.create(walletKey, CONTEXT, NOW - 10);
        assertThat(ClientProof.check(enrollment.proofKey(), CONTEXT, NOW - 10, proof, CLOCK, WINDOW),
                is(ClientProof.Outcome.VALID));
        String hex = ClientProof.replayKey(proof);
        assertThat(ClientProof.check(enrollment.proofKey(), CONTEXT, NOW - 10, ClientProof.parse("biometric_hash", hex),
                CLOCK, WINDOW), is(ClientProof.Outcome.VALID));
    }

    @Test
    void staleTimestampIsRejectedBeforeTheValue() {
        long old = NOW - 301;
        byte[] proof = ClientProof.create(walletKey, CONTEXT, old);
        assertThat(ClientProof.check(enrollment.proofKey(), CONTEXT, old, proof, CLOCK, WINDOW),
                is(ClientProof.Outcome.STALE));
        assertThat(ClientProof.check(enrollment.proofKey(), CONTEXT, NOW + 301,
                ClientProof.create(walletKey, CONTEXT, NOW + 301), CLOCK, WINDOW), is(ClientProof.Outcome.STALE));
    }

    @Test
    void proofIsBoundToTimestampWalletAndNetwork() {
        byte[] proof = ClientProof.create(walletKey, CONTEXT, NOW);
        assertThat(ClientProof.check(enrollment.proofKey(), CONTEXT, NOW + 1, proof, CLOCK, WINDOW),
                is(ClientProof.Outcome.INVALID));
        assertThat(ClientProof.check(enrollment.proofKey(), new SubjectContext(TestFingers.WALLET, "mainnet"), NOW,
                proof, CLOCK, WINDOW), is(ClientProof.Outcome.INVALID));
        assertThat(ClientProof.check(enrollment.proofKey(), new SubjectContext("addr_test1other", TestFingers.NETWORK),
                NOW, proof, CLOCK, WINDOW), is(ClientProof.Outcome.INVALID));
    }

    @Test
    void replayedProofHasTheSameReplayKeyAndNewOnesDoNot() {
        Set<String> seen = new HashSet<>();
        byte[] first = ClientProof.create(walletKey, CONTEXT, NOW);
        assertThat(seen.add(ClientProof.replayKey(first)), is(true));
        assertThat(seen.add(ClientProof.replayKey(ClientProof.create(walletKey, CONTEXT, NOW))), is(false));
        assertThat(seen.add(ClientProof.replayKey(ClientProof.create(walletKey, CONTEXT, NOW + 1))), is(true));
    }

    @Test
    void publicDataDoesNotPass() {
        // the id_hash itself as the proof, and as the key, and the commitment as the key
        byte[] idHash = enrollment.idHash();
        assertThat(ClientProof.check(enrollment.proofKey(), CONTEXT, NOW, idHash, CLOCK, WINDOW),
                is(ClientProof.Outcome.INVALID));
        assertThat(ClientProof.check(enrollment.proofKey(), CONTEXT, NOW, ClientProof.create(idHash, CONTEXT, NOW),
                CLOCK, WINDOW), is(ClientProof.Outcome.INVALID));
        assertThat(ClientProof.check(enrollment.proofKey(), CONTEXT, NOW,
                ClientProof.create(enrollment.commitment(), CONTEXT, NOW), CLOCK, WINDOW), is(ClientProof.Outcome.INVALID));
    }

    @Test
    void malformedProofNamesTheField() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ClientProof.parse("biometric_hash", "abc"));
        assertThat(e.field(), is("biometric_hash"));
        assertThrows(InvalidInputException.class, () -> ClientProof.parse("biometric_hash", "zz".repeat(32)));
    }
}
