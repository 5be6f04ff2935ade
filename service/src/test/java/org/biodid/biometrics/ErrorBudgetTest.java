package org.biodid.biometrics;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.biodid.biometrics.bch.Bits;
import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.Population;
import org.biodid.input.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The enrollment-adaptive t: Gen chooses t from the finger count's ladder, Rep accepts only t on that ladder. */
class ErrorBudgetTest {

    private static final SubjectContext CONTEXT = new SubjectContext(TestFingers.WALLET, TestFingers.NETWORK);
    private static final BiometricEngine ENGINE = new BiometricEngine(BiometricParameters.DEFAULT, new SecureRandom());

    @Test
    void everyLadderKeepsTheDefaultOnTopAndKAtLeastTheBitsPerFinger() {
        for (int count = 2; count <= 10; count++) {
            List<FusedCode> ladder = FusedCode.ladder(count);
            assertThat(ladder.get(ladder.size() - 1), is(FusedCode.forFingers(count)));
            for (int i = 0; i < ladder.size(); i++) {
                FusedCode code = ladder.get(i);
                assertThat(code.bitsPerFinger(), is(FusedCode.forFingers(count).bitsPerFinger()));
                assertThat(code.code().t(), lessThanOrEqualTo(FusedCode.forFingers(count).code().t()));
                if (i > 0) {
                    assertThat(code.code().t(), greaterThanOrEqualTo(ladder.get(i - 1).code().t() + 1));
                }
                if (count >= 4) {
                    // the "no check on one finger alone" argument needs k >= b on every rung
                    assertThat(code.localChecks(1), is(0));
                }
            }
        }
        assertThat(FusedCode.ladder(4).stream().map(c -> c.code().t()).toList(), is(List.of(55, 71, 87, 103)));
    }

    @Test
    void theChoiceIsAlwaysOnTheLadderAndNeverAboveTheDefault() {
        for (int count = 2; count <= 10; count++) {
            List<FusedCode> ladder = FusedCode.ladder(count);
            for (double flips = 0; flips <= 600; flips += 0.25) {
                FusedCode chosen = ErrorBudget.choose(count, flips);
                assertThat(ladder.contains(chosen), is(true));
                assertThat(chosen.code().t(), lessThanOrEqualTo(FusedCode.forFingers(count).code().t()));
                // the smallest rung that covers the margin, or the default when none does
                double need = ErrorBudget.FACTOR * flips + ErrorBudget.OFFSET;
                assertThat(chosen.code().t() >= need || chosen == FusedCode.forFingers(count), is(true));
            }
        }
        assertThat(ErrorBudget.choose(4, 0).code().t(), is(55));
        assertThat(ErrorBudget.choose(4, 30.5).code().t(), is(71));
        assertThat(ErrorBudget.choose(4, 1e9).code().t(), is(103));
        assertThat(ErrorBudget.choose(4, Double.NaN).code().t(), is(103));
    }

    @Test
    void theChoiceIsDeterministicFromTheEnrollment() {
        List<FingerScan> scans = person(Population.named("dense"), 3, 1);
        int t = ENGINE.enroll(TestFingers.WALLET, TestFingers.NETWORK, scans).helper().t();
        for (int i = 0; i < 3; i++) {
            // new salt and codeword every time, same t
            assertThat(ENGINE.enroll(TestFingers.WALLET, TestFingers.NETWORK, scans).helper().t(), is(t));
        }
    }

    @Test
    void denseEnrollmentsGetALowerTAndUniformOnesKeepTheDefault() {
        int lowered = 0;
        for (int p = 0; p < 10; p++) {
            Enrollment dense = ENGINE.enroll(TestFingers.WALLET, TestFingers.NETWORK, person(Population.named("dense"), p, 1));
            lowered += dense.helper().t() < 103 ? 1 : 0;
            // and the genuine person still gets in at the lowered t
            assertThat(ENGINE.verify(TestFingers.WALLET, TestFingers.NETWORK, dense.helper(), dense.commitment(),
                    person(Population.named("dense"), p, 2)).verified(), is(true));
            Enrollment uniform = ENGINE.enroll(TestFingers.WALLET, TestFingers.NETWORK,
                    person(Population.named("plain-uniform"), p, 1));
            assertThat(uniform.helper().t(), is(103));
        }
        assertThat(lowered, greaterThanOrEqualTo(9));
    }

