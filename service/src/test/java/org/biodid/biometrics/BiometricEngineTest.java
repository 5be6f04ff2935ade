package org.biodid.biometrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;
import org.biodid.input.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Enrollment, verification, aggregation and determinism through the facade.
 */
class BiometricEngineTest {

    private final BiometricEngine engine = BiometricEngine.create();
    private final SyntheticFingerprints people = new SyntheticFingerprints(11);

    @Test
    void sameScansReproduceTheSameCommitment() {
        List<FingerScan> scans = TestFingers.person(people, 1, NoiseModel.DEFAULT, new SplittableRandom(1));
        Enrollment enrollment = engine.enroll(TestFingers.WALLET, TestFingers.NETWORK, scans);
        VerificationResult result = engine.verify(TestFingers.WALLET, TestFingers.NETWORK, enrollment.helper(),
                enrollment.commitment(), scans);
        assertThat(result.verified(), is(true));
        assertThat(result.commitmentMatches(), is(true));
        assertThat(result.unmatched(), is(empty()));
        assertThat(result.matched(), contains(FingerId.LEFT_THUMB, FingerId.LEFT_INDEX, FingerId.RIGHT_THUMB,
                FingerId.RIGHT_INDEX));
    }

    @Test
    void sameFingerKeysGiveSameMasterAndDistinctOutputs() {
        SubjectContext context = new SubjectContext(TestFingers.WALLET, TestFingers.NETWORK);
        Map<FingerId, byte[]> keys = Map.of(FingerId.LEFT_THUMB, new byte[32], FingerId.RIGHT_THUMB, filled(7));
        MasterSecret a = MasterSecret.combine(context, keys);
        MasterSecret b = MasterSecret.combine(context, Map.of(FingerId.RIGHT_THUMB, filled(7),
                FingerId.LEFT_THUMB, new byte[32]));
        assertThat(Arrays.equals(a.commitment(), b.commitment()), is(true));
        assertThat(Arrays.equals(a.idHash(), b.idHash()), is(true));
        assertThat(Arrays.equals(a.commitment(), a.idHash()), is(false));
        assertThat(Arrays.equals(a.commitment(), a.proofKey()), is(false));
        assertThat(Arrays.equals(a.idHash(), a.proofKey()), is(false));
        MasterSecret otherNetwork = MasterSecret.combine(new SubjectContext(TestFingers.WALLET, "mainnet"), keys);
        assertThat(Arrays.equals(a.commitment(), otherNetwork.commitment()), is(false));
    }

    @Test
    void freshImpressionVerifiesAndOtherPersonDoesNot() {
        SplittableRandom random = new SplittableRandom(2);
        Enrollment enrollment = engine.enroll(TestFingers.WALLET, TestFingers.NETWORK,
                TestFingers.person(people, 2, NoiseModel.DEFAULT.scaled(0.5), random));
        VerificationResult genuine = engine.verify(TestFingers.WALLET, TestFingers.NETWORK, enrollment.helper(),
                enrollment.commitment(), TestFingers.person(people, 2, NoiseModel.DEFAULT.scaled(0.5), random));
        assertThat(genuine.verified(), is(true));
        VerificationResult impostor = engine.verify(TestFingers.WALLET, TestFingers.NETWORK, enrollment.helper(),
                enrollment.commitment(), TestFingers.person(people, 3, NoiseModel.DEFAULT, random));
        assertThat(impostor.verified(), is(false));
        assertThat(impostor.commitmentMatches(), is(false));
    }

    @Test
    void wrongStoredCommitmentFails() {
        List<FingerScan> scans = TestFingers.person(people, 4, NoiseModel.NONE, new SplittableRandom(4));
        Enrollment enrollment = engine.enroll(TestFingers.WALLET, TestFingers.NETWORK, scans);
        byte[] wrong = enrollment.commitment();
        wrong[0] ^= 1;
        VerificationResult result = engine.verify(TestFingers.WALLET, TestFingers.NETWORK, enrollment.helper(), wrong,
                scans);
        assertThat(result.verified(), is(false));
        assertThat(result.matched(), is(empty()));
        assertThat(result.unmatched().size(), is(4));
    }

