package org.biodid.perf.support;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import org.biodid.biometrics.Minutia;
import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;

/**
 * The project's own synthetic fingerprint population ({@code org.biodid.biometrics.synthetic}): master fingers
 * from {@link SyntheticFingerprints} with a seed, and impressions with {@link NoiseModel#DEFAULT} (optionally
 * scaled). Masters are cached: verifications of one identity reuse its masters.
 */
public final class ProjectFingerprints implements FingerprintSource {

    private final SyntheticFingerprints generator;
    private final NoiseModel noise;
    private final long seed;
    private final double noiseScale;
    private final Map<Long, List<Minutia>> masters = new ConcurrentHashMap<>();

    /**
     * A population.
     *
     * @param seed population seed
     * @param noiseScale 1 for {@link NoiseModel#DEFAULT}
     */
    public ProjectFingerprints(long seed, double noiseScale) {
        this.generator = new SyntheticFingerprints(seed);
        this.noise = noiseScale == 1 ? NoiseModel.DEFAULT : NoiseModel.DEFAULT.scaled(noiseScale);
        this.seed = seed;
        this.noiseScale = noiseScale;
    }

    @Override
    public List<Minutia> impression(long identity, int finger, SplittableRandom random) {
        List<Minutia> master = masters.computeIfAbsent(identity * 16 + finger, generator::master);
        return SyntheticFingerprints.impression(master, noise, random);
    }

    @Override
    public String description() {
        return "org.biodid.biometrics.synthetic.SyntheticFingerprints seed " + seed + ", NoiseModel.DEFAULT"
                + (noiseScale == 1 ? "" : " scaled x" + noiseScale);
    }
}
