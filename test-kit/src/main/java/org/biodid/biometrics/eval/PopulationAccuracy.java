package org.biodid.biometrics.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;

import org.biodid.biometrics.BiometricEngine;
import org.biodid.biometrics.BiometricParameters;
import org.biodid.biometrics.Enrollment;
import org.biodid.biometrics.FingerScan;
import org.biodid.biometrics.FusedCode;
import org.biodid.biometrics.Minutia;
import org.biodid.biometrics.bch.Bits;
import org.biodid.biometrics.feature.ExpectedFlips;
import org.biodid.biometrics.feature.FeatureParameters;
import org.biodid.biometrics.feature.PairHistogram;
import org.biodid.biometrics.feature.ReliableBits;
import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.Population;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;

/**
 * The accuracy matrix over the synthetic {@link Population populations}: for each population and noise level,
 * {@code victims} identities enroll 4 fingers from one impression each; each is verified once with fresh
 * impressions (genuine), and {@code impostors} attempts bring 4 fingers of a fresh never-enrolled person <em>of the
 * same population</em> against victim {@code attempt % victims}.
 * <p>
 * Every comparison is scored by Hamming distances at the enrolled cells: per finger (0&hellip;255) and in total over
 * the 4 fingers. The fused sketch recovers the secret exactly when the total is within the code's t
 * ({@code FusedExtractorTest} proves the equivalence, and this class re-checks it against the real engine on a
 * sample of genuine attempts), so identity FRR and FAR follow from the totals, and the per-finger distances give the
 * per-finger rates at the per-finger design's t, the equal error rate and the DET curve. Any feature parameters can be
 * measured this way without touching the service.
 */
final class PopulationAccuracy {

    private static final long IMPOSTORS = 1L << 40;
    /** Per-finger threshold for the per-finger rates: the t of the per-finger design, BCH(255, 47, 42). */
    private static final int FINGER_T = BiometricParameters.DEFAULT.t();
    /** Genuine attempts re-run through the real engine to check the "recovers iff total within t" rule. */
    private static final int ENGINE_CHECKS = 200;

    private final FeatureParameters features;
    private final FingerBits bits;
    private final int blurPasses;
    private final int fingers = Evaluation.FINGERS;
    private final int perFinger = FusedCode.forFingers(Evaluation.FINGERS).bitsPerFinger();
    private final int t;
    private final long seed;
    private final BiometricEngine engine;
    /** Enrollment-adaptive t (null: every victim at t); see {@link AdaptiveRule}. */
    private final AdaptiveRule adaptive;
    /** Calibration dump (null: none): per genuine identity its distances and predictions at {@link #DUMP_SCALES}. */
    private final PrintWriter dump;
    private final PairHistogram histogram;
    /** Predictor noise scales written to the calibration dump. */
    private static final double[] DUMP_SCALES = {0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.75};
    /** Impostor totals up to this are written to the calibration dump (the rest cannot be accepted at t = 103). */
    private static final int DUMP_IMPOSTORS_UP_TO = 140;

    PopulationAccuracy(FeatureParameters features, int blurPasses, int t, long seed, BiometricEngine engine) {
        this(features, blurPasses, t, seed, engine, null, null);
    }

    PopulationAccuracy(FeatureParameters features, int blurPasses, int t, long seed, BiometricEngine engine,
                       AdaptiveRule adaptive, PrintWriter dump) {
        if ((adaptive != null || dump != null) && blurPasses != 0) {
            throw new IllegalArgumentException("--adaptive-t and --adaptive-dump need the service's threshold");
        }
        this.adaptive = adaptive;
        this.dump = dump;
        this.histogram = new PairHistogram(features);
        this.features = features;
        this.bits = FingerBits.of(features, blurPasses);
        this.blurPasses = blurPasses;
        this.t = t;
        this.seed = seed;
        // the engine only uses the production transform and code: compare only when measuring exactly those
        this.engine = features.equals(FeatureParameters.DEFAULT) && blurPasses == 0
                && t == FusedCode.forFingers(fingers).code().t() ? engine : null;
    }

    /** Measured rates of one population at one noise level. */
    record Row(Population population, double noise, double meanMinutiae, DistanceCounts genuine,
               DistanceCounts impostor, int engineChecks, int engineAgreed, Adaptive adaptive) {
    }

