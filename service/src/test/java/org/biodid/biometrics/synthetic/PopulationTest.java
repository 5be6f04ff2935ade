package org.biodid.biometrics.synthetic;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.biodid.biometrics.Minutia;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * The populations really differ the way their definitions say: minutia count and print area, direction model,
 * the window a reader sees, and the overlap between two impressions that follows from it.
 */
class PopulationTest {

    private static final double CENTRE = SyntheticFingerprints.CAPTURE_SIZE / 2;

    @Test
    void mastersHaveTheirPopulationsCountAndLieInItsArea() {
        for (Population population : Population.ALL) {
            SyntheticFingerprints fingers = population.fingers(11);
            PrintArea area = population.area();
            for (int i = 0; i < 40; i++) {
                List<Minutia> master = fingers.master(i);
                assertThat(population.name(), master.size(),
                        both(greaterThanOrEqualTo(population.minMinutiae())).and(lessThanOrEqualTo(population.maxMinutiae())));
                for (Minutia m : master) {
                    double u = (m.x() - CENTRE) / (area.maxWidth() / 2);
                    double v = (m.y() - CENTRE) / (area.maxHeight() / 2);
                    double outside = area.shape() == PrintArea.Shape.ELLIPSE ? u * u + v * v
                            : Math.max(Math.abs(u), Math.abs(v));
                    assertThat(population.name() + " " + m, outside, lessThanOrEqualTo(1.0));
                }
            }
        }
    }

    @Test
    void directionModelsDifferInHowNeighboursAlign() {
        // cos(2 x direction difference) of nearest neighbours: about 1 along a smooth field, 0 for independent ones
        assertThat(neighbourAlignment(Population.PLAIN), greaterThan(0.6));
        assertThat(neighbourAlignment(Population.named("box-uniform")), lessThan(0.1));
        assertThat(neighbourAlignment(Population.named("box-mixed")), both(greaterThan(0.2)).and(lessThan(0.5)));
    }

    @Test
    void aSmallSensorSeesOnlyItsWindow() {
        Population small = Population.named("small-sensor");
        SensorWindow window = small.window();
        SplittableRandom random = new SplittableRandom(5);
        long seen = 0;
        long total = 0;
        for (int i = 0; i < 300; i++) {
            List<Minutia> master = small.fingers(5).master(i);
            List<Minutia> impression = small.impression(master, NoiseModel.NONE, random);
            double minX = impression.stream().mapToDouble(Minutia::x).min().orElseThrow();
            double maxX = impression.stream().mapToDouble(Minutia::x).max().orElseThrow();
            double minY = impression.stream().mapToDouble(Minutia::y).min().orElseThrow();
            double maxY = impression.stream().mapToDouble(Minutia::y).max().orElseThrow();
            assertThat(maxX - minX, lessThanOrEqualTo(window.width()));
            assertThat(maxY - minY, lessThanOrEqualTo(window.height()));
            assertThat(minX, greaterThanOrEqualTo(CENTRE - window.width() / 2 - window.maxShiftX()));
            assertThat(maxY, lessThanOrEqualTo(CENTRE + window.height() / 2 + window.maxShiftY()));
            seen += impression.size();
            total += master.size();
        }
        // the window is smaller than the print: a good part of every finger is never seen at once
        assertThat((double) seen / total, both(greaterThan(0.4)).and(lessThan(0.8)));
    }

    @Test
    void twoImpressionsThroughABandShareAboutTheStatedFraction() {
        Population band = Population.named("band-280");
        double expected = band.window().expectedOverlap();
        SplittableRandom random = new SplittableRandom(6);
        double sum = 0;
        double least = 1;
        int pairs = 2000;
        for (int i = 0; i < pairs; i++) {
            List<Minutia> master = band.fingers(6).master(i);
            Set<Minutia> first = new HashSet<>(band.window().crop(master, random));
            List<Minutia> second = band.window().crop(master, random);
            long shared = second.stream().filter(first::contains).count();
            double share = 2.0 * shared / (first.size() + second.size());
            sum += share;
            least = Math.min(least, share);
        }
        // the stated overlap assumes uniform density along the band; an elliptical print is thinner at the ends the
        // shift uncovers, so slightly more is shared, never less
        assertThat(sum / pairs, both(greaterThan(expected - 0.02)).and(lessThan(expected + 0.06)));
        assertThat(least, lessThan(0.75));
        assertThat(expected, lessThan(0.9));
    }

    @Test
    void theWholePrintIsSeenWithoutDrawingRandomness() {
        List<Minutia> master = Population.PLAIN.fingers(7).master(0);
        SplittableRandom random = new SplittableRandom(7);
        SplittableRandom untouched = new SplittableRandom(7);
        assertThat(SensorWindow.WHOLE_PRINT.crop(master, random), is(master));
        assertThat(random.nextLong(), is(untouched.nextLong()));
        assertThat(SensorWindow.WHOLE_PRINT.expectedOverlap(), is(1.0));
    }

    private static double neighbourAlignment(Population population) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < 200; i++) {
            List<Minutia> master = population.fingers(12).master(i);
            for (Minutia a : master) {
                Minutia nearest = null;
                double best = Double.MAX_VALUE;
                for (Minutia b : master) {
                    double d = Math.hypot(a.x() - b.x(), a.y() - b.y());
                    if (b != a && d < best) {
                        best = d;
                        nearest = b;
                    }
                }
                sum += Math.cos(2 * Math.toRadians(a.angle() - nearest.angle()));
                count++;
            }
        }
        return sum / count;
    }
}
