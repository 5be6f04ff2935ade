package org.biodid.biometrics.feature;

import java.util.Arrays;

/**
 * The quantization step of {@link PairHistogram}: each pair, at continuous bin coordinates, is spread over its
 * 3 &times; 3 &times; 3 neighbouring cells with quadratic B-spline weights, on a padded grid (3 extra distance planes
 * each side, angle rows/columns 1 before and 2 after) so that the inner loop needs neither range checks nor angle
 * wrapping; {@link #fold(double[], double[])} then maps every padded cell onto its canonical histogram cell.
 * <p>
 * Immutable and thread-safe; the grid itself is the caller's ({@link #newGrid()}).
 */
final class SplineGrid {

    private static final int DISTANCE_PAD = 3;

    private final int padWidth;
    /** Padded grid cell -> canonical cell, or -1 for distance padding outside the histogram. */
    private final int[] foldTarget;

    /**
     * @param dBins     distance bins
     * @param aBins     angle bins
     * @param canonical grid cell (d, a, b) -> index of its canonical cell
     */
    SplineGrid(int dBins, int aBins, int[] canonical) {
        this.padWidth = aBins + 3;
        int padPlanes = dBins + 2 * DISTANCE_PAD;
        this.foldTarget = new int[padPlanes * padWidth * padWidth];
        for (int pd = 0; pd < padPlanes; pd++) {
            int d = pd - DISTANCE_PAD;
            for (int pa = 0; pa < padWidth; pa++) {
                for (int pb = 0; pb < padWidth; pb++) {
                    int index = (pd * padWidth + pa) * padWidth + pb;
                    if (d < 0 || d >= dBins) {
                        foldTarget[index] = -1;
                    } else {
                        int a = (pa - 1 + aBins) % aBins;
                        int b = (pb - 1 + aBins) % aBins;
                        foldTarget[index] = canonical[(d * aBins + a) * aBins + b];
                    }
                }
            }
        }
    }

    /**
     * @return a new, empty padded grid
     */
    double[] newGrid() {
        return new double[foldTarget.length];
    }

    /**
     * Overwrites {@code h} with the grid folded onto the canonical cells.
     *
     * @param grid padded grid
     * @param h    histogram
     */
    void fold(double[] grid, double[] h) {
        Arrays.fill(h, 0.0);
        for (int g = 0; g < grid.length; g++) {
            int target = foldTarget[g];
            if (target >= 0) {
                h[target] += grid[g];
            }
        }
    }

    /**
     * Adds one pair, at continuous bin coordinates (u, v, w), with quadratic B-spline weights.
     *
     * @param grid padded grid
     * @param u    distance coordinate, above -2.5
     * @param v    first angle coordinate, at least -0.5
     * @param w    second angle coordinate, at least -0.5
     */
    void accumulate(double[] grid, double u, double v, double w) {
        // u > -2.5 after the distance cut, v and w >= -0.5: the offset makes the int cast a floor
        int d0 = (int) (u + 8.5) - 8;
        double fd = u - d0;
        int a0 = (int) (v + 0.5);
        double fa = v - a0;
        int b0 = (int) (w + 0.5);
        double fb = w - b0;
        double wd0 = 0.5 * (0.5 - fd) * (0.5 - fd);
        double wd1 = 0.75 - fd * fd;
        double wd2 = 0.5 * (0.5 + fd) * (0.5 + fd);
        double wa0 = 0.5 * (0.5 - fa) * (0.5 - fa);
        double wa1 = 0.75 - fa * fa;
        double wa2 = 0.5 * (0.5 + fa) * (0.5 + fa);
        double wb0 = 0.5 * (0.5 - fb) * (0.5 - fb);
        double wb1 = 0.75 - fb * fb;
        double wb2 = 0.5 * (0.5 + fb) * (0.5 + fb);
        // the 3 x 3 x 3 block starts at padded (c_d - 1 + pad, c_a - 1 + 1, c_b - 1 + 1)
        int planeStride = padWidth * padWidth;
        int p = ((d0 - 1 + DISTANCE_PAD) * padWidth + a0) * padWidth + b0;
        addPlane(grid, p, wd0, wa0, wa1, wa2, wb0, wb1, wb2);
        addPlane(grid, p + planeStride, wd1, wa0, wa1, wa2, wb0, wb1, wb2);
        addPlane(grid, p + 2 * planeStride, wd2, wa0, wa1, wa2, wb0, wb1, wb2);
    }

    private void addPlane(double[] grid, int p, double wd, double wa0, double wa1, double wa2,
                          double wb0, double wb1, double wb2) {
        addRow(grid, p, wd * wa0, wb0, wb1, wb2);
        addRow(grid, p + padWidth, wd * wa1, wb0, wb1, wb2);
        addRow(grid, p + 2 * padWidth, wd * wa2, wb0, wb1, wb2);
    }

    private static void addRow(double[] grid, int row, double w, double wb0, double wb1, double wb2) {
        grid[row] += w * wb0;
        grid[row + 1] += w * wb1;
        grid[row + 2] += w * wb2;
    }
}
