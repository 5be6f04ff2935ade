package org.biodid.biometrics.eval;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.biodid.biometrics.Minutia;
import org.biodid.biometrics.bch.Bits;
import org.biodid.biometrics.feature.BackgroundModel;
import org.biodid.biometrics.feature.FeatureParameters;
import org.biodid.biometrics.feature.PairHistogram;
import org.biodid.biometrics.feature.ReliableBits;
import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;

/**
 * Development tool: genuine and impostor Hamming-distance distributions of the bit vectors for given
 * feature parameters, before any error-correcting code. Used to choose the parameters on a development
 * seed that differs from the evaluation's.
 * <p>
 * Arguments: {@code minD maxD dBins aBins mode floor n fingers seed noiseScale}.
 */
public final class FeatureStudy {

    private FeatureStudy() {
    }

    /**
     * Entry point.
     *
     * @param args see class documentation
     */
    public static void main(String[] args) {
        FeatureParameters p = new FeatureParameters(Double.parseDouble(args[0]), Double.parseDouble(args[1]),
                Integer.parseInt(args[2]), Integer.parseInt(args[3]), FeatureParameters.ThresholdMode.valueOf(args[4]),
                Double.parseDouble(args[5]));
        int n = Integer.parseInt(args[6]);
        int fingers = Integer.parseInt(args[7]);
        long seed = Long.parseLong(args[8]);
        NoiseModel noise = NoiseModel.DEFAULT.scaled(Double.parseDouble(args[9]));
        PairHistogram ph = new PairHistogram(p);
        if (p.thresholdMode() == FeatureParameters.ThresholdMode.POPULATION) {
            ph = ph.withBackground(BackgroundModel.train(ph, BackgroundModel.TRAINING_SEED, 2000));
        }
        ReliableBits rb = new ReliableBits(ph);
        SyntheticFingerprints gen = new SyntheticFingerprints(seed);
        SplittableRandom random = new SplittableRandom(seed + 1);
        int[] genuine = new int[fingers * 4];
        int[] impostor = new int[fingers * 20];
        int gi = 0;
        int ii = 0;
        long[][] masks = new long[fingers][];
        long[][] enrolled = new long[fingers][];
        for (int f = 0; f < fingers; f++) {
            List<Minutia> master = gen.master(f);
            masks[f] = new long[Bits.words(rb.cells())];
            enrolled[f] = new long[Bits.words(n)];
            rb.enroll(SyntheticFingerprints.impression(master, noise, random), n, masks[f], enrolled[f]);
            long[] fresh = new long[Bits.words(n)];
            for (int g = 0; g < 4; g++) {
                rb.reproduce(SyntheticFingerprints.impression(master, noise, random), masks[f], fresh);
                genuine[gi++] = Bits.distance(fresh, enrolled[f]);
            }
        }
        long[] fresh = new long[Bits.words(n)];
        for (int f = 0; f < fingers; f++) {
            for (int k = 0; k < 20; k++) {
                int other = (f + 1 + k * 7) % fingers;
                List<Minutia> imp = SyntheticFingerprints.impression(gen.master(other), noise, random);
                rb.reproduce(imp, masks[f], fresh);
                impostor[ii++] = Bits.distance(fresh, enrolled[f]);
            }
        }
        report("genuine ", genuine, n);
        report("impostor", impostor, n);
        int[] sortedGenuine = genuine.clone();
        Arrays.sort(sortedGenuine);
        for (double q : new double[] {0.99, 0.995, 0.999}) {
            int t = sortedGenuine[Math.min(sortedGenuine.length - 1, (int) (sortedGenuine.length * q))];
            long below = Arrays.stream(impostor).filter(d -> d <= t).count();
            System.out.printf("at genuine q%.1f%% (t=%d): impostor fraction within t = %.4f%n", q * 100, t,
                    (double) below / impostor.length);
        }
        long t0 = System.nanoTime();
        List<Minutia> m = gen.master(0);
        for (int i = 0; i < 20000; i++) {
            rb.reproduce(m, masks[0], fresh);
        }
        System.out.printf("reproduce %.1f us%n", (System.nanoTime() - t0) / 20000 / 1000.0);
    }

    private static void report(String label, int[] d, int n) {
        int[] s = d.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0);
        double var = Arrays.stream(s).mapToDouble(x -> (x - mean) * (x - mean)).sum() / s.length;
        System.out.printf("%s n=%d mean=%.1f (%.3f) sd=%.1f min=%d q0.1%%=%d q1%%=%d q50%%=%d q99%%=%d q99.5%%=%d max=%d"
                        + " dof=%.0f%n", label, n, mean, mean / n, Math.sqrt(var), s[0], s[(int) (s.length * 0.001)],
                s[(int) (s.length * 0.01)], s[s.length / 2], s[(int) (s.length * 0.99)],
                s[(int) (s.length * 0.995)], s[s.length - 1],
                (mean / n) * (1 - mean / n) / (var / ((double) n * n)));
    }
}