    /**
     * Outcomes under the enrollment-adaptive t, counted per rung of the ladder.
     *
     * @param victims          victims that chose each rung
     * @param genuineRejects   genuine totals above their victim's t, per rung
     * @param impostors        impostor attempts against victims of each rung
     * @param impostorAccepts  impostor totals within their victim's t, per rung
     * @param closestMargin    smallest impostor total minus its victim's t (accepted when <= 0)
     * @param engineSameT      engine checks whose helper data recorded the rule's t
     */
    record Adaptive(AtomicLongArray victims, AtomicLongArray genuineRejects, AtomicLongArray impostors,
                    AtomicLongArray impostorAccepts, AtomicInteger closestMargin, AtomicLong engineSameT) {
        Adaptive(int rungs) {
            this(new AtomicLongArray(rungs), new AtomicLongArray(rungs), new AtomicLongArray(rungs),
                    new AtomicLongArray(rungs), new AtomicInteger(Integer.MAX_VALUE), new AtomicLong());
        }

        static long total(AtomicLongArray a) {
            long s = 0;
            for (int i = 0; i < a.length(); i++) {
                s += a.get(i);
            }
            return s;
        }
    }

    void run(List<Population> populations, double[] noiseScales, int victims, int impostors, int sweepImpostors,
             Path det) {
        System.out.printf(Locale.ROOT, "Accuracy per population: seed %d, features %s%s, fused code over %d x %d bits "
                + "with t = %d; per finger at d <= %d; %d victims; impostors of the same population, %d attempts at "
                + "1.00 x noise, %d at other levels%n%n", seed, features,
                blurPasses == 0 ? "" : " with a " + blurPasses + "-pass blur threshold (evaluation variant)", fingers, perFinger, t, FINGER_T, victims,
                impostors, sweepImpostors);
        System.out.println("| population | role | print area | minutiae (master; mean per impression) | directions "
                + "| window | noise | genuine ids | FRR 4-finger | FRR finger | genuine total q98 | impostor ids "
                + "| FAR 4-finger | closest impostor total | FAR finger | EER finger |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < populations.size(); p++) {
            for (int s = 0; s < noiseScales.length; s++) {
                Row row = measure(p, populations.get(p), noiseScales[s], victims,
                        noiseScales[s] == 1.0 ? impostors : sweepImpostors);
                print(row);
                rows.add(row);
            }
        }
        System.out.println();
        if (adaptive != null) {
            printAdaptive(rows);
        }
        for (Row row : rows) {
            if (row.engineChecks() > 0) {
                System.out.printf(Locale.ROOT, "engine check %s %.2f x: the service's verify agreed with 'total <= t' "
                        + "on %d of %d genuine attempts%s%n", row.population().name(), row.noise(), row.engineAgreed(),
                        row.engineChecks(), adaptive == null ? "" : String.format(Locale.ROOT, "; its helper data "
                                + "recorded the rule's t in %d", row.adaptive().engineSameT().get()));
            }
        }
        if (det != null) {
            writeDet(rows, det);
        }
        System.out.println();
    }

