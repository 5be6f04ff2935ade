package org.biodid.biometrics.feature;

import java.util.Arrays;
import java.util.List;

import org.biodid.biometrics.Minutia;
import org.biodid.biometrics.bch.Bits;
import org.biodid.biometrics.bch.Spares;

/**
 * Turns a finger's pair histogram into a fixed-length bit vector.
 * <p>
 * Each cell is compared with its threshold (from the finger's own histogram, see
 * {@link PairHistogram#thresholds(double[], double[])}): bit 1 when above. At enrollment the cells whose
 * value is furthest from the threshold, relative to a Poisson-like noise scale
 * {@code sqrt(h + tau + floor)}, are selected: the {@code n / 2} most reliable ones above and the
 * {@code n - n / 2} most reliable ones below, so that the selection mask (public, in the helper data) does
 * not reveal the bits' values by their balance. At reproduction the same cells are read in the same order
 * (ascending cell index).
 */
public final class ReliableBits {

    private final PairHistogram histogram;
    private final int cells;
    /** About 60 KB per verification that a busy server reuses instead of allocating (docs/performance.md). */
    private final Spares<Scratch> spares = new Spares<>(this::newScratch);

    /**
     * Creates the binarizer.
     *
     * @param histogram the pair histogram transform
     */
    public ReliableBits(PairHistogram histogram) {
        this.histogram = histogram;
        this.cells = histogram.parameters().cells();
    }

    /**
     * Number of cells, i.e. bit length of a selection mask.
     *
     * @return cells
     */
    public int cells() {
        return cells;
    }

    /**
     * Enrollment: selects {@code n} reliable cells and returns their bits.
     *
     * @param minutiae the enrollment impression
     * @param n        number of bits
     * @param mask     output selection mask, {@code Bits.words(cells)} words
     * @param bits     output bits, {@code Bits.words(n)} words
     */
    public void enroll(List<Minutia> minutiae, int n, long[] mask, long[] bits) {
        selectAndRead(minutiae, n, mask, bits);
    }

    /**
     * Enrollment that also predicts how many of the selected bits a fresh impression will read differently
     * ({@link ExpectedFlips}); the cells and bits are those of {@link #enroll(List, int, long[], long[])}.
     *
     * @param minutiae  the enrollment impression
     * @param n         number of bits
     * @param mask      output selection mask, {@code Bits.words(cells)} words
     * @param bits      output bits, {@code Bits.words(n)} words
     * @param flipScale noise of a fresh impression in units of the reliability score
     * @return the expected number of flipped bits
     */
    public double enroll(List<Minutia> minutiae, int n, long[] mask, long[] bits, double flipScale) {
        Cells read = selectAndRead(minutiae, n, mask, bits);
        return ExpectedFlips.of(read.h(), read.tau(), histogram.parameters().noiseFloor(), mask, flipScale);
    }

    /** The enrollment's histogram and its thresholds, which the selection and the bits came from. */
    private record Cells(double[] h, double[] tau) {
    }

    /** Enrollment's selection and bits. */
    private Cells selectAndRead(List<Minutia> minutiae, int n, long[] mask, long[] bits) {
        if (n > cells) {
            throw new IllegalArgumentException("n = " + n + " exceeds " + cells + " cells");
        }
        double[] h = histogram.compute(minutiae, null);
        double[] tau = new double[cells];
        histogram.thresholds(h, tau);
        select(h, tau, histogram.parameters().noiseFloor(), n, mask);
        read(h, tau, mask, bits);
        return new Cells(h, tau);
    }

    /**
     * Selects the {@code n} most reliable cells: half above their threshold and half below where there are enough,
     * each half by |h - tau| / sqrt(h + tau + floor), largest first. Shared with the evaluation's threshold variants,
     * so that they differ from the service only in their thresholds.
     *
     * @param h     histogram
     * @param tau   threshold per cell
     * @param floor noise floor of the reliability score
     * @param n     cells to select
     * @param mask  output selection mask, {@code Bits.words(h.length)} words
     */
    public static void select(double[] h, double[] tau, double floor, int n, long[] mask) {
        // sort keys: reliability, tagged with the cell index in the low bits to keep the sort primitive
        long[] above = new long[h.length];
        long[] below = new long[h.length];
        int na = 0;
        int nb = 0;
        for (int c = 0; c < h.length; c++) {
            // z^2 orders cells exactly as |z| does, without a square root per cell
            double diff = h[c] - tau[c];
            double z2 = diff * diff / (h[c] + tau[c] + floor);
            long key = (Double.doubleToLongBits(z2) & ~0xFFFFL) | c;
            if (diff > 0) {
                above[na++] = key;
            } else {
                below[nb++] = key;
            }
        }
        int wantAbove = Math.min(n / 2, na);
        int wantBelow = n - wantAbove;
        if (wantBelow > nb) {
            wantBelow = nb;
            wantAbove = n - nb;
        }
        // only the set of the most reliable cells matters (bits are read in cell order): a selection, not a sort
        selectLargest(above, na, wantAbove);
        selectLargest(below, nb, wantBelow);
        Arrays.fill(mask, 0L);
        for (int i = 0; i < wantAbove; i++) {
            Bits.set(mask, (int) (above[na - 1 - i] & 0xFFFF));
        }
        for (int i = 0; i < wantBelow; i++) {
            Bits.set(mask, (int) (below[nb - 1 - i] & 0xFFFF));
        }
    }