    @Test
    void everyEnrolledFingerIsNeededAndFailureNamesNoFinger() {
        List<FingerScan> scans = TestFingers.person(people, 5, NoiseModel.NONE, new SplittableRandom(5));
        Enrollment enrollment = engine.enroll(TestFingers.WALLET, TestFingers.NETWORK, scans);
        VerificationResult missing = engine.verify(TestFingers.WALLET, TestFingers.NETWORK, enrollment.helper(),
                enrollment.commitment(), scans.subList(0, 3));
        assertThat(missing.verified(), is(false));
        assertThat(missing.matched(), is(empty()));
        assertThat(missing.unmatched(), contains(FingerId.LEFT_THUMB, FingerId.LEFT_INDEX, FingerId.RIGHT_THUMB,
                FingerId.RIGHT_INDEX));
        assertThat(engine.reproduceProofKey(TestFingers.WALLET, TestFingers.NETWORK, enrollment.helper(),
                scans.subList(0, 3)).isPresent(), is(false));
    }

    @Test
    void everyFingerCountFrom2To10EnrollsAndVerifies() {
        List<FingerId> all = List.of(FingerId.values());
        for (int count = 2; count <= 10; count++) {
            SplittableRandom random = new SplittableRandom(100 + count);
            List<FingerScan> enrollScans = people.person(200 + count, all.subList(0, count), NoiseModel.DEFAULT,
                    random);
            Enrollment enrollment = engine.enroll(TestFingers.WALLET, TestFingers.NETWORK, enrollScans);
            assertThat(enrollment.helper().fingers(), is(all.subList(0, count)));
            assertThat(enrollment.helper().bitsPerFinger(), is(FusedCode.forFingers(count).bitsPerFinger()));
            List<FingerScan> fresh = people.person(200 + count, all.subList(0, count),
                    NoiseModel.DEFAULT.scaled(0.5), random);
            assertThat("count " + count, engine.verify(TestFingers.WALLET, TestFingers.NETWORK, enrollment.helper(),
                    enrollment.commitment(), fresh).verified(), is(true));
            List<FingerScan> other = people.person(300 + count, all.subList(0, count), NoiseModel.DEFAULT, random);
            assertThat("count " + count, engine.verify(TestFingers.WALLET, TestFingers.NETWORK, enrollment.helper(),
                    enrollment.commitment(), other).verified(), is(false));
        }
    }

    @Test
    void unenrolledOrDuplicateFingerIsAnInputError() {
        List<FingerScan> scans = TestFingers.person(people, 6, NoiseModel.NONE, new SplittableRandom(6));
        Enrollment enrollment = engine.enroll(TestFingers.WALLET, TestFingers.NETWORK, scans.subList(0, 2));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> engine.verify(TestFingers.WALLET, TestFingers.NETWORK, enrollment.helper(),
                        enrollment.commitment(), scans));
        assertThat(e.field(), is("fingers[2].finger_id"));
        e = assertThrows(InvalidInputException.class,
                () -> engine.enroll(TestFingers.WALLET, TestFingers.NETWORK, List.of(scans.get(0), scans.get(0))));
        assertThat(e.field(), is("fingers[1].finger_id"));
    }

    @Test
    void reproducedProofKeyEqualsEnrolledOne() {
        List<FingerScan> scans = TestFingers.person(people, 7, NoiseModel.NONE, new SplittableRandom(7));
        Enrollment enrollment = engine.enroll(TestFingers.WALLET, TestFingers.NETWORK, scans);
        byte[] key = engine.reproduceProofKey(TestFingers.WALLET, TestFingers.NETWORK, enrollment.helper(), scans)
                .orElseThrow();
        assertThat(Arrays.equals(key, enrollment.proofKey()), is(true));
    }

    @Test
    void degenerateButValidInputEnrollsAndVerifies() {
        // eight minutiae on one spot: no pair is in range, every cell is empty; must still work deterministically
        List<Minutia> same = Collections.nCopies(8, Minutia.of(100, 100, 10));
        List<FingerScan> scans = List.of(new FingerScan(FingerId.LEFT_THUMB, same),
                new FingerScan(FingerId.LEFT_INDEX, same));
        Enrollment enrollment = engine.enroll(TestFingers.WALLET, TestFingers.NETWORK, scans);
        assertThat(engine.verify(TestFingers.WALLET, TestFingers.NETWORK, enrollment.helper(),
                enrollment.commitment(), scans).verified(), is(true));
    }

    private static byte[] filled(int value) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
