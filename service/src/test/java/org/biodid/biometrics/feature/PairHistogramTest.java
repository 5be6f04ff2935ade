package org.biodid.biometrics.feature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.biodid.biometrics.Minutia;
import org.biodid.biometrics.bch.Bits;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * The feature transform is invariant to rigid motion and to the order of the minutiae.
 */
class PairHistogramTest {

    private final PairHistogram histogram = new PairHistogram(FeatureParameters.DEFAULT);
    private final ReliableBits bits = new ReliableBits(histogram);
    private final List<Minutia> finger = new SyntheticFingerprints(9).master(0);

    @Test
    void rigidMotionKeepsTheHistogram() {
        double[] before = histogram.compute(finger, null);
        double[] after = histogram.compute(moved(finger, 20, -12, 7.5), null);
        for (int c = 0; c < before.length; c++) {
            // only the fast atan2 and floating point differ
            assertThat(after[c], closeTo(before[c], 1e-2));
        }
    }

    @Test
    void rigidMotionKeepsTheBits() {
        int n = 255;
        long[] mask = new long[Bits.words(bits.cells())];
        long[] enrolled = new long[Bits.words(n)];
        bits.enroll(finger, n, mask, enrolled);
        assertThat(Bits.distance(mask, new long[mask.length]), is(n));
        long[] fresh = new long[Bits.words(n)];
        List<Minutia> reversed = new ArrayList<>(moved(finger, -15, 15, -8));
        Collections.reverse(reversed);
        bits.reproduce(reversed, mask, fresh);
        assertThat(Bits.distance(enrolled, fresh), lessThanOrEqualTo(2));
        // and the selection is balanced: half ones
        assertThat(Bits.distance(enrolled, new long[enrolled.length]), is(n / 2));
    }

    @Test
    void everyPairAddsWeight() {
        double[] h = histogram.compute(finger, null);
        double total = 0;
        for (double v : h) {
            total += v;
        }
        assertThat(total, greaterThan(0.0));
    }

    private static List<Minutia> moved(List<Minutia> minutiae, double dx, double dy, double degrees) {
        double r = Math.toRadians(degrees);
        List<Minutia> out = new ArrayList<>();
        for (Minutia m : minutiae) {
            double x = 300 + Math.cos(r) * (m.x() - 300) - Math.sin(r) * (m.y() - 300) + dx;
            double y = 300 + Math.sin(r) * (m.x() - 300) + Math.cos(r) * (m.y() - 300) + dy;
            out.add(new Minutia(x, y, (m.angle() + degrees + 360) % 360, m.type(), m.quality()));
        }
        return out;
    }
}
