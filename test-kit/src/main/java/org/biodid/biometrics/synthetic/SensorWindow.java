package org.biodid.biometrics.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.biodid.biometrics.Minutia;

/**
 * The part of the finger a reader sees in one impression: a rectangle of the given size, centred on the capture
 * area's centre shifted by a fresh uniform offset in {@code [-maxShift, maxShift]} per axis. Two impressions of
 * the same finger therefore see different, partly overlapping windows, as when a finger is placed higher or lower
 * on a small sensor. The window is applied to the master (the finger itself) before the impression's noise.
 *
 * @param width     window width, pixels
 * @param height    window height, pixels
 * @param maxShiftX largest horizontal offset of the window's centre, pixels
 * @param maxShiftY largest vertical offset of the window's centre, pixels
 */
public record SensorWindow(double width, double height, double maxShiftX, double maxShiftY) {

    /** The whole print is seen every time. */
    public static final SensorWindow WHOLE_PRINT = new SensorWindow(Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY, 0, 0);

    /**
     * Canonical constructor with checks.
     *
     * @param width     width
     * @param height    height
     * @param maxShiftX horizontal shift
     * @param maxShiftY vertical shift
     */
    public SensorWindow {
        if (!(width > 0 && height > 0 && maxShiftX >= 0 && maxShiftY >= 0)) {
            throw new IllegalArgumentException("invalid sensor window");
        }
    }

    /**
     * Whether every impression sees the whole print.
     *
     * @return true for {@link #WHOLE_PRINT}
     */
    public boolean wholePrint() {
        return Double.isInfinite(width) && Double.isInfinite(height);
    }

    /**
     * Expected share of one window's area that another window of the same finger also covers, for independent
     * uniform shifts: per axis {@code 1 - E|s1 - s2| / size} with {@code E|s1 - s2| = 2 maxShift / 3}. On a print
     * of uniform minutia density this is the expected share of an impression's minutiae that the other impression
     * can also contain.
     *
     * @return 1 for the whole print
     */
    public double expectedOverlap() {
        return axisOverlap(width, maxShiftX) * axisOverlap(height, maxShiftY);
    }

    private static double axisOverlap(double size, double maxShift) {
        return Double.isInfinite(size) ? 1.0 : Math.max(0, 1 - 2 * maxShift / 3 / size);
    }

    /**
     * The master's minutiae inside a freshly placed window.
     *
     * @param master the finger
     * @param random source of the window's shift; nothing is drawn for {@link #WHOLE_PRINT}
     * @return the minutiae the reader can see
     */
    public List<Minutia> crop(List<Minutia> master, SplittableRandom random) {
        if (wholePrint()) {
            return master;
        }
        double centre = SyntheticFingerprints.CAPTURE_SIZE / 2;
        double cx = centre + (random.nextDouble() * 2 - 1) * maxShiftX;
        double cy = centre + (random.nextDouble() * 2 - 1) * maxShiftY;
        List<Minutia> seen = new ArrayList<>(master.size());
        for (Minutia m : master) {
            if (Math.abs(m.x() - cx) <= width / 2 && Math.abs(m.y() - cy) <= height / 2) {
                seen.add(m);
            }
        }
        return seen;
    }

    @Override
    public String toString() {
        if (wholePrint()) {
            return "whole print";
        }
        String w = Double.isInfinite(width) ? "full" : String.format(Locale.ROOT, "%.0f", width);
        return String.format(Locale.ROOT, "%s x %.0f, shift +-%.0f/%.0f (overlap %.0f %%)", w, height, maxShiftX,
                maxShiftY, 100 * expectedOverlap());
    }
}
