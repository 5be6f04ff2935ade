package org.biodid.perf.support;

import java.util.List;
import java.util.SplittableRandom;

import org.biodid.biometrics.Minutia;

/**
 * Where the load's fingerprints come from: a seeded synthetic population. Identity {@code i}, finger {@code f}
 * always has the same master minutiae; every capture ({@link #impression}) is a fresh noisy impression of it,
 * so a verification sends a genuine but never byte-identical scan, and an impostor sends another identity's.
 * The implementation is {@link ProjectFingerprints}, the project's own generator; a recorded data set would be
 * another.
 */
public interface FingerprintSource {

    /**
     * A fresh impression (capture) of an identity's finger.
     *
     * @param identity identity index
     * @param finger finger index (0 = left thumb, …)
     * @param random noise source for this capture
     * @return minutiae
     */
    List<Minutia> impression(long identity, int finger, SplittableRandom random);

    /**
     * What generates the fingerprints, for the run summary.
     *
     * @return description
     */
    String description();
}
