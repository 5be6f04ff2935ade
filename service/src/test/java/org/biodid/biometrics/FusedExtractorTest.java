package org.biodid.biometrics;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.biodid.biometrics.bch.BchCode;
import org.biodid.biometrics.bch.Bits;
import org.biodid.biometrics.feature.FeatureParameters;
import org.biodid.biometrics.feature.ReliableBits;
import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;
import org.biodid.input.InvalidInputException;

/**
 * The fused sketch: it recovers exactly when the total distance over all fingers is within t, so a guess that
 * is right for some fingers and wrong for another is not recognisable; helper data round-trips, and its MAC
 * rejects every tampered byte.
 */
class FusedExtractorTest {

    private static final SubjectContext CONTEXT = new SubjectContext(TestFingers.WALLET, TestFingers.NETWORK);
    private final FusedExtractor extractor = new FusedExtractor(FeatureParameters.DEFAULT, new SecureRandom());
    private final SyntheticFingerprints people = new SyntheticFingerprints(5150);

    @Test
    void partialGuessesRecoverOnlyWhenTheTotalOverAllFingersIsWithinT() {
        List<FingerScan> enrolled = TestFingers.person(people, 1, NoiseModel.DEFAULT, new SplittableRandom(1));
        FusedExtractor.Generated generated = extractor.generate(CONTEXT, enrolled);
        FusedHelperData helper = generated.helper();
        // the helper's own code: Gen chose its t from the ladder
        BchCode code = extractor.codeOf(helper).code();
        long[][] w = enrolledBits(enrolled);
        List<FingerScan> genuine = TestFingers.person(people, 1, NoiseModel.DEFAULT, new SplittableRandom(2));
        int failures = 0;
        int successes = 0;
        for (int i = 0; i < 150; i++) {
            // three genuine fingers and a fourth from someone else: a guess that is right "except one finger"
            List<FingerScan> guess = new ArrayList<>(genuine.subList(0, 3));
            List<FingerScan> other = TestFingers.person(people, 10_000 + i, NoiseModel.DEFAULT,
                    new SplittableRandom(i));
            guess.add(other.get(3));
            int total = totalDistance(w, helper, guess);
            Optional<MasterSecret> result = extractor.reproduce(CONTEXT, helper, guess, code.newWorkspace());
            assertThat("guess " + i + " at total distance " + total, result.isPresent(), is(total <= code.t()));
            result.ifPresent(m -> assertThat(Arrays.equals(m.commitment(), generated.master().commitment()), is(true)));
            failures += result.isEmpty() ? 1 : 0;
            successes += result.isPresent() ? 1 : 0;
        }
        // most impostor fourth fingers are too far: 3 right fingers alone recover nothing
        assertThat(failures, greaterThan(100));
        assertThat(extractor.reproduce(CONTEXT, helper, genuine, code.newWorkspace()).isPresent(),
                is(totalDistance(w, helper, genuine) <= code.t()));
        assertThat("successes " + successes, successes + failures, is(150));
    }

    @Test
    void anyErrorsUpToTAcrossFingersRecoverAndMoreNeverGiveAnotherSecret() {
        SplittableRandom random = new SplittableRandom(3);
        // every rung of every finger count's ladder (ErrorBudget may choose any of them)
        for (int count = 2; count <= 10; count++) {
            for (FusedCode layout : FusedCode.ladder(count)) {
                List<FingerId> fingers = List.of(FingerId.values()).subList(0, count);
                long[] w = randomBits(random, layout.length());
                byte[] masks = randomMasks(random, count, layout.bitsPerFinger());
                FusedExtractor.Generated g = extractor.generateFromBits(CONTEXT, fingers, w, masks, layout);
                assertThat(g.helper().t(), is(layout.code().t()));
                BchCode.Workspace ws = layout.code().newWorkspace();
                int t = layout.code().t();
                for (int errors : new int[] {0, 1, t / 2, t, t + 1, t + 20, layout.length() / 3}) {
                    long[] word = w.clone();
                    flipDistinct(word, errors, layout.length(), random);
                    Optional<MasterSecret> m = extractor.reproduceFromBits(CONTEXT, g.helper(), word, ws);
                    if (errors <= t) {
                        assertThat("count " + count + ", errors " + errors, m.isPresent(), is(true));
                    }
                    m.ifPresent(secret -> assertThat(Arrays.equals(secret.proofKey(), g.master().proofKey()), is(true)));
                }
                // another wallet or network reproduces nothing, even from the exact bits
                Optional<MasterSecret> other = extractor.reproduceFromBits(new SubjectContext(TestFingers.WALLET, "mainnet"),
                        g.helper(), w.clone(), ws);
                assertThat(other.isPresent(), is(false));
            }
        }
    }