    /**
     * Reproduction: reads the bits of the cells in {@code mask}.
     *
     * @param minutiae the fresh impression
     * @param mask     selection mask from enrollment
     * @param bits     output bits, {@code Bits.words(n)} words
     */
    public void reproduce(List<Minutia> minutiae, long[] mask, long[] bits) {
        reproduce(minutiae, mask, bits, newScratch());
    }

    /**
     * Reproduction in scratch arrays the caller reuses for every finger of one verification.
     *
     * @param minutiae the fresh impression
     * @param mask     selection mask from enrollment
     * @param bits     output bits, {@code Bits.words(n)} words
     * @param scratch  from {@link #newScratch()}, one thread at a time
     */
    public void reproduce(List<Minutia> minutiae, long[] mask, long[] bits, Scratch scratch) {
        double[] h = histogram.compute(minutiae, scratch.histogram, scratch.grid);
        Arrays.fill(scratch.thresholds, 0);
        histogram.thresholds(h, scratch.thresholds, scratch.blur);
        read(h, scratch.thresholds, mask, bits);
    }

    /**
     * @return new scratch arrays for {@link #reproduce(List, long[], long[], Scratch)}
     */
    public Scratch newScratch() {
        return new Scratch(new double[cells], new double[cells], histogram.newGrid(), histogram.newBlurWork());
    }

    /**
     * Scratch arrays for one verification: a spare one when there is one, else new ones. Give them back with
     * {@link #release(Scratch)}.
     *
     * @return scratch arrays, for one thread until released
     */
    public Scratch borrow() {
        return spares.take();
    }

    /**
     * Keeps scratch arrays for the next verification, unless enough are kept already.
     *
     * @param scratch from {@link #borrow()}, no longer used by the caller
     */
    public void release(Scratch scratch) {
        spares.giveBack(scratch);
    }

    /**
     * The arrays one finger's reproduction fills: its histogram, its thresholds and the padded grid the histogram
     * is accumulated in. Reused finger after finger, so a 4-finger verification allocates them once, not four times.
     *
     * @param histogram  histogram cells
     * @param thresholds threshold per cell
     * @param grid       padded accumulation grid
     * @param blur       the threshold blur's work arrays
     */
    public record Scratch(double[] histogram, double[] thresholds, double[] grid, PairHistogram.BlurWork blur) {
    }

    /**
     * Rearranges {@code keys[0, length)} so that its {@code count} largest values occupy
     * {@code [length - count, length)} (quickselect, median-of-three pivots; keys are distinct).
     */
    static void selectLargest(long[] keys, int length, int count) {
        if (count <= 0 || count >= length) {
            return;
        }
        int target = length - count;
        int lo = 0;
        int hi = length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long pivot = median(keys[lo], keys[mid], keys[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (keys[i] < pivot) {
                    i++;
                }
                while (keys[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long tmp = keys[i];
                    keys[i] = keys[j];
                    keys[j] = tmp;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static long median(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /**
     * Reads the bits of the selected cells, in cell order: 1 where the histogram is above its threshold.
     *
     * @param h    histogram
     * @param tau  threshold per cell
     * @param mask selection mask
     * @param bits output bits
     */
    public static void read(double[] h, double[] tau, long[] mask, long[] bits) {
        Arrays.fill(bits, 0L);
        int out = 0;
        for (int w = 0; w < mask.length; w++) {
            long m = mask[w];
            while (m != 0) {
                int c = (w << 6) + Long.numberOfTrailingZeros(m);
                m &= m - 1;
                if (h[c] > tau[c]) {
                    Bits.set(bits, out);
                }
                out++;
            }
        }
    }
}
