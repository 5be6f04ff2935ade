package org.biodid.biometrics.feature;

import java.util.Arrays;
import java.util.List;

import org.biodid.biometrics.Minutia;

/**
 * Translation- and rotation-invariant description of one finger: a smoothed histogram of minutia pairs
 * over (distance, direction of each minutia relative to the line joining them).
 * <p>
 * For minutiae i and j at distance d, with directions &theta;<sub>i</sub>, &theta;<sub>j</sub> and the
 * direction &phi; of the vector from i to j, the pair contributes at (d, &theta;<sub>i</sub> &minus; &phi;,
 * &theta;<sub>j</sub> &minus; &phi;). All three are unchanged by a global translation and rotation. Each pair
 * is spread over 3 &times; 3 &times; 3 neighbouring cells with quadratic B-spline weights (a smooth kernel
 * three bins wide), so that jitter moves weight gradually rather than flipping a pair between cells.
 * Swapping i and j maps (a, b) to (b &minus; 180&deg;, a &minus; 180&deg;); both orders are accumulated and
 * only one cell of every mirror pair is kept.
 * <p>
 * Instances are immutable and thread-safe; {@link #compute(List, double[])} allocates only its output when
 * the caller passes none.
 */
public final class PairHistogram {

    private final FeatureParameters parameters;
    private final int dBins;
    private final int aBins;
    private final double dStep;
    private final double aStep;
    /** Grid cell (d, a, b) -> index of its canonical cell in the output vector. */
    private final int[] canonical;
    private double[] background;
    /** Canonical cell -> its distance bin. */
    private final int[] ringOf;
    /** Canonical cell -> difference of its two angle bins, (b - a) mod angleBins. */
    private final int[] diagonalOf;

    /**
     * Creates the transform.
     *
     * @param parameters geometry
     */
    public PairHistogram(FeatureParameters parameters) {
        this.parameters = parameters;
        this.dBins = parameters.distanceBins();
        this.aBins = parameters.angleBins();
        this.dStep = (parameters.maxDistance() - parameters.minDistance()) / dBins;
        this.aStep = 2 * Math.PI / aBins;
        this.canonical = new int[dBins * aBins * aBins];
        this.ringOf = new int[parameters.cells()];
        this.diagonalOf = new int[parameters.cells()];
        int next = 0;
        int half = aBins / 2;
        int[] assigned = new int[aBins * aBins];
        for (int d = 0; d < dBins; d++) {
            Arrays.fill(assigned, -1);
            for (int a = 0; a < aBins; a++) {
                for (int b = 0; b < aBins; b++) {
                    int mirror = ((b - half + aBins) % aBins) * aBins + ((a - half + aBins) % aBins);
                    int self = a * aBins + b;
                    if (assigned[mirror] >= 0) {
                        assigned[self] = assigned[mirror];
                    } else {
                        ringOf[next] = d;
                        diagonalOf[next] = Math.floorMod(b - a, aBins);
                        assigned[self] = next++;
                    }
                    canonical[(d * aBins + a) * aBins + b] = assigned[self];
                }
            }
        }
        if (next != parameters.cells()) {
            throw new IllegalStateException("cell count mismatch " + next + " vs " + parameters.cells());
        }
    }

    /**
     * The geometry.
     *
     * @return parameters
     */
    public FeatureParameters parameters() {
        return parameters;
    }

    /**
     * Canonical cell of grid position (distance bin, angle bin a, angle bin b).
     *
     * @param d distance bin
     * @param a first angle bin
     * @param b second angle bin
     * @return cell index in the output vector
     */
    public int cell(int d, int a, int b) {
        return canonical[(d * aBins + a) * aBins + b];
    }

    /**
     * Per-cell binarization thresholds from the finger's own histogram (see
     * {@link FeatureParameters.ThresholdMode}); mirrored diagonals have equal means, so the canonical cell's
     * diagonal is representative.
     *
     * @param h   histogram
     * @param tau output thresholds, same length
     */
    public void thresholds(double[] h, double[] tau) {
        if (parameters.thresholdMode() == FeatureParameters.ThresholdMode.POPULATION) {
            populationThresholds(h, tau);
            return;
        }
        if (parameters.thresholdMode() == FeatureParameters.ThresholdMode.LOCAL) {
            localThresholds(h, tau);
            return;
        }
        boolean byDirection = parameters.thresholdMode() == FeatureParameters.ThresholdMode.RING_AND_DIRECTION;
        int groups = byDirection ? aBins : 1;
        double[] sum = new double[dBins * groups];
        for (int d = 0; d < dBins; d++) {
            for (int a = 0; a < aBins; a++) {
                for (int b = 0; b < aBins; b++) {
                    int g = byDirection ? Math.floorMod(b - a, aBins) : 0;
                    sum[d * groups + g] += h[canonical[(d * aBins + a) * aBins + b]];
                }
            }
        }
        double perGroup = (double) aBins * aBins / groups;
        for (int c = 0; c < tau.length; c++) {
            int g = byDirection ? diagonalOf[c] : 0;
            tau[c] = sum[ringOf[c] * groups + g] / perGroup;
        }
    }

    private void localThresholds(double[] h, double[] tau) {
        int plane = aBins * aBins;
        double[] grid = new double[plane];
        double[] tmp = new double[plane];
        for (int d = 0; d < dBins; d++) {
            int base = d * plane;
            for (int g = 0; g < plane; g++) {
                grid[g] = h[canonical[base + g]];
            }
            for (int pass = 0; pass < FeatureParameters.ThresholdMode.LOCAL_PASSES; pass++) {
                blur(grid, tmp, 1, aBins);
                blur(tmp, grid, aBins, 1);
            }
            for (int g = 0; g < plane; g++) {
                tau[canonical[base + g]] = grid[g];
            }
        }
    }

