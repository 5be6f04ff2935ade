package org.biodid.biometrics.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.biodid.biometrics.Minutia;
import org.biodid.biometrics.bch.BchCode;
import org.biodid.biometrics.bch.Bits;
import org.biodid.biometrics.feature.FeatureParameters;
import org.biodid.biometrics.feature.PairHistogram;
import org.biodid.biometrics.feature.ReliableBits;
import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;

/**
 * Parameter study of the fused sketch (development tool, tuning seed only): per-finger Hamming distances of
 * genuine and impostor impressions at the enrolled cells, without any code, and for each finger count and
 * candidate t the resulting FRR (sums of measured genuine distances over random finger tuples) and the BCH
 * message length k.
 * <p>
 * Usage: {@code FusedStudy [fingers 4000] [seed 7] [noise 1.0] [bitsPerFinger 255]}.
 */
public final class FusedStudy {

    private FusedStudy() {
    }

    /**
     * Entry point.
     *
     * @param args fingers, seed, noise scale, bits per finger
     */
    public static void main(String[] args) {
        int fingers = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
        double noise = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
        int bits = args.length > 3 ? Integer.parseInt(args[3]) : 255;
        ReliableBits features = new ReliableBits(new PairHistogram(FeatureParameters.DEFAULT));
        SyntheticFingerprints people = new SyntheticFingerprints(seed);
        NoiseModel model = NoiseModel.DEFAULT.scaled(noise);
        SplittableRandom sampler = new SplittableRandom(seed);
        for (int n = 2; n <= 10; n++) {
            int perFinger = n == 2 ? Math.min(bits, 255) : Math.min(bits, 1020 / n);
            int total = n * perFinger;
            int m = 32 - Integer.numberOfLeadingZeros(total);
            int[] genuine = new int[fingers];
            int[] impostor = new int[fingers];
            IntStream.range(0, fingers).parallel().forEach(i -> {
                SplittableRandom random = new SplittableRandom(seed * 7919 + i);
                List<Minutia> master = people.master(i);
                long[] mask = new long[Bits.words(features.cells())];
                long[] w = new long[Bits.words(perFinger)];
                features.enroll(SyntheticFingerprints.impression(master, model, random), perFinger, mask, w);
                long[] fresh = new long[w.length];
                features.reproduce(SyntheticFingerprints.impression(master, model, random), mask, fresh);
                genuine[i] = Bits.distance(w, fresh);
                features.reproduce(SyntheticFingerprints.impression(people.impostor(i), model, random), mask, fresh);
                impostor[i] = Bits.distance(w, fresh);
            });
            int[] g = genuine.clone();
            Arrays.sort(g);
            int[] f = impostor.clone();
            Arrays.sort(f);
            int samples = 200_000;
            int[] sums = new int[samples];
            for (int s = 0; s < samples; s++) {
                int sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += genuine[sampler.nextInt(fingers)];
                }
                sums[s] = sum;
            }
            Arrays.sort(sums);
            double[] pmf = new double[perFinger + 1];
            for (int d : impostor) {
                pmf[d] += 1.0 / fingers;
            }
            double[] sumPmf = {1.0};
            for (int j = 0; j < n; j++) {
                sumPmf = convolve(sumPmf, pmf);
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "N=%d b=%d n=%d m=%d | finger genuine mean %.1f q99.5 %d | impostor mean %.1f q0.1%% %d q1%% %d "
                            + "| sum q99.5=%d q99.9=%d:", n, perFinger, total, m, mean(g), g[(int) (0.995 * fingers)],
                    mean(f), f[fingers / 1000], f[fingers / 100], sums[(int) (0.995 * samples)],
                    sums[(int) (0.999 * samples)]));
            for (int t = sums[(int) (0.99 * samples)]; t <= sums[(int) (0.9999 * samples)] + 10; t += 2) {
                BchCode code;
                try {
                    code = BchCode.shortened(m, t, total);
                } catch (IllegalArgumentException e) {
                    break;
                }
                int over = samples - upperIndex(sums, t);
                double far = 0;
                for (int d = 0; d <= t && d < sumPmf.length; d++) {
                    far += sumPmf[d];
                }
                line.append(String.format(Locale.ROOT, " t=%d k=%d FRR=%.3f%% FAR~%.1e;", t, code.k(),
                        100.0 * over / samples, far));
            }
            System.out.println(line);
            // parity rule: the largest t whose full-guess false accept does not exceed the per-finger design's
            // (per-finger FAR at t = 42 on 255 bits, measured 1.8 %, to the power of the finger count)
            double budget = Math.pow(0.018, n);
            double cumulative = 0;
            int chosen = -1;
            for (int d = 0; d < sumPmf.length; d++) {
                cumulative += sumPmf[d];
                if (cumulative > budget) {
                    break;
                }
                chosen = d;
            }
            if (chosen > 0) {
                BchCode code = BchCode.shortened(m, chosen, total);
                int over = samples - upperIndex(sums, chosen);
                System.out.printf(Locale.ROOT, "  parity rule: N=%d t=%d k=%d FRR=%.3f%% (budget %.1e)%n", n, chosen,
                        code.k(), 100.0 * over / samples, budget);
            }
        }
    }

    /** Distribution of the sum of two independent distances. */
    static double[] convolve(double[] a, double[] b) {
        double[] out = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i + j] += a[i] * b[j];
            }
        }
        return out;
    }

    private static int upperIndex(int[] sorted, int t) {
        int i = Arrays.binarySearch(sorted, t + 1);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] == t + 1) {
            i--;
        }
        return i;
    }

    private static double mean(int[] values) {
        return Arrays.stream(values).average().orElse(0);
    }
}
