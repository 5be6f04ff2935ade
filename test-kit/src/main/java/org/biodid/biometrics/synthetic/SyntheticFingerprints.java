package org.biodid.biometrics.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.FingerScan;
import org.biodid.biometrics.Minutia;
import org.biodid.biometrics.MinutiaType;

/**
 * Seeded generator of synthetic master fingers and of their noisy impressions.
 * <p>
 * A master finger of the original population ({@link Population#PLAIN}; the others are in {@link Population#ALL})
 * has 30&ndash;60 minutiae inside an elliptical print of realistic size at 500 ppi
 * (about 0.6 &times; 0.8 inch), at least {@value #MIN_SPACING} px apart. Minutia directions follow a
 * smooth ridge-orientation field built from a zero-pole (Sherlock&ndash;Monro style) model with a random
 * arch, loop or whorl pattern, so that, as in real prints, neighbouring minutiae point in similar
 * directions; this makes different fingers more alike than uniformly random directions would, which is
 * the honest (harder) choice for measuring false accepts.
 * <p>
 * Generation is deterministic for a seed: {@code master(i)} is a pure function of the seed and {@code i}.
 */
public final class SyntheticFingerprints {

    /** Minimum distance between two minutiae of a master, pixels. */
    public static final double MIN_SPACING = 18.0;
    /** Side of the capture area the prints are placed in, pixels (1.2 inch at 500 ppi). */
    public static final double CAPTURE_SIZE = 600.0;

    private static final double CENTRE = CAPTURE_SIZE / 2;
    private static final long MASTER_SALT = 0x9E3779B97F4A7C15L;
    private static final long IMPOSTOR_BASE = 1L << 50;

    private final long seed;
    private final Population population;

    /**
     * Creates a generator of the original population ({@link Population#PLAIN}).
     *
     * @param seed seed of all masters
     */
    public SyntheticFingerprints(long seed) {
        this(seed, Population.PLAIN);
    }

    /**
     * Creates a generator of a population's masters.
     *
     * @param seed       seed of all masters
     * @param population print area, minutia count and direction model of the masters
     */
    public SyntheticFingerprints(long seed, Population population) {
        this.seed = seed;
        this.population = population;
    }

    /**
     * The master finger with the given index.
     *
     * @param index any long; distinct indices give independent fingers
     * @return the population's count of minutiae (30&ndash;60 for the original one)
     */
    public List<Minutia> master(long index) {
        // the order of draws is that of the original generator, so that Population.PLAIN reproduces it exactly
        SplittableRandom random = new SplittableRandom(seed ^ (index * MASTER_SALT + 0x632BE59BD9B4E019L));
        OrientationField field = OrientationField.random(random, CENTRE, CENTRE);
        PrintArea area = population.area();
        int count = population.minMinutiae() + random.nextInt(population.maxMinutiae() - population.minMinutiae() + 1);
        double semiX = (area.minWidth() + random.nextDouble() * (area.maxWidth() - area.minWidth())) / 2;
        double semiY = (area.minHeight() + random.nextDouble() * (area.maxHeight() - area.minHeight())) / 2;
        boolean alongField = switch (population.directions()) {
            case ORIENTATION_FIELD -> true;
            case UNIFORM -> false;
            case HALF_AND_HALF -> random.nextBoolean();
        };
        boolean ellipse = area.shape() == PrintArea.Shape.ELLIPSE;
        List<Minutia> out = new ArrayList<>(count);
        double[] xs = new double[count];
        double[] ys = new double[count];
        int attempts = 0;
        while (out.size() < count && attempts < 100_000) {
            attempts++;
            double u = random.nextDouble() * 2 - 1;
            double v = random.nextDouble() * 2 - 1;
            if (ellipse && u * u + v * v > 1) {
                continue;
            }
            double x = CENTRE + u * semiX;
            double y = CENTRE + v * semiY;
            if (tooClose(xs, ys, out.size(), x, y)) {
                continue;
            }
            xs[out.size()] = x;
            ys[out.size()] = y;
            MinutiaType type = random.nextDouble() < 0.6 ? MinutiaType.ENDING : MinutiaType.BIFURCATION;
            int quality = 40 + random.nextInt(61);
            double direction = alongField ? directionAt(field, random, x, y) : random.nextDouble() * 360.0;
            out.add(new Minutia(x, y, direction, type, quality));
        }
        return out;
    }

    /**
     * The population this generator draws from.
     *
     * @return population
     */
    public Population population() {
        return population;
    }

    /**
     * A master finger of someone who is never enrolled: indices from a range disjoint from the small indices
     * that tests and evaluations use for enrolled people.
     *
     * @param attempt any non-negative number; distinct attempts give independent fingers
     * @return the impostor's master minutiae
     */
    public List<Minutia> impostor(long attempt) {
        return master(IMPOSTOR_BASE + attempt);
    }