    private Row measure(int index, Population population, double scale, int victims, int impostors) {
        NoiseModel noise = NoiseModel.DEFAULT.scaled(scale);
        SyntheticFingerprints people = population.fingers(seed);
        long[][][] masks = new long[victims][][];
        long[][][] enrolled = new long[victims][][];
        DistanceCounts genuine = new DistanceCounts(perFinger, fingers);
        AtomicLong minutiae = new AtomicLong();
        AtomicLong agreed = new AtomicLong();
        int checks = engine == null ? 0 : Math.min(ENGINE_CHECKS, victims);
        int[] victimT = new int[victims];
        Adaptive outcome = adaptive == null ? null : new Adaptive(adaptive.ladder().length);
        IntStream.range(0, victims).parallel().forEach(v -> {
            List<List<Minutia>> masters = masters(people, v);
            List<List<Minutia>> enrollment = impressions(population, masters, noise, random(index, scale, 1, v));
            masks[v] = new long[fingers][Bits.words(bits.cells())];
            enrolled[v] = new long[fingers][Bits.words(perFinger)];
            double[] predicted = new double[DUMP_SCALES.length];
            double expected = 0;
            int count = 0;
            for (int f = 0; f < fingers; f++) {
                if (adaptive == null && dump == null) {
                    bits.enroll(enrollment.get(f), perFinger, masks[v][f], enrolled[v][f]);
                } else {
                    expected += enrollPredicting(enrollment.get(f), masks[v][f], enrolled[v][f], predicted);
                }
                count += enrollment.get(f).size();
            }
            minutiae.addAndGet(count);
            victimT[v] = adaptive == null ? t : adaptive.choose(expected);
            List<List<Minutia>> probe = impressions(population, masters, noise, random(index, scale, 2, v));
            int[] d = distances(masks[v], enrolled[v], probe);
            genuine.add(d);
            if (outcome != null) {
                int rung = adaptive.rung(victimT[v]);
                outcome.victims().incrementAndGet(rung);
                if (sum(d) > victimT[v]) {
                    outcome.genuineRejects().incrementAndGet(rung);
                }
            }
            if (dump != null) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "G,%s,%s,%.2f,%d,%d,%d,%d,%d,%d",
                        population.name(), population.role(), scale, v, d[0], d[1], d[2], d[3], count));
                for (double p : predicted) {
                    line.append(String.format(Locale.ROOT, ",%.3f", p));
                }
                synchronized (dump) {
                    dump.println(line);
                }
            }
            if (v < checks) {
                Enrollment e = engine.enroll(Evaluation.WALLET, Evaluation.NETWORK, scans(enrollment));
                boolean verified = engine.verify(Evaluation.WALLET, Evaluation.NETWORK, e.helper(), e.commitment(),
                        scans(probe)).verified();
                // the engine recovers iff the total is within the t its helper data records
                agreed.addAndGet(verified == (sum(d) <= e.helper().t()) ? 1 : 0);
                if (outcome != null && e.helper().t() == victimT[v]) {
                    outcome.engineSameT().incrementAndGet();
                }
            }
        });
        DistanceCounts impostor = new DistanceCounts(perFinger, fingers);
        IntStream.range(0, impostors).parallel().forEach(a -> {
            int v = a % victims;
            List<List<Minutia>> probe = impressions(population, masters(people, IMPOSTORS + a), noise,
                    random(index, scale, 3, a));
            int[] d = distances(masks[v], enrolled[v], probe);
            impostor.add(d);
            int total = sum(d);
            if (outcome != null) {
                int rung = adaptive.rung(victimT[v]);
                outcome.impostors().incrementAndGet(rung);
                if (total <= victimT[v]) {
                    outcome.impostorAccepts().incrementAndGet(rung);
                }
                outcome.closestMargin().accumulateAndGet(total - victimT[v], Math::min);
            }
            if (dump != null && total <= DUMP_IMPOSTORS_UP_TO) {
                synchronized (dump) {
                    dump.printf(Locale.ROOT, "I,%s,%s,%.2f,%d,%d%n", population.name(), population.role(), scale, v,
                            total);
                }
            }
        });
        return new Row(population, scale, (double) minutiae.get() / victims / fingers, genuine, impostor, checks,
                (int) agreed.get(), outcome);
    }

    /**
     * Enrolls one finger as {@link ReliableBits#enroll} does (same cells, same bits) and also returns its expected
     * flips at the rule's scale; {@code predicted[i]} is incremented by the expected flips at {@link #DUMP_SCALES}[i].
     */
    private double enrollPredicting(List<Minutia> minutiae, long[] mask, long[] out, double[] predicted) {
        double[] h = histogram.compute(minutiae, null);
        double[] tau = new double[h.length];
        histogram.thresholds(h, tau);
        ReliableBits.select(h, tau, features.noiseFloor(), perFinger, mask);
        ReliableBits.read(h, tau, mask, out);
        if (dump != null) {
            for (int i = 0; i < DUMP_SCALES.length; i++) {
                predicted[i] += ExpectedFlips.of(h, tau, features.noiseFloor(), mask, DUMP_SCALES[i]);
            }
        }
        return adaptive == null ? 0 : ExpectedFlips.of(h, tau, features.noiseFloor(), mask, adaptive.scale());
    }

    private void printAdaptive(List<Row> rows) {
        System.out.println("Enrollment-adaptive t: " + adaptive);
        StringBuilder header = new StringBuilder("| population | role | noise | victims at t =");
        for (int rung : adaptive.ladder()) {
            header.append(' ').append(rung);
        }
        System.out.println(header + " | FRR 4-finger adaptive | FRR 4-finger at t = " + t + " | FAR 4-finger adaptive "
                + "| FAR 4-finger at t = " + t + " | FAR per rung (accepts / attempts) | closest impostor total - "
                + "its t |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            Adaptive a = r.adaptive();
            StringBuilder chosen = new StringBuilder();
            StringBuilder perRung = new StringBuilder();
            for (int i = 0; i < adaptive.ladder().length; i++) {
                chosen.append(i == 0 ? "" : " / ").append(a.victims().get(i));
                perRung.append(i == 0 ? "" : ", ").append(adaptive.ladder()[i]).append(": ")
                        .append(a.impostorAccepts().get(i)).append('/').append(a.impostors().get(i));
            }
            DistanceCounts g = r.genuine();
            DistanceCounts i = r.impostor();
            System.out.printf(Locale.ROOT, "| %s | %s | %.2f x | %s | %s | %s | %s | %s | %s | %d |%n",
                    r.population().name(), r.population().role() == Population.Role.TUNING ? "tuning" : "held out",
                    r.noise(), chosen, Evaluation.rate(Adaptive.total(a.genuineRejects()), g.identities()),
                    Evaluation.rate(g.identities() - g.identitiesWithin(t), g.identities()),
                    Evaluation.rate(Adaptive.total(a.impostorAccepts()), i.identities()),
                    Evaluation.rate(i.identitiesWithin(t), i.identities()), perRung, a.closestMargin().get());
        }
        System.out.println();
    }

    private void print(Row r) {
        Population p = r.population();
        DistanceCounts g = r.genuine();
        DistanceCounts i = r.impostor();
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %d-%d; %.1f | %s | %s | %.2f x | %d | %s | %s | %d | %d | %s "
                        + "| %d | %s | %.2f%% |%n", p.name(), p.role() == Population.Role.TUNING ? "tuning" : "held out",
                p.area(), p.minMinutiae(), p.maxMinutiae(), r.meanMinutiae(), directions(p), p.window(), r.noise(),
                g.identities(), Evaluation.rate(g.identities() - g.identitiesWithin(t), g.identities()),
                Evaluation.rate(g.fingers() - g.fingersWithin(FINGER_T), g.fingers()), g.totalQuantile(0.98),
                i.identities(), Evaluation.rate(i.identitiesWithin(t), i.identities()), i.smallestTotal(),
                Evaluation.rate(i.fingersWithin(FINGER_T), i.fingers()),
                100 * DistanceCounts.equalErrorRate(g, i));
    }

    private static String directions(Population p) {
        return switch (p.directions()) {
            case ORIENTATION_FIELD -> "orientation field";
            case UNIFORM -> "uniform";
            case HALF_AND_HALF -> "half field, half uniform";
        };
    }

    private void writeDet(List<Row> rows, Path det) {
        List<DetPlot.Series> series = new ArrayList<>();
        for (Row r : rows) {
            if (r.noise() != 1.0) {
                continue;
            }
            double[] far = r.impostor().fingerShareWithin();
            double[] accepted = r.genuine().fingerShareWithin();
            double[] frr = new double[accepted.length];
            for (int d = 0; d < frr.length; d++) {
                frr[d] = 1 - accepted[d];
            }
            boolean heldOut = r.population().role() == Population.Role.HELD_OUT;
            series.add(new DetPlot.Series(r.population().name() + (heldOut ? " (held out)" : ""), heldOut, far, frr));
        }
        String title = String.format(Locale.ROOT, "Per-finger DET at the default noise; score: Hamming distance at the "
                + "%d enrolled cells\n%d genuine and %d impostor fingers per population; dashed: held out", perFinger,
                rows.get(0).genuine().fingers(), rows.get(0).impostor().fingers());
        try {
            if (det.getParent() != null) {
                Files.createDirectories(det.getParent());
            }
            Files.writeString(det, DetPlot.svg(title, series), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("DET curve written to " + det);
    }

    private int[] distances(long[][] masks, long[][] enrolled, List<List<Minutia>> probe) {
        int[] d = new int[fingers];
        long[] fresh = new long[Bits.words(perFinger)];
        for (int f = 0; f < fingers; f++) {
            bits.reproduce(probe.get(f), masks[f], fresh);
            d[f] = Bits.distance(fresh, enrolled[f]);
        }
        return d;
    }

    private List<List<Minutia>> masters(SyntheticFingerprints people, long person) {
        List<List<Minutia>> out = new ArrayList<>(fingers);
        for (int f = 0; f < fingers; f++) {
            out.add(people.master(person * fingers + f));
        }
        return out;
    }

    private static List<List<Minutia>> impressions(Population population, List<List<Minutia>> masters,
                                                   NoiseModel noise, SplittableRandom random) {
        List<List<Minutia>> out = new ArrayList<>(masters.size());
        for (List<Minutia> master : masters) {
            out.add(population.impression(master, noise, random));
        }
        return out;
    }

    private static List<FingerScan> scans(List<List<Minutia>> impressions) {
        List<FingerScan> out = new ArrayList<>(impressions.size());
        for (int f = 0; f < impressions.size(); f++) {
            out.add(new FingerScan(Evaluation.IDS[f], impressions.get(f)));
        }
        return out;
    }

    private static int sum(int[] values) {
        int s = 0;
        for (int v : values) {
            s += v;
        }
        return s;
    }

    /** The random stream of one use (1 enroll, 2 genuine, 3 impostor) of one index, per population and noise. */
    private SplittableRandom random(int population, double scale, int use, long index) {
        return new SplittableRandom(seed * 9_000_011L + population * 0x9E3779B97F4A7C15L
                + Double.doubleToLongBits(scale) * 0xD6E8FEB86659FD93L + use * 0xBF58476D1CE4E5B9L
                + index * 0x94D049BB133111EBL);
    }
}
