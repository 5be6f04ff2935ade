package org.biodid.biometrics.synthetic;

import java.util.SplittableRandom;

/**
 * A smooth ridge-orientation field from a zero-pole model: each core contributes half its argument, each
 * delta minus half, on top of a base orientation. No singular points gives an arch, one core and one delta
 * a loop, two of each a whorl.
 */
final class OrientationField {

    private final double[] coreX;
    private final double[] coreY;
    private final double[] deltaX;
    private final double[] deltaY;
    private final double base;

    private OrientationField(double[] coreX, double[] coreY, double[] deltaX, double[] deltaY, double base) {
        this.coreX = coreX;
        this.coreY = coreY;
        this.deltaX = deltaX;
        this.deltaY = deltaY;
        this.base = base;
    }

    static OrientationField random(SplittableRandom random, double cx, double cy) {
        double pattern = random.nextDouble();
        int singular = pattern < 0.1 ? 0 : pattern < 0.7 ? 1 : 2;
        double[] coreX = new double[singular];
        double[] coreY = new double[singular];
        double[] deltaX = new double[singular];
        double[] deltaY = new double[singular];
        for (int i = 0; i < singular; i++) {
            coreX[i] = cx + (random.nextDouble() - 0.5) * 120;
            coreY[i] = cy - 40 + (random.nextDouble() - 0.5) * 120;
            deltaX[i] = cx + (random.nextDouble() - 0.5) * 300;
            deltaY[i] = cy + 120 + random.nextDouble() * 100;
        }
        return new OrientationField(coreX, coreY, deltaX, deltaY, (random.nextDouble() - 0.5) * 40);
    }

    double orientationDegrees(double x, double y) {
        double theta = 0;
        for (int i = 0; i < coreX.length; i++) {
            theta += Math.atan2(y - coreY[i], x - coreX[i]);
            theta -= Math.atan2(y - deltaY[i], x - deltaX[i]);
        }
        double archWave = coreX.length == 0 ? 25 * Math.sin((x - 300) / 120.0) * Math.exp(-(y - 250) / 300.0) : 0;
        return Math.toDegrees(theta / 2) + base + archWave;
    }
}
