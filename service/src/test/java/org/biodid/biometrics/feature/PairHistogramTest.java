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
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
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
        FeatureParameters p = FeatureParameters.DEFAULT;
        double step = (p.maxDistance() - p.minDistance()) / p.distanceBins();
        Minutia a = finger.get(0);
        // A pair well inside the distance range adds exactly 2: its B-spline weights sum to one, in both orders.
        double mid = (p.minDistance() + p.maxDistance()) / 2;
        assertThat(total(histogram.compute(List.of(a, at(a, a.x() + mid, a.y(), 200)), null)), closeTo(2.0, 1e-9));
        assertThat(total(histogram.compute(List.of(a, at(a, a.x() + mid * 0.6, a.y() + mid * 0.8, 10)), null)),
                   closeTo(2.0, 1e-9));
        // One beyond the range adds nothing.
        assertThat(total(histogram.compute(List.of(a, at(a, a.x() + p.maxDistance() + 2 * step, a.y(), 200)), null)),
                   is(0.0));
        // A whole finger: 2 for each pair inside the range, at most 2 for each pair near its edges, none beyond.
        int inside = 0;
        int nearOrInside = 0;
        for (int i = 0; i < finger.size(); i++) {
            for (int j = i + 1; j < finger.size(); j++) {
                double d = Math.hypot(finger.get(j).x() - finger.get(i).x(), finger.get(j).y() - finger.get(i).y());
                inside += d >= p.minDistance() + 2 * step && d <= p.maxDistance() - 2 * step ? 1 : 0;
                nearOrInside += d >= p.minDistance() - 2 * step && d <= p.maxDistance() + 2 * step ? 1 : 0;
            }
        }
        double total = total(histogram.compute(finger, null));
        assertThat(inside, greaterThan(10));
        assertThat(total, greaterThanOrEqualTo(2.0 * inside - 1e-6));
        assertThat(total, lessThanOrEqualTo(2.0 * nearOrInside + 1e-6));
    }

    private static Minutia at(Minutia like, double x, double y, double angle) {
        return new Minutia(x, y, angle, like.type(), like.quality());
    }

    private static double total(double[] h) {
        double total = 0;
        for (double v : h) {
            total += v;
        }
        return total;
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
