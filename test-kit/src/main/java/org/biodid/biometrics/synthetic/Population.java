package org.biodid.biometrics.synthetic;

import java.util.List;
import java.util.SplittableRandom;

import org.biodid.biometrics.Minutia;

/**
 * A named population of synthetic fingers that differs from the others the way real capture does: print area
 * (plain, rolled, a filled box), minutia count and hence density, direction model, and the window of the finger the
 * reader sees (whole print, a band, a small sensor). Noise is not part of a population: every population is
 * measured at the same noise levels.
 * <p>
 * {@link Role#TUNING} populations may be used to choose transform and code parameters; {@link Role#HELD_OUT}
 * populations must not be, so that their rates say how the pipeline does on prints it was not tuned on.
 *
 * @param name         short name used on the command line and in the docs
 * @param role         tuning or held out
 * @param area         where the master's minutiae lie
 * @param minMinutiae  smallest master minutia count
 * @param maxMinutiae  largest master minutia count
 * @param directions   where minutia directions come from
 * @param window       what one impression sees of the finger
 */
public record Population(String name, Role role, PrintArea area, int minMinutiae, int maxMinutiae,
                         DirectionModel directions, SensorWindow window) {

    /** The project's original generator, bit for bit ({@link SyntheticFingerprints#SyntheticFingerprints(long)}). */
    public static final Population PLAIN = new Population("plain", Role.TUNING, PrintArea.PLAIN, 30, 60,
            DirectionModel.ORIENTATION_FIELD, SensorWindow.WHOLE_PRINT);

    /**
     * All populations, tuning ones first. Rolled and dense keep the plain print's density (about 4.8 minutiae per
     * 10,000 px&sup2;) or raise it by half; the box keeps the plain count on a larger area (lower density).
     */
    public static final List<Population> ALL = List.of(
            PLAIN,
            new Population("plain-uniform", Role.TUNING, PrintArea.PLAIN, 30, 60, DirectionModel.UNIFORM,
                    SensorWindow.WHOLE_PRINT),
            new Population("rolled", Role.TUNING, PrintArea.ROLLED, 60, 100, DirectionModel.ORIENTATION_FIELD,
                    SensorWindow.WHOLE_PRINT),
            new Population("band-280", Role.TUNING, PrintArea.PLAIN, 30, 60, DirectionModel.ORIENTATION_FIELD,
                    new SensorWindow(Double.POSITIVE_INFINITY, 280, 0, 60)),
            new Population("box-uniform", Role.HELD_OUT, PrintArea.BOX_380_500, 30, 60, DirectionModel.UNIFORM,
                    SensorWindow.WHOLE_PRINT),
            new Population("box-mixed", Role.HELD_OUT, PrintArea.BOX_380_500, 30, 60, DirectionModel.HALF_AND_HALF,
                    SensorWindow.WHOLE_PRINT),
            new Population("dense", Role.HELD_OUT, PrintArea.PLAIN, 60, 90, DirectionModel.ORIENTATION_FIELD,
                    SensorWindow.WHOLE_PRINT),
            new Population("sparse", Role.HELD_OUT, PrintArea.PLAIN, 18, 35, DirectionModel.ORIENTATION_FIELD,
                    SensorWindow.WHOLE_PRINT),
            new Population("rolled-mixed", Role.HELD_OUT, PrintArea.ROLLED, 45, 90, DirectionModel.HALF_AND_HALF,
                    SensorWindow.WHOLE_PRINT),
            new Population("small-sensor", Role.HELD_OUT, PrintArea.PLAIN, 40, 70, DirectionModel.ORIENTATION_FIELD,
                    new SensorWindow(230, 280, 25, 35)));

    /**
     * Canonical constructor with checks.
     *
     * @param name        name
     * @param role        role
     * @param area        area
     * @param minMinutiae smallest count
     * @param maxMinutiae largest count
     * @param directions  direction model
     * @param window      sensor window
     */
    public Population {
        if (minMinutiae < 8 || maxMinutiae < minMinutiae || maxMinutiae > 150) {
            throw new IllegalArgumentException("invalid minutia count range");
        }
    }

    /**
     * The population with this name.
     *
     * @param name a name of {@link #ALL}
     * @return the population
     * @throws IllegalArgumentException for an unknown name
     */
    public static Population named(String name) {
        return ALL.stream().filter(p -> p.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown population " + name));
    }

    /**
     * A generator of this population's masters.
     *
     * @param seed seed of all masters
     * @return the generator
     */
    public SyntheticFingerprints fingers(long seed) {
        return new SyntheticFingerprints(seed, this);
    }

    /**
     * One impression as this population's reader takes it: the window first (what part of the finger touches the
     * sensor), then the noise model.
     *
     * @param master the finger
     * @param noise  noise model
     * @param random source of the window's shift and of the noise
     * @return the impression
     */
    public List<Minutia> impression(List<Minutia> master, NoiseModel noise, SplittableRandom random) {
        return SyntheticFingerprints.impression(window.crop(master, random), noise, random);
    }

    /** Whether parameters may be chosen on a population. */
    public enum Role {
        /** Parameters may be chosen on it. */
        TUNING,
        /** Never used to choose anything; reported to show how the pipeline generalizes. */
        HELD_OUT
    }
}
