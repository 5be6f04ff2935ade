package org.biodid.biometrics.feature;

import java.util.SplittableRandom;

import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;

/**
 * Estimates the population background of the pair histogram: for every cell, the mean share of its
 * distance ring's weight, over impressions of a training population.
 * <p>
 * The service trains it on synthetic fingers from a fixed training seed, {@link #TRAINING_SEED}, that
 * no evaluation or test uses; a deployment on real prints should retrain it on real impressions.
 */
public final class BackgroundModel {

    /** Seed of the training population; distinct from every evaluation seed. */
    public static final long TRAINING_SEED = 0x62696F6469642F62L; // "biodid/b"
    /** Fingers in the training population. */
    public static final int TRAINING_FINGERS = 2000;

    private BackgroundModel() {
    }

    /**
     * Trains the background.
     *
     * @param histogram transform
     * @param seed      training seed
     * @param fingers   number of training fingers
     * @return per-cell mean share of its ring
     */
    public static double[] train(PairHistogram histogram, long seed, int fingers) {
        SyntheticFingerprints population = new SyntheticFingerprints(seed);
        SplittableRandom random = new SplittableRandom(seed);
        int cells = histogram.parameters().cells();
        double[] sum = new double[cells];
        double[] h = new double[cells];
        for (int f = 0; f < fingers; f++) {
            histogram.compute(SyntheticFingerprints.impression(population.master(f), NoiseModel.DEFAULT, random), h);
            double[] ring = histogram.ringTotals(h);
            for (int c = 0; c < cells; c++) {
                double total = ring[histogram.ringOf(c)];
                if (total > 0) {
                    sum[c] += h[c] / total;
                }
            }
        }
        for (int c = 0; c < cells; c++) {
            sum[c] /= fingers;
        }
        return sum;
    }
}
