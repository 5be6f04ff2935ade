package org.biodid.biometrics.bch;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.biodid.biometrics.FusedCode;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * Known-answer tests for the BCH codec, with vectors built by construction: encode, flip up to t bits, decode.
 */
class BchCodeTest {

    @ParameterizedTest(name = "m={0} t={1} -> k={2}")
    @CsvSource({
        "4, 1, 11", "4, 2, 7", "4, 3, 5",
        "5, 3, 16", "5, 5, 11", "5, 7, 6",
        "8, 18, 131", "8, 25, 91", "8, 42, 47",
        "9, 30, 259",
        "10, 50, 573"
    })
    void dimensionsMatchTheStandardTables(int m, int t, int k) {
        BchCode code = BchCode.create(m, t);
        assertThat(code.n(), is((1 << m) - 1));
        assertThat(code.k(), is(k));
    }

    @Test
    void smallCodewordIsTheTextbookOne() {
        // BCH(15, 7, 2): g(x) = x^8 + x^7 + x^6 + x^4 + 1; the message 1 (x^0) encodes to x^8 + g(x) mod ...,
        // i.e. parity = x^8 mod g = x^7 + x^6 + x^4 + 1 -> bits 0, 4, 6, 7 and message bit 8.
        BchCode code = BchCode.create(4, 2);
        long[] cw = new long[1];
        code.encode(new long[] {1L}, cw);
        assertThat(cw[0], is((1L << 8) | (1L << 7) | (1L << 6) | (1L << 4) | 1L));
    }

    @ParameterizedTest(name = "m={0} t={1} n={2}")
    @CsvSource({"4, 2, 15", "5, 3, 31", "8, 18, 255", "8, 42, 255", "9, 30, 511", "9, 40, 400", "10, 60, 1023"})
    void correctsUpToTErrors(int m, int t, int n) {
        BchCode code = BchCode.shortened(m, t, n);
        BchCode.Workspace ws = code.newWorkspace();
        SplittableRandom random = new SplittableRandom(m * 1000L + t);
        for (int trial = 0; trial < 200; trial++) {
            long[] message = randomBits(random, code.k());
            long[] codeword = new long[Bits.words(n)];
            code.encode(message, codeword);
            int errors = trial % (t + 1);
            long[] received = codeword.clone();
            flipDistinct(random, received, n, errors);
            int corrected = code.decode(received, ws);
            assertThat(corrected, is(errors));
            assertThat(Arrays.equals(received, codeword), is(true));
            long[] decodedMessage = new long[Bits.words(code.k())];
            code.message(received, decodedMessage);
            assertThat(Arrays.equals(decodedMessage, message), is(true));
        }
    }

    /**
     * Every code the service uses: the fused code of each finger count it accepts ({@link
     * org.biodid.biometrics.FusedCode#forFingers}, BCH(1020, 265, 103) for 4 fingers). Each corrects every pattern of
     * exactly t errors and never turns t + 1 errors back into the sent codeword.
     */
    @ParameterizedTest(name = "{0} fingers")
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 9, 10})
    void everyProductionCodeCorrectsExactlyT(int fingers) {
        BchCode code = FusedCode.forFingers(fingers).code();
        if (fingers == 4) {
            assertThat(code.n(), is(1020));
            assertThat(code.k(), is(265));
            assertThat(code.t(), is(103));
        }
        BchCode.Workspace ws = code.newWorkspace();
        SplittableRandom random = new SplittableRandom(842 + fingers);
        for (int trial = 0; trial < 20; trial++) {
            long[] message = randomBits(random, code.k());
            long[] codeword = new long[Bits.words(code.n())];
            code.encode(message, codeword);

            long[] atT = codeword.clone();
            flipDistinct(random, atT, code.n(), code.t());
            assertThat(code.decode(atT, ws), is(code.t()));
            assertThat(Arrays.equals(atT, codeword), is(true));

            long[] beyondT = codeword.clone();
            flipDistinct(random, beyondT, code.n(), code.t() + 1);
            code.decode(beyondT, ws);
            assertThat("t + 1 errors never decode to the sent codeword", Arrays.equals(beyondT, codeword), is(false));
        }
    }

    @Test
    void encodedWordsAreCodewords() {
        BchCode code = BchCode.create(8, 25);
        BchCode.Workspace ws = code.newWorkspace();
        SplittableRandom random = new SplittableRandom(7);
        long[] a = new long[4];
        long[] b = new long[4];
        code.encode(randomBits(random, code.k()), a);
        code.encode(randomBits(random, code.k()), b);
        // linearity: the sum of two codewords is a codeword
        long[] sum = new long[4];
        Bits.xor(a, b, sum);
        assertThat(code.decode(sum, ws), is(0));
    }

    @Test
    void reportsFailureForManyErrorsAndLeavesWordUntouched() {
        BchCode code = BchCode.create(9, 30);
        BchCode.Workspace ws = code.newWorkspace();
        SplittableRandom random = new SplittableRandom(99);
        int failures = 0;
        int trials = 200;
        for (int trial = 0; trial < trials; trial++) {
            long[] codeword = new long[Bits.words(code.n())];
            code.encode(randomBits(random, code.k()), codeword);
            long[] received = codeword.clone();
            flipDistinct(random, received, code.n(), 60);
            long[] before = received.clone();
            int result = code.decode(received, ws);
            if (result < 0) {
                failures++;
                assertThat(Arrays.equals(received, before), is(true));
            } else {
                // a miscorrection must still end on a codeword within t of the received word
                assertThat(Bits.distance(received, before) <= code.t(), is(true));
                assertThat(Arrays.equals(received, codeword), is(not(true)));
            }
        }
        // for a t = 30 code, 60 random errors almost never land within t of another codeword
        assertThat(failures, is(trials));
    }

    static long[] randomBits(SplittableRandom random, int length) {
        long[] v = new long[Bits.words(length)];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextLong();
        }
        Bits.clearAbove(v, length);
        return v;
    }

    static void flipDistinct(SplittableRandom random, long[] v, int n, int count) {
        boolean[] used = new boolean[n];
        int flipped = 0;
        while (flipped < count) {
            int i = random.nextInt(n);
            if (!used[i]) {
                used[i] = true;
                Bits.flip(v, i);
                flipped++;
            }
        }
    }
}
