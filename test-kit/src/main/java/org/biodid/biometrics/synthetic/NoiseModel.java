package org.biodid.biometrics.synthetic;

/**
 * How an impression differs from its master finger.
 *
 * @param maxTranslation  global shift, uniform in {@code [-max, max]} per axis, pixels
 * @param maxRotation     global rotation about the print's centre, uniform in {@code [-max, max]}, degrees
 * @param positionSigma   per-minutia Gaussian position jitter, pixels
 * @param angleSigma      per-minutia Gaussian direction jitter, degrees
 * @param dropRate        probability that a master minutia is missing from the impression
 * @param spuriousRate    expected spurious minutiae as a fraction of the master's count
 */
public record NoiseModel(double maxTranslation,
                         double maxRotation,
                         double positionSigma,
                         double angleSigma,
                         double dropRate,
                         double spuriousRate) {

    /** The project's default noise model (design/biometrics.md). */
    public static final NoiseModel DEFAULT = new NoiseModel(15, 8, 3, 4, 0.10, 0.05);

    /** No noise at all: impressions equal their master. */
    public static final NoiseModel NONE = new NoiseModel(0, 0, 0, 0, 0, 0);

    /**
     * Canonical constructor with range checks.
     *
     * @param maxTranslation global shift
     * @param maxRotation    global rotation
     * @param positionSigma  position jitter
     * @param angleSigma     direction jitter
     * @param dropRate       missing fraction
     * @param spuriousRate   spurious fraction
     */
    public NoiseModel {
        if (maxTranslation < 0 || maxRotation < 0 || positionSigma < 0 || angleSigma < 0
                || dropRate < 0 || dropRate >= 1 || spuriousRate < 0) {
            throw new IllegalArgumentException("invalid noise model");
        }
    }

    /**
     * Every parameter multiplied by the same factor (the drop rate capped below 1); used for noise sweeps.
     *
     * @param factor scale, 0 gives {@link #NONE}
     * @return the scaled model
     */
    public NoiseModel scaled(double factor) {
        return new NoiseModel(maxTranslation * factor, maxRotation * factor, positionSigma * factor,
                angleSigma * factor, Math.min(0.9, dropRate * factor), spuriousRate * factor);
    }
}
