package org.biodid.biometrics;

/**
 * Kind of a minutia. Optional in the input; the feature transform does not use it, because extractors
 * confuse endings and bifurcations too often for it to be a stable bit.
 */
public enum MinutiaType {
    /** Ridge ending. */
    ENDING,
    /** Ridge bifurcation. */
    BIFURCATION,
    /** Not given. */
    UNKNOWN
}