    @Test
    void aHelperAtTheDefaultTStillVerifies() {
        // what helper data from before the ladder looks like: the default t, whatever the enrollment predicts
        FusedExtractor extractor = ENGINE.extractor();
        List<FingerScan> scans = person(Population.named("dense"), 5, 1);
        FusedHelperData lowered = ENGINE.enroll(TestFingers.WALLET, TestFingers.NETWORK, scans).helper();
        assertThat(lowered.t(), lessThan(103));
        FusedExtractor.Generated old = extractor.generateFromBits(CONTEXT, lowered.fingers(),
                enrolledBits(extractor, lowered, scans), lowered.masks());
        assertThat(old.helper().t(), is(103));
        assertThat(extractor.codeOf(old.helper()), is(FusedCode.forFingers(4)));
        List<FingerScan> fresh = person(Population.named("dense"), 5, 2);
        Optional<MasterSecret> reproduced = extractor.reproduce(CONTEXT, old.helper(), fresh,
                extractor.codeOf(old.helper()).code().newWorkspace());
        assertThat(reproduced.isPresent(), is(true));
        assertThat(Arrays.equals(reproduced.get().commitment(), old.master().commitment()), is(true));
        assertThat(ENGINE.reproduceProofKey(TestFingers.WALLET, TestFingers.NETWORK, old.helper(), fresh).isPresent(),
                is(true));
    }

    @Test
    void aHelperWithATOffTheLadderIsRefused() {
        List<FingerScan> scans = person(Population.PLAIN, 1, 1);
        Enrollment e = ENGINE.enroll(TestFingers.WALLET, TestFingers.NETWORK, scans);
        FusedHelperData h = e.helper();
        for (int t : new int[] {54, 56, 70, 100, 104, 120}) {
            FusedHelperData off = new FusedHelperData(h.fingers(), h.m(), t, h.bitsPerFinger(), h.cells(), h.salt(),
                    h.masks(), h.sketch(), h.mac());
            InvalidInputException thrown = assertThrows(InvalidInputException.class, () -> ENGINE.verify(
                    TestFingers.WALLET, TestFingers.NETWORK, off, e.commitment(), scans));
            assertThat(thrown.field(), is("helpers"));
        }
    }

    /** w as Gen computed it: each finger's bits at its enrolled cells, finger blocks in the helper's order. */
    private static long[] enrolledBits(FusedExtractor extractor, FusedHelperData helper, List<FingerScan> scans) {
        int b = helper.bitsPerFinger();
        long[] w = new long[Bits.words(helper.fingers().size() * b)];
        long[] bits = new long[Bits.words(b)];
        for (int f = 0; f < helper.fingers().size(); f++) {
            FingerId id = helper.fingers().get(f);
            FingerScan scan = scans.stream().filter(s -> s.finger() == id).findFirst().orElseThrow();
            extractor.features().reproduce(scan.minutiae(), Bits.fromBytes(helper.mask(f), helper.cells()), bits);
            Bits.insert(bits, w, f * b, b);
        }
        return w;
    }

    private static List<FingerScan> person(Population population, long person, int use) {
        SplittableRandom random = new SplittableRandom(person * 1_000_003L + use);
        List<FingerScan> scans = new ArrayList<>();
        for (int i = 0; i < TestFingers.FOUR.length; i++) {
            scans.add(new FingerScan(TestFingers.FOUR[i], population.impression(
                    population.fingers(11).master(person * 4 + i), NoiseModel.DEFAULT, random)));
        }
        return scans;
    }
}
