package org.biodid.biometrics.feature;

/**
 * Geometry of the pair histogram.
 *
 * @param minDistance   shortest pair distance that counts, pixels
 * @param maxDistance   longest pair distance that counts, pixels
 * @param distanceBins  number of distance bins between them
 * @param angleBins     number of bins for each relative angle over 360 degrees (even)
 * @param thresholdMode how a cell's binarization threshold is formed, see {@link ThresholdMode}
 * @param noiseFloor    constant added to the variance estimate of a cell, in pair-weight units
 */
public record FeatureParameters(double minDistance,
                                double maxDistance,
                                int distanceBins,
                                int angleBins,
                                ThresholdMode thresholdMode,
                                double noiseFloor) {

    /** The parameters the service uses; see docs/biometrics.md for how they were chosen. */
    public static final FeatureParameters DEFAULT =
            new FeatureParameters(20, 340, 12, 16, ThresholdMode.LOCAL, 1.0);

    /**
     * Canonical constructor with checks.
     *
     * @param minDistance   shortest distance
     * @param maxDistance   longest distance
     * @param distanceBins  distance bins
     * @param angleBins     angle bins
     * @param thresholdMode threshold mode
     * @param noiseFloor    variance floor
     */
    public FeatureParameters {
        if (!(minDistance >= 0 && maxDistance > minDistance) || distanceBins < 1 || angleBins < 4
                || (angleBins & 1) != 0 || noiseFloor <= 0) {
            throw new IllegalArgumentException("invalid feature parameters");
        }
    }

    /**
     * Number of distinct cells: the histogram is symmetric under swapping the two minutiae of a pair, so
     * only one cell of each mirror pair is kept.
     *
     * @return cell count
     */
    public int cells() {
        return distanceBins * (angleBins * angleBins + angleBins) / 2;
    }

    /**
     * How the per-cell threshold is derived from the finger's own histogram.
     */
    public enum ThresholdMode {
        /** Mean of the cells at the same distance. */
        RING,
        /**
         * Mean of the cells at the same distance and the same difference of the two minutia directions:
         * ridge flow makes nearby minutiae (anti)parallel in every finger, so this removes the structure that
         * all fingers share and keeps what is particular to this one.
         */
        RING_AND_DIRECTION,
        /**
         * Population mean of the cell, scaled by this finger's own pair count at that distance: removes the
         * structure that all fingers share (ridge flow, print shape) using a background model estimated once
         * from a training population (see {@code BackgroundModel} in the test kit).
         */
        POPULATION,
        /**
         * The finger's own histogram blurred over both angle axes (9-tap binomial kernel, standard deviation
         * 1.4 bins): a band-pass, so that the smooth
         * structure every finger of a pattern class shares cancels and the fine pair configurations remain.
         */
        LOCAL,
        /**
         * {@link #LOCAL}, scaled per distance ring so that exactly half of the ring's cells lie above their
         * threshold: pair histograms are skewed (a few peaks, many valleys), so a plain local mean puts most
         * cells of any finger below it, and impostors then agree with every enrolled 0 bit far too often.
         */
        LOCAL_MEDIAN
    }
}
