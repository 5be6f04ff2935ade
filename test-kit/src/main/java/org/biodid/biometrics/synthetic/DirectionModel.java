package org.biodid.biometrics.synthetic;

/**
 * Where a master's minutia directions come from.
 */
public enum DirectionModel {
    /** Along a smooth ridge-orientation field (arch, loop or whorl), as in real prints. */
    ORIENTATION_FIELD,
    /** Uniform and independent: what a simple independent generator produces; no shared ridge flow. */
    UNIFORM,
    /** Each master is one or the other with equal probability. */
    HALF_AND_HALF
}