    /** Circular 5-tap binomial blur of an aBins x aBins plane along one axis (stride along it, step across). */
    private void blur(double[] in, double[] out, int stride, int across) {
        for (int r = 0; r < aBins; r++) {
            int row = r * across;
            for (int i = 0; i < aBins; i++) {
                double s = 6 * in[row + i * stride]
                        + 4 * (in[row + Math.floorMod(i - 1, aBins) * stride] + in[row + Math.floorMod(i + 1, aBins) * stride])
                        + in[row + Math.floorMod(i - 2, aBins) * stride] + in[row + Math.floorMod(i + 2, aBins) * stride];
                out[row + i * stride] = s / 16;
            }
        }
    }

    private void populationThresholds(double[] h, double[] tau) {
        double[] background = this.background;
        if (background == null) {
            throw new IllegalStateException("POPULATION thresholds need a background model");
        }
        double[] ring = ringTotals(h);
        for (int c = 0; c < tau.length; c++) {
            tau[c] = background[c] * ring[ringOf[c]];
        }
    }

    /**
     * Total weight per distance ring.
     *
     * @param h histogram
     * @return one total per distance bin
     */
    public double[] ringTotals(double[] h) {
        double[] ring = new double[dBins];
        for (int c = 0; c < h.length; c++) {
            ring[ringOf[c]] += h[c];
        }
        return ring;
    }

    /**
     * Distance bin of a cell.
     *
     * @param cell cell index
     * @return its ring
     */
    public int ringOf(int cell) {
        return ringOf[cell];
    }

    /**
     * A copy of this transform that uses the given background (population mean of each cell's share of its
     * ring's weight) for {@link FeatureParameters.ThresholdMode#POPULATION} thresholds.
     *
     * @param background per-cell mean share
     * @return the transform with background
     */
    public PairHistogram withBackground(double[] background) {
        PairHistogram copy = new PairHistogram(parameters);
        copy.background = background.clone();
        return copy;
    }

    /**
     * Computes the histogram.
     *
     * @param minutiae one finger's minutiae
     * @param out      output of length {@link FeatureParameters#cells()}, or null to allocate
     * @return the histogram (the same array as {@code out} when given)
     */
    public double[] compute(List<Minutia> minutiae, double[] out) {
        double[] h = out == null ? new double[parameters.cells()] : out;
        Arrays.fill(h, 0.0);
        int n = minutiae.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] th = new double[n];
        for (int i = 0; i < n; i++) {
            Minutia m = minutiae.get(i);
            xs[i] = m.x();
            ys[i] = m.y();
            th[i] = Math.toRadians(m.angle());
        }
        double lo = parameters.minDistance() - 1.5 * dStep;
        double hi = parameters.maxDistance() + 1.5 * dStep;
        double lo2 = Math.max(0, lo) * Math.max(0, lo);
        double hi2 = hi * hi;
        double[] wd = new double[3];
        double[] wa = new double[3];
        double[] wb = new double[3];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = xs[j] - xs[i];
                double dy = ys[j] - ys[i];
                double d2 = dx * dx + dy * dy;
                if (d2 < lo2 || d2 > hi2) {
                    continue;
                }
                double d = Math.sqrt(d2);
                double phi = Angles.atan2(dy, dx);
                double a = th[i] - phi;
                double b = th[j] - phi;
                // the swapped order (b - pi, a - pi) lands on the mirror cells with mirrored weights, and a cell
                // and its mirror share one canonical cell: adding it would double every weight, done below
                accumulate(h, d, a, b, wd, wa, wb);
            }
        }
        for (int c = 0; c < h.length; c++) {
            h[c] *= 2;
        }
        return h;
    }

    private void accumulate(double[] h, double d, double a, double b, double[] wd, double[] wa, double[] wb) {
        double u = (d - parameters.minDistance()) / dStep - 0.5;
        int d0 = spline(u, wd);
        int a0 = spline(Angles.wrap(a) / aStep - 0.5, wa);
        int b0 = spline(Angles.wrap(b) / aStep - 0.5, wb);
        for (int i = 0; i < 3; i++) {
            int di = d0 + i;
            if (di < 0 || di >= dBins) {
                continue;
            }
            for (int j = 0; j < 3; j++) {
                int ai = wrapBin(a0 + j);
                double w = wd[i] * wa[j];
                int base = (di * aBins + ai) * aBins;
                for (int k = 0; k < 3; k++) {
                    h[canonical[base + wrapBin(b0 + k)]] += w * wb[k];
                }
            }
        }
    }

    /** Wraps a bin index in [-1, 2 * aBins) to [0, aBins). */
    private int wrapBin(int i) {
        if (i < 0) {
            return i + aBins;
        }
        return i >= aBins ? i - aBins : i;
    }

    /**
     * Quadratic B-spline weights of a point at continuous bin coordinate u over bins c-1, c, c+1
     * (c the nearest bin); returns c - 1 and writes the three weights.
     */
    private static int spline(double u, double[] w) {
        int c = (int) Math.floor(u + 0.5);
        double f = u - c; // in [-0.5, 0.5)
        w[0] = 0.5 * (0.5 - f) * (0.5 - f);
        w[1] = 0.75 - f * f;
        w[2] = 0.5 * (0.5 + f) * (0.5 + f);
        return c - 1;
    }
}
