package org.biodid.biometrics.feature;

import java.util.List;

import org.biodid.biometrics.Minutia;

/**
 * Evaluation-only variant of {@link ReliableBits} whose per-cell threshold is the finger's own histogram blurred
 * over both angle axes by {@code passes} passes of the service's 9-tap binomial kernel (standard deviation
 * 1.41 &times; sqrt(passes) bins). One pass is the service's {@code LOCAL} threshold exactly (the evaluation checks
 * that the bits agree); more passes move the threshold towards the ring mean ({@code RING}), which is less noisy on
 * prints without a shared ridge flow but lets more of that shared structure into the bits of prints with one.
 * Selection and reading are those of {@link ReliableBits}. Nothing in the service uses this class.
 */
public final class WideBlurBits {

    private static final int RADIUS = 4;
    private static final double[] KERNEL = {
        1 / 256.0, 8 / 256.0, 28 / 256.0, 56 / 256.0, 70 / 256.0, 56 / 256.0, 28 / 256.0, 8 / 256.0, 1 / 256.0};

    private final PairHistogram histogram;
    private final int passes;
    private final int cells;
    private final int dBins;
    private final int aBins;

    /**
     * Creates the binarizer.
     *
     * @param parameters geometry (the threshold mode is ignored)
     * @param passes     blur passes per axis, at least 1
     */
    public WideBlurBits(FeatureParameters parameters, int passes) {
        if (passes < 1) {
            throw new IllegalArgumentException("passes must be at least 1");
        }
        this.histogram = new PairHistogram(parameters);
        this.passes = passes;
        this.cells = parameters.cells();
        this.dBins = parameters.distanceBins();
        this.aBins = parameters.angleBins();
    }

    /**
     * Number of cells.
     *
     * @return cells
     */
    public int cells() {
        return cells;
    }

    /**
     * Enrollment, as {@link ReliableBits#enroll}.
     *
     * @param minutiae impression
     * @param n        bits
     * @param mask     output mask
     * @param bits     output bits
     */
    public void enroll(List<Minutia> minutiae, int n, long[] mask, long[] bits) {
        double[] h = histogram.compute(minutiae, null);
        double[] tau = thresholds(h);
        // the service's selection and reading: only the thresholds differ
        ReliableBits.select(h, tau, histogram.parameters().noiseFloor(), n, mask);
        ReliableBits.read(h, tau, mask, bits);
    }

    /**
     * Reproduction, as {@link ReliableBits#reproduce}.
     *
     * @param minutiae impression
     * @param mask     enrolled mask
     * @param bits     output bits
     */
    public void reproduce(List<Minutia> minutiae, long[] mask, long[] bits) {
        double[] h = histogram.compute(minutiae, null);
        ReliableBits.read(h, thresholds(h), mask, bits);
    }

    private double[] thresholds(double[] h) {
        double[] tau = new double[cells];
        int plane = aBins * aBins;
        double[] grid = new double[plane];
        double[] tmp = new double[plane];
        double[] row = new double[aBins + 2 * RADIUS];
        for (int d = 0; d < dBins; d++) {
            for (int a = 0; a < aBins; a++) {
                for (int b = 0; b < aBins; b++) {
                    grid[a * aBins + b] = h[histogram.cell(d, a, b)];
                }
            }
            for (int p = 0; p < passes; p++) {
                blur(grid, tmp, row, 1, aBins);
                blur(tmp, grid, row, aBins, 1);
            }
            for (int a = 0; a < aBins; a++) {
                for (int b = 0; b < aBins; b++) {
                    tau[histogram.cell(d, a, b)] = grid[a * aBins + b];
                }
            }
        }
        return tau;
    }

    private void blur(double[] in, double[] out, double[] row, int stride, int across) {
        for (int r = 0; r < aBins; r++) {
            int line = r * across;
            for (int i = 0; i < aBins; i++) {
                row[i + RADIUS] = in[line + i * stride];
            }
            for (int i = 0; i < RADIUS; i++) {
                row[i] = row[i + aBins];
                row[i + aBins + RADIUS] = row[i + RADIUS];
            }
            for (int i = 0; i < aBins; i++) {
                double sum = 0;
                for (int k = 0; k < KERNEL.length; k++) {
                    sum += KERNEL[k] * row[i + k];
                }
                out[line + i * stride] = sum;
            }
        }
    }
}
