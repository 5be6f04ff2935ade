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
 * Instances are immutable and thread-safe; {@link #compute(List, double[], double[])} allocates only the
 * minutiae's coordinates, and its output when the caller passes none.
 */
public final class PairHistogram {

    private static final int BLUR_RADIUS = 4;
    private static final double[] BLUR_KERNEL = {
        1 / 256.0, 8 / 256.0, 28 / 256.0, 56 / 256.0, 70 / 256.0, 56 / 256.0, 28 / 256.0, 8 / 256.0, 1 / 256.0};

    private final FeatureParameters parameters;
    private final int dBins;
    private final int aBins;
    private final double dStep;
    private final double aStep;
    /** Grid cell (d, a, b) -> index of its canonical cell in the output vector. */
    private final int[] canonical;
    private double[] background;
    /** Canonical cells per distance ring; canonical cells are numbered ring by ring. */
    private final int ringSize;
    /** Pairs are spread with B-spline weights on this padded grid, then folded onto the canonical cells. */
    private final SplineGrid splines;
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
        this.ringSize = parameters.cells() / dBins;
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
        this.splines = new SplineGrid(dBins, aBins, canonical);
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
        thresholds(h, tau, null);
    }

    /**
     * {@link #thresholds(double[], double[])} with the local blur's work arrays supplied by the caller.
     *
     * @param h    histogram
     * @param tau  output thresholds, same length
     * @param work from {@link #newBlurWork()}, or {@code null} to allocate one
     */
    public void thresholds(double[] h, double[] tau, BlurWork work) {
        if (parameters.thresholdMode() == FeatureParameters.ThresholdMode.POPULATION) {
            populationThresholds(h, tau);
            return;
        }
        if (parameters.thresholdMode() == FeatureParameters.ThresholdMode.LOCAL) {
            localThresholds(h, tau, work != null ? work : newBlurWork());
            return;
        }
        if (parameters.thresholdMode() == FeatureParameters.ThresholdMode.LOCAL_MEDIAN) {
            localThresholds(h, tau, work != null ? work : newBlurWork());
            medianScale(h, tau);
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

    /**
     * @return work arrays for the local threshold's blur, reusable from one finger to the next
     */
    public BlurWork newBlurWork() {
        int plane = aBins * aBins;
        return new BlurWork(new double[plane], new double[plane], new double[aBins + 2 * BLUR_RADIUS]);
    }

    /**
     * The local threshold's work arrays: one distance ring's angle plane, its half-blurred copy and a padded row.
     * Every element is written before it is read, so they need no clearing between fingers.
     *
     * @param grid a ring's plane
     * @param tmp  the plane blurred along one axis
     * @param row  one padded row
     */
    public record BlurWork(double[] grid, double[] tmp, double[] row) {
    }

    private void localThresholds(double[] h, double[] tau, BlurWork work) {
        int plane = aBins * aBins;
        double[] grid = work.grid();
        double[] tmp = work.tmp();
        double[] row = work.row();
        for (int d = 0; d < dBins; d++) {
            int base = d * plane;
            for (int g = 0; g < plane; g++) {
                grid[g] = h[canonical[base + g]];
            }
            blur(grid, tmp, row, 1, aBins);
            blur(tmp, grid, row, aBins, 1);
            for (int g = 0; g < plane; g++) {
                tau[canonical[base + g]] = grid[g];
            }
        }
    }

    /** Scales each ring's thresholds by the median of h / tau over the ring, so half of its cells are above. */
    private void medianScale(double[] h, double[] tau) {
        double[] ratios = new double[ringSize];
        for (int d = 0; d < dBins; d++) {
            int first = d * ringSize;
            for (int i = 0; i < ringSize; i++) {
                int c = first + i;
                ratios[i] = h[c] / (tau[c] + 1e-9);
            }
            Arrays.sort(ratios);
            double median = 0.5 * (ratios[(ringSize - 1) / 2] + ratios[ringSize / 2]);
            for (int i = 0; i < ringSize; i++) {
                tau[first + i] *= median;
            }
        }
    }

    /**
     * Circular binomial blur, 9 taps (the same as two passes of the 5-tap 1-4-6-4-1 kernel), of an
     * aBins x aBins plane along one axis: {@code stride} steps along the axis, {@code across} between lines.
     */
    private void blur(double[] in, double[] out, double[] row, int stride, int across) {
        for (int r = 0; r < aBins; r++) {
            int line = r * across;
            for (int i = 0; i < aBins; i++) {
                row[i + BLUR_RADIUS] = in[line + i * stride];
            }
            for (int i = 0; i < BLUR_RADIUS; i++) {
                row[i] = row[i + aBins];
                row[i + aBins + BLUR_RADIUS] = row[i + BLUR_RADIUS];
            }
            for (int i = 0; i < aBins; i++) {
                double sum = 0;
                for (int k = 0; k < BLUR_KERNEL.length; k++) {
                    sum += BLUR_KERNEL[k] * row[i + k];
                }
                out[line + i * stride] = sum;
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
     * @return a new, empty padded grid for {@link #compute(List, double[], double[])}
     */
    double[] newGrid() {
        return splines.newGrid();
    }

    /**
     * Computes the histogram.
     *
     * @param minutiae one finger's minutiae
     * @param out      output of length {@link FeatureParameters#cells()}, or null to allocate
     * @return the histogram (the same array as {@code out} when given)
     */
    public double[] compute(List<Minutia> minutiae, double[] out) {
        return compute(minutiae, out, splines.newGrid());
    }

    /**
     * Computes the histogram in a padded grid the caller owns (from {@link #newGrid()}), which is cleared first: a
     * verification reads several fingers, and one grid for all of them saves the largest allocation of the
     * transform (tens of kilobytes per finger).
     *
     * @param minutiae one finger's minutiae
     * @param out      output of length {@link FeatureParameters#cells()}, or null to allocate
     * @param grid     scratch grid, overwritten
     * @return the histogram (the same array as {@code out} when given)
     */
    double[] compute(List<Minutia> minutiae, double[] out, double[] grid) {
        double[] h = out == null ? new double[parameters.cells()] : out;
        Arrays.fill(grid, 0);
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
        // padded, so that the inner loop needs neither range checks nor angle wrapping; folded at the end
        double invD = 1.0 / dStep;
        double invA = 1.0 / aStep;
        double dOrigin = parameters.minDistance() * invD + 0.5;
        for (int i = 0; i < n; i++) {
            double xi = xs[i];
            double yi = ys[i];
            double ti = th[i];
            for (int j = i + 1; j < n; j++) {
                double dx = xs[j] - xi;
                double dy = ys[j] - yi;
                double d2 = dx * dx + dy * dy;
                if (d2 < lo2 || d2 > hi2) {
                    continue;
                }
                double phi = Angles.atan2(dy, dx);
                // the swapped order (b - pi, a - pi) lands on the mirror cells with mirrored weights, and a cell
                // and its mirror share one canonical cell: the fold below counts every pair in both orders
                splines.accumulate(grid, Math.sqrt(d2) * invD - dOrigin, Angles.wrapOnce(ti - phi) * invA - 0.5,
                        Angles.wrapOnce(th[j] - phi) * invA - 0.5);
            }
        }
        splines.fold(grid, h);
        for (int c = 0; c < h.length; c++) {
            h[c] *= 2;
        }
        return h;
    }
}
