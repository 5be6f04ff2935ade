package org.biodid.perf.support;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project's own synthetic fingerprint generator, loaded from the service jar the harness runs:
 * {@code new SyntheticFingerprints(seed).master(index)} and
 * {@code SyntheticFingerprints.impression(master, NoiseModel.DEFAULT, random)}. Loading it from the jar (instead
 * of a Maven dependency on the service) keeps {@code mvn gatling:test} working in {@code perf-tests} without
 * installing the service artifact, and guarantees the load uses the generator of the build under test.
 */
final class ProjectFingerprints implements FingerprintSource {

    private static final String GENERATOR = "org.biodid.biometrics.synthetic.SyntheticFingerprints";
    private static final String NOISE = "org.biodid.biometrics.synthetic.NoiseModel";

    private final Object generator;
    private final Method master;
    private final Method impression;
    private final Object noise;
    private final Method x;
    private final Method y;
    private final Method angle;
    private final long seed;
    private final Map<Long, List<?>> masters = new ConcurrentHashMap<>();

    private ProjectFingerprints(ClassLoader loader, long seed) throws ReflectiveOperationException {
        Class<?> generatorClass = Class.forName(GENERATOR, true, loader);
        Class<?> noiseClass = Class.forName(NOISE, true, loader);
        Class<?> minutiaClass = Class.forName("org.biodid.biometrics.Minutia", true, loader);
        this.generator = generatorClass.getConstructor(long.class).newInstance(seed);
        this.master = generatorClass.getMethod("master", long.class);
        this.impression = generatorClass.getMethod("impression", List.class, noiseClass, SplittableRandom.class);
        this.noise = noiseClass.getField("DEFAULT").get(null);
        this.x = minutiaClass.getMethod("x");
        this.y = minutiaClass.getMethod("y");
        this.angle = minutiaClass.getMethod("angle");
        this.seed = seed;
    }

    /**
     * Load the generator from the service jar.
     *
     * @param serviceJar jar
     * @param seed population seed
     * @return the source, or null when the jar is missing or has no generator
     */
    static ProjectFingerprints load(Path serviceJar, long seed) {
        if (serviceJar == null || !Files.isRegularFile(serviceJar)) {
            return null;
        }
        try {
            // The jar's manifest Class-Path (libs/…) is honoured by URLClassLoader.
            URLClassLoader loader = new URLClassLoader(new URL[] {serviceJar.toUri().toURL()},
                                                       ClassLoader.getPlatformClassLoader());
            return new ProjectFingerprints(loader, seed);
        } catch (ReflectiveOperationException | java.net.MalformedURLException | LinkageError e) {
            return null;
        }
    }

    @Override
    public List<double[]> impression(long identity, int finger, SplittableRandom random) {
        try {
            List<?> masterMinutiae = masters.computeIfAbsent(identity * 16 + finger, this::master);
            List<?> capture = (List<?>) impression.invoke(null, masterMinutiae, noise, random);
            List<double[]> out = new ArrayList<>(capture.size());
            for (Object m : capture) {
                out.add(new double[] {(double) x.invoke(m), (double) y.invoke(m), (double) angle.invoke(m)});
            }
            return out;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("project fingerprint generator failed", e);
        }
    }

    private List<?> master(long index) {
        try {
            return (List<?>) master.invoke(generator, index);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("project fingerprint generator failed", e);
        }
    }

    @Override
    public String description() {
        return GENERATOR + " with NoiseModel.DEFAULT (seed " + seed + ")";
    }
}