    @Test
    void helperDataRoundTripsAndEveryTamperedByteIsRejected() {
        List<FingerScan> scans = TestFingers.person(people, 4, NoiseModel.NONE, new SplittableRandom(4));
        FusedExtractor.Generated g = extractor.generate(CONTEXT, scans);
        byte[] bytes = g.helper().toBytes();
        assertThat(FusedHelperData.fromBytes("helpers", bytes), is(g.helper()));
        assertThat(FusedHelperData.fromBase64Url("helpers", g.helper().toBase64Url()), is(g.helper()));
        assertThat(bytes[0], is((byte) FusedHelperData.VERSION));
        BchCode.Workspace ws = extractor.codeOf(g.helper()).code().newWorkspace();
        assertThat(extractor.reproduce(CONTEXT, g.helper(), scans, ws).isPresent(), is(true));
        int rejectedAtParse = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte[] tampered = bytes.clone();
            tampered[i] ^= (byte) (1 << (i % 8));
            FusedHelperData parsed;
            try {
                parsed = FusedHelperData.fromBytes("helpers", tampered);
                // a flipped t may land on another rung of the ladder (103 ^ 32 = 71): decoded with that rung's
                // code, the MAC (which covers t) must still refuse it
                extractor.reproduce(CONTEXT, parsed, scans, extractor.codeOf(parsed).code().newWorkspace()).ifPresent(m -> {
                    throw new AssertionError("tampered helper reproduced a secret");
                });
            } catch (InvalidInputException | HelperDataVersionException e) {
                rejectedAtParse++;
            }
        }
        assertThat(rejectedAtParse, greaterThan(0));
        assertThrows(InvalidInputException.class,
                () -> FusedHelperData.fromBytes("helpers", Arrays.copyOf(bytes, bytes.length + 1)));
        assertThrows(InvalidInputException.class,
                () -> FusedHelperData.fromBytes("helpers", Arrays.copyOf(bytes, bytes.length - 1)));
    }

    @Test
    void versionOneHelperDataIsRefusedWithItsVersion() {
        FuzzyExtractor perFinger = new FuzzyExtractor(BiometricParameters.DEFAULT, new SecureRandom());
        FingerScan scan = TestFingers.person(people, 5, NoiseModel.NONE, new SplittableRandom(5)).get(0);
        String v1 = perFinger.generate(CONTEXT, scan).helper().toBase64Url();
        HelperDataVersionException e = assertThrows(HelperDataVersionException.class,
                () -> FusedHelperData.fromBase64Url("helpers", v1));
        assertThat(e.version(), is(1));
    }

    @Test
    void noParityCheckInvolvesOneFingerAloneFromFourFingersOn() {
        for (int count = 2; count <= 10; count++) {
            FusedCode layout = FusedCode.forFingers(count);
            long[][] generator = generatorRows(layout.code());
            int b = layout.bitsPerFinger();
            for (int f = 0; f < count; f++) {
                int rank = rank(generator, List.of(f), b);
                assertThat("count " + count + " finger " + f, b - rank, is(layout.localChecks(1)));
                List<Integer> others = new ArrayList<>();
                for (int g = 0; g < count; g++) {
                    if (g != f) {
                        others.add(g);
                    }
                }
                assertThat("count " + count + " all but " + f, (count - 1) * b - rank(generator, others, b),
                        is(layout.localChecks(count - 1)));
            }
            if (count >= 4) {
                assertThat(layout.localChecks(1), is(0));
            }
        }
    }

    private long[][] enrolledBits(List<FingerScan> enrolled) {
        ReliableBits features = extractor.features();
        int b = FusedCode.forFingers(enrolled.size()).bitsPerFinger();
        List<FingerScan> sorted = new ArrayList<>(enrolled);
        sorted.sort((x, y) -> x.finger().compareTo(y.finger()));
        long[][] w = new long[sorted.size()][Bits.words(b)];
        for (int f = 0; f < sorted.size(); f++) {
            features.enroll(sorted.get(f).minutiae(), b, new long[Bits.words(features.cells())], w[f]);
        }
        return w;
    }

    private int totalDistance(long[][] w, FusedHelperData helper, List<FingerScan> scans) {
        ReliableBits features = extractor.features();
        int total = 0;
        for (int f = 0; f < helper.fingers().size(); f++) {
            FingerId id = helper.fingers().get(f);
            FingerScan scan = scans.stream().filter(s -> s.finger() == id).findFirst().orElseThrow();
            long[] bits = new long[w[f].length];
            features.reproduce(scan.minutiae(), Bits.fromBytes(helper.mask(f), features.cells()), bits);
            total += Bits.distance(w[f], bits);
        }
        return total;
    }

    private static long[][] generatorRows(BchCode code) {
        long[][] rows = new long[code.k()][];
        for (int i = 0; i < code.k(); i++) {
            long[] message = new long[Bits.words(code.k())];
            Bits.set(message, i);
            rows[i] = new long[Bits.words(code.n())];
            code.encode(message, rows[i]);
        }
        return rows;
    }

    /** Rank over GF(2) of the generator's columns in the given finger blocks. */
    private static int rank(long[][] generator, List<Integer> blocks, int b) {
        int width = blocks.size() * b;
        long[][] m = new long[generator.length][Bits.words(width)];
        for (int r = 0; r < generator.length; r++) {
            for (int j = 0; j < blocks.size(); j++) {
                for (int i = 0; i < b; i++) {
                    if (Bits.get(generator[r], blocks.get(j) * b + i)) {
                        Bits.set(m[r], j * b + i);
                    }
                }
            }
        }
        int rank = 0;
        for (int col = 0; col < width && rank < m.length; col++) {
            int pivot = -1;
            for (int r = rank; r < m.length; r++) {
                if (Bits.get(m[r], col)) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            long[] tmp = m[pivot];
            m[pivot] = m[rank];
            m[rank] = tmp;
            for (int r = 0; r < m.length; r++) {
                if (r != rank && Bits.get(m[r], col)) {
                    Bits.xor(m[r], m[rank], m[r]);
                }
            }
            rank++;
        }
        return rank;
    }

    private static long[] randomBits(SplittableRandom random, int length) {
        long[] v = new long[Bits.words(length)];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextLong();
        }
        Bits.clearAbove(v, length);
        return v;
    }

    private static byte[] randomMasks(SplittableRandom random, int count, int b) {
        int cells = FeatureParameters.DEFAULT.cells();
        byte[] out = new byte[count * ((cells + 7) / 8)];
        for (int f = 0; f < count; f++) {
            long[] mask = new long[Bits.words(cells)];
            int set = 0;
            while (set < b) {
                int c = random.nextInt(cells);
                if (!Bits.get(mask, c)) {
                    Bits.set(mask, c);
                    set++;
                }
            }
            byte[] bytes = Bits.toBytes(mask, cells);
            System.arraycopy(bytes, 0, out, f * bytes.length, bytes.length);
        }
        return out;
    }

    private static void flipDistinct(long[] word, int errors, int length, SplittableRandom random) {
        long[] flipped = new long[word.length];
        int done = 0;
        while (done < errors) {
            int i = random.nextInt(length);
            if (!Bits.get(flipped, i)) {
                Bits.set(flipped, i);
                Bits.flip(word, i);
                done++;
            }
        }
    }
}
