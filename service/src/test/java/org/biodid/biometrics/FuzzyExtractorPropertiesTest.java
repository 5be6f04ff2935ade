package org.biodid.biometrics;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.biodid.biometrics.bch.BchCode;
import org.biodid.biometrics.bch.Bits;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Properties of the extractor on its bit-vector seam: up to t differing bits always reproduce the key; more
 * never yield a wrong key (the MAC catches every miscorrection).
 */
class FuzzyExtractorPropertiesTest {

    private static final BiometricParameters PARAMS = BiometricParameters.DEFAULT;
    private static final FuzzyExtractor EXTRACTOR = new FuzzyExtractor(PARAMS, new SecureRandom());
    private static final SubjectContext CONTEXT = new SubjectContext(TestFingers.WALLET, TestFingers.NETWORK);
    private static final int N = PARAMS.n();
    private static final int T = PARAMS.t();

    @Property(tries = 200)
    void upToTErrorsReproduceTheKey(@ForAll("vectors") long[] w, @ForAll("upToT") Set<Integer> errors) {
        FuzzyExtractor.Generated generated = EXTRACTOR.generateFromBits(CONTEXT, FingerId.LEFT_THUMB, w, mask());
        long[] fresh = flipped(w, errors);
        Optional<byte[]> key = EXTRACTOR.reproduceFromBits(CONTEXT, generated.helper(), fresh,
                EXTRACTOR.code().newWorkspace());
        assertThat(key.isPresent(), is(true));
        assertThat(Arrays.equals(key.get(), generated.fingerKey()), is(true));
    }

    @Property(tries = 300)
    void moreThanTErrorsNeverYieldAWrongKey(@ForAll("vectors") long[] w, @ForAll("beyondT") Set<Integer> errors) {
        FuzzyExtractor.Generated generated = EXTRACTOR.generateFromBits(CONTEXT, FingerId.LEFT_THUMB, w, mask());
        long[] fresh = flipped(w, errors);
        Optional<byte[]> key = EXTRACTOR.reproduceFromBits(CONTEXT, generated.helper(), fresh,
                EXTRACTOR.code().newWorkspace());
        // w' differs from w, so the only acceptable outcome is "no key": a key would have to be w's key, and
        // reaching w from w' would need the decoder to undo more than t errors, which it cannot
        assertThat(key.isPresent(), is(false));
    }

    @Property(tries = 100)
    void bchCorrectsAnyPatternUpToT(@ForAll("vectors") long[] message, @ForAll("upToT") Set<Integer> errors) {
        BchCode code = EXTRACTOR.code();
        long[] msg = Arrays.copyOf(message, Bits.words(code.k()));
        Bits.clearAbove(msg, code.k());
        long[] codeword = new long[Bits.words(N)];
        code.encode(msg, codeword);
        long[] received = flipped(codeword, errors);
        assertThat(code.decode(received, code.newWorkspace()), is(errors.size()));
        assertThat(Arrays.equals(received, codeword), is(true));
    }

    @Provide
    Arbitrary<long[]> vectors() {
        return Arbitraries.longs().array(long[].class).ofSize(Bits.words(N)).map(v -> {
            Bits.clearAbove(v, N);
            return v;
        });
    }

    /**
     * The boundary, deterministically: for each of 20 seeds, exactly t - 1, t, t + 1 and t + 2 flipped bits. (jqwik's
     * generated sets rarely reach size t = 42, and its sizes are not uniform; this does not depend on them.)
     */
    @Test
    void aroundTErrorsTheBoundaryHoldsExactly() {
        SplittableRandom random = new SplittableRandom(42);
        for (int seed = 0; seed < 20; seed++) {
            long[] w = new long[Bits.words(N)];
            for (int i = 0; i < w.length; i++) {
                w[i] = random.nextLong();
            }
            Bits.clearAbove(w, N);
            FuzzyExtractor.Generated generated = EXTRACTOR.generateFromBits(CONTEXT, FingerId.LEFT_THUMB, w, mask());
            for (int errors = T - 1; errors <= T + 2; errors++) {
                long[] fresh = flipped(w, distinctPositions(errors, random.nextLong()));
                Optional<byte[]> key = EXTRACTOR.reproduceFromBits(CONTEXT, generated.helper(), fresh,
                        EXTRACTOR.code().newWorkspace());
                if (errors <= T) {
                    assertThat(errors + " errors, seed " + seed, key.isPresent(), is(true));
                    assertThat(Arrays.equals(key.get(), generated.fingerKey()), is(true));
                } else {
                    assertThat(errors + " errors, seed " + seed, key.isPresent(), is(false));
                }
            }
        }
    }

    @Provide
    Arbitrary<Set<Integer>> upToT() {
        // the size uniform over 0..t, so that sizes near t are as likely as small ones
        return Combinators.combine(Arbitraries.integers().between(0, T), Arbitraries.longs())
                .as(FuzzyExtractorPropertiesTest::distinctPositions);
    }

    @Provide
    Arbitrary<Set<Integer>> beyondT() {
        // from just beyond t (the hard case for a bounded-distance decoder) up to half the length
        return Combinators.combine(Arbitraries.integers().between(T + 1, N / 2), Arbitraries.longs())
                .as(FuzzyExtractorPropertiesTest::distinctPositions);
    }

    private static Set<Integer> distinctPositions(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<Integer> set = new TreeSet<>();
        while (set.size() < size) {
            set.add(random.nextInt(N));
        }
        return set;
    }

    private static long[] mask() {
        long[] mask = new long[Bits.words(PARAMS.features().cells())];
        for (int i = 0; i < N; i++) {
            Bits.set(mask, i * 3);
        }
        return mask;
    }

    private static long[] flipped(long[] v, Set<Integer> positions) {
        long[] out = v.clone();
        for (int i : positions) {
            Bits.flip(out, i);
        }
        return out;
    }
}