    /**
     * Fresh impressions of several fingers of one synthetic person, e.g. for an enrollment or verification
     * request; finger {@code i} of the list is master {@code person * 10 + ordinal}.
     *
     * @param person  person index
     * @param fingers which fingers
     * @param noise   noise model
     * @param random  randomness of the impressions
     * @return one scan per finger, in the given order
     */
    public List<FingerScan> person(long person, List<FingerId> fingers, NoiseModel noise, SplittableRandom random) {
        List<FingerScan> scans = new ArrayList<>(fingers.size());
        for (FingerId finger : fingers) {
            scans.add(new FingerScan(finger, population.impression(master(person * 10 + finger.ordinal()), noise,
                    random)));
        }
        return scans;
    }

    /**
     * A noisy impression of a master finger.
     *
     * @param master the master's minutiae
     * @param noise  the noise model
     * @param random source of the impression's randomness
     * @return the impression's minutiae, at least 8 of them, in random order, inside the 2048 px range
     */
    public static List<Minutia> impression(List<Minutia> master, NoiseModel noise, SplittableRandom random) {
        double rotation = Math.toRadians(uniform(random, noise.maxRotation()));
        double dx = uniform(random, noise.maxTranslation());
        double dy = uniform(random, noise.maxTranslation());
        double cos = Math.cos(rotation);
        double sin = Math.sin(rotation);
        double rotationDeg = Math.toDegrees(rotation);
        List<Minutia> out = new ArrayList<>(master.size() + 8);
        for (Minutia m : master) {
            if (random.nextDouble() < noise.dropRate()) {
                continue;
            }
            double x = m.x() - CENTRE;
            double y = m.y() - CENTRE;
            double nx = CENTRE + cos * x - sin * y + dx + gaussian(random) * noise.positionSigma();
            double ny = CENTRE + sin * x + cos * y + dy + gaussian(random) * noise.positionSigma();
            double angle = m.angle() + rotationDeg + gaussian(random) * noise.angleSigma();
            int quality = m.quality() == Minutia.NO_QUALITY
                    ? Minutia.NO_QUALITY
                    : clamp(m.quality() + (int) Math.round(gaussian(random) * 8), 0, 100);
            out.add(new Minutia(clampCoordinate(nx), clampCoordinate(ny), normalizeDegrees(angle), m.type(), quality));
        }
        int spurious = poisson(random, noise.spuriousRate() * master.size());
        Bounds bounds = Bounds.of(out.isEmpty() ? master : out);
        for (int i = 0; i < spurious; i++) {
            double x = bounds.minX + random.nextDouble() * (bounds.maxX - bounds.minX);
            double y = bounds.minY + random.nextDouble() * (bounds.maxY - bounds.minY);
            MinutiaType type = random.nextBoolean() ? MinutiaType.ENDING : MinutiaType.BIFURCATION;
            out.add(new Minutia(clampCoordinate(x), clampCoordinate(y), random.nextDouble() * 360.0, type,
                    20 + random.nextInt(50)));
        }
        // keep the impression valid input even under extreme noise levels in a sweep
        while (out.size() < 8 && !master.isEmpty()) {
            out.add(master.get(random.nextInt(master.size())));
        }
        shuffle(out, random);
        return out;
    }

    private static boolean tooClose(double[] xs, double[] ys, int n, double x, double y) {
        double min2 = MIN_SPACING * MIN_SPACING;
        for (int i = 0; i < n; i++) {
            double ddx = xs[i] - x;
            double ddy = ys[i] - y;
            if (ddx * ddx + ddy * ddy < min2) {
                return true;
            }
        }
        return false;
    }

    private static double directionAt(OrientationField field, SplittableRandom random, double x, double y) {
        // ridge orientation is defined modulo 180 degrees; a minutia points along the ridge one way or the other
        double orientation = field.orientationDegrees(x, y) + gaussian(random) * 6.0;
        if (random.nextBoolean()) {
            orientation += 180.0;
        }
        return normalizeDegrees(orientation);
    }

    private static double uniform(SplittableRandom random, double max) {
        return max == 0 ? 0 : (random.nextDouble() * 2 - 1) * max;
    }

    static double gaussian(SplittableRandom random) {
        return random.nextGaussian();
    }

    private static int poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-mean);
        double p = random.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }

    private static void shuffle(List<Minutia> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Minutia tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double clampCoordinate(double v) {
        return Math.max(0.0, Math.min(2047.99, v));
    }

    static double normalizeDegrees(double angle) {
        double a = angle % 360.0;
        if (a < 0) {
            a += 360.0;
        }
        return a >= 360.0 ? 0.0 : a;
    }

    private record Bounds(double minX, double minY, double maxX, double maxY) {
        static Bounds of(List<Minutia> minutiae) {
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (Minutia m : minutiae) {
                minX = Math.min(minX, m.x());
                minY = Math.min(minY, m.y());
                maxX = Math.max(maxX, m.x());
                maxY = Math.max(maxY, m.y());
            }
            return new Bounds(minX, minY, maxX, maxY);
        }
    }
}
