package org.biodid.perf.support;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where the load's fingerprints come from: a seeded synthetic population. Identity {@code i}, finger {@code f}
 * always has the same master minutiae; every capture ({@link #impression}) is a fresh noisy impression of it,
 * so a verification sends a genuine but never byte-identical scan, and an impostor sends another identity's.
 *
 * <p>Minutiae are {@code [x, y, angle]} triples: pixels at 500 ppi and degrees, as the API takes them.
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
    List<double[]> impression(long identity, int finger, SplittableRandom random);

    /**
     * What generates the fingerprints, for the run summary.
     *
     * @return description
     */
    String description();

    /**
     * The project's generator ({@code org.biodid.biometrics.synthetic.SyntheticFingerprints} with
     * {@code NoiseModel.DEFAULT}, loaded from the service jar) when the jar has it, else the harness's interim
     * generator.
     *
     * @param serviceJar the service jar (may be absent when targeting an external service)
     * @param seed population seed
     * @return source
     */
    static FingerprintSource create(Path serviceJar, long seed) {
        FingerprintSource project = ProjectFingerprints.load(serviceJar, seed);
        return project != null ? project : new InterimFingerprints(seed);
    }
}
