package org.biodid.perf.support;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The harness's stand-in generator, used only while the service jar has no
 * {@code org.biodid.biometrics.synthetic.SyntheticFingerprints}: 40 well-spaced minutiae per finger in a
 * 600 × 600 px capture area, and impressions with the project's default noise shape (global translation up to
 * 15 px and rotation up to 8°, 3 px / 4° jitter, 10 % missing and 5 % spurious minutiae).
 */
public final class InterimFingerprints implements FingerprintSource {

    private static final int MINUTIAE = 40;
    private static final double SIZE = 600;
    private static final double MIN_SPACING = 18;

    private final long seed;

    /**
     * Population with a seed.
     *
     * @param seed seed
     */
    public InterimFingerprints(long seed) {
        this.seed = seed;
    }

    @Override
    public List<double[]> impression(long identity, int finger, SplittableRandom random) {
        List<double[]> master = master(identity, finger);
        double dx = (random.nextDouble() * 2 - 1) * 15;
        double dy = (random.nextDouble() * 2 - 1) * 15;
        double rotation = Math.toRadians((random.nextDouble() * 2 - 1) * 8);
        double cos = Math.cos(rotation);
        double sin = Math.sin(rotation);
        double centre = SIZE / 2;
        List<double[]> out = new ArrayList<>(master.size() + 4);
        for (double[] m : master) {
            if (random.nextDouble() < 0.10) {
                continue;
            }
            double x = centre + (m[0] - centre) * cos - (m[1] - centre) * sin + dx + random.nextGaussian() * 3;
            double y = centre + (m[0] - centre) * sin + (m[1] - centre) * cos + dy + random.nextGaussian() * 3;
            double angle = m[2] + Math.toDegrees(rotation) + random.nextGaussian() * 4;
            out.add(new double[] {clamp(x), clamp(y), normalize(angle)});
        }
        int spurious = (int) Math.round(master.size() * 0.05);
        for (int i = 0; i < spurious; i++) {
            out.add(new double[] {30 + random.nextDouble() * (SIZE - 60), 30 + random.nextDouble() * (SIZE - 60),
                    random.nextDouble() * 360});
        }
        return out;
    }

    @Override
    public String description() {
        return "interim harness generator (seed " + seed + "); project generator not in the service jar";
    }

    List<double[]> master(long identity, int finger) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + identity * 16 + finger);
        List<double[]> minutiae = new ArrayList<>(MINUTIAE);
        int attempts = 0;
        while (minutiae.size() < MINUTIAE && attempts++ < 10_000) {
            double x = 60 + random.nextDouble() * (SIZE - 120);
            double y = 60 + random.nextDouble() * (SIZE - 120);
            boolean spaced = true;
            for (double[] m : minutiae) {
                if (Math.hypot(m[0] - x, m[1] - y) < MIN_SPACING) {
                    spaced = false;
                    break;
                }
            }
            if (spaced) {
                minutiae.add(new double[] {x, y, random.nextDouble() * 360});
            }
        }
        return minutiae;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(2047, v));
    }

    private static double normalize(double angle) {
        double a = angle % 360;
        return a < 0 ? a + 360 : a;
    }
}
