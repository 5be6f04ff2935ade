package org.biodid.biometrics.eval;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;

import org.biodid.biometrics.BiometricEngine;
import org.biodid.biometrics.BiometricParameters;
import org.biodid.biometrics.Enrollment;
import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.FingerScan;
import org.biodid.biometrics.FuzzyExtractor;
import org.biodid.biometrics.HelperData;
import org.biodid.biometrics.SubjectContext;
import org.biodid.biometrics.VerificationPolicy;
import org.biodid.biometrics.VerificationResult;
import org.biodid.biometrics.bch.BchCode;
import org.biodid.biometrics.feature.FeatureParameters;
import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;

/**
 * The evaluation command: false reject and false accept rates of the whole pipeline (feature transform, BCH,
 * MAC, aggregation) on synthetic fingerprints, per finger and per 4-finger identity, at the default noise
 * model and a sweep of noise levels, plus Gen and Rep time per finger.
 * <p>
 * Usage: {@code java -cp 'service/target/biodid-service.jar:service/target/libs/*'
 * org.biodid.biometrics.eval.Evaluation [--genuine 1000] [--impostors 100000] [--sweep-impostors 20000]
 * [--seed 42] [--sweep 0.5,1.25,1.5,2.0]}; for studying alternatives also {@code --t 43},
 * {@code --threshold LOCAL}, {@code --angle-bins 16},
 * {@code --max-distance 260}, {@code --distance-bins 10}
 * <p>
 * Genuine attempts: a fresh impression of each of an enrolled identity's 4 fingers. Impostor attempts: 4
 * fingers of another synthetic person (fresh masters, never enrolled) presented against an enrolled
 * identity's helper data, finger by finger. Each attempt has its own seeded random stream, so results do
 * not depend on the number of threads.
 */
public final class Evaluation {

    private static final int FINGERS = 4;
    private static final FingerId[] IDS = {FingerId.RIGHT_THUMB, FingerId.RIGHT_INDEX, FingerId.RIGHT_MIDDLE,
        FingerId.RIGHT_RING};
    private static final String WALLET = "addr_test1qz2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer3jcu5d8ps7zex2k2xt3uqxgjqnnj83ws8lhrn648jjxtwq2ytjqp";
    private static final String NETWORK = "testnet";
    private static final long IMPOSTOR_BASE = 1L << 40;
    // CPU time of the measuring thread: on a shared 2-core machine wall-clock time mostly measures the neighbours
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Evaluation() {
    }

    /**
     * Entry point.
     *
     * @param args options, see class documentation
     */
    public static void main(String[] args) {
        int genuine = 1000;
        int impostors = 100_000;
        int sweepImpostors = 20_000;
        long seed = 42;
        double[] sweep = {0.5, 1.25, 1.5, 2.0};
        BiometricParameters parameters = BiometricParameters.DEFAULT;
        FeatureParameters features = parameters.features();
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
            case "--genuine" -> genuine = Integer.parseInt(value);
            case "--impostors" -> impostors = Integer.parseInt(value);
            case "--sweep-impostors" -> sweepImpostors = Integer.parseInt(value);
            case "--seed" -> seed = Long.parseLong(value);
            case "--sweep" -> sweep = parseList(value);
            case "--t" -> parameters = new BiometricParameters(features, parameters.m(), parameters.n(),
                    Integer.parseInt(value));
            case "--threshold" -> features = new FeatureParameters(features.minDistance(), features.maxDistance(),
                    features.distanceBins(), features.angleBins(), FeatureParameters.ThresholdMode.valueOf(value),
                    features.noiseFloor());
            case "--max-distance" -> features = new FeatureParameters(features.minDistance(), Double.parseDouble(value),
                    features.distanceBins(), features.angleBins(), features.thresholdMode(), features.noiseFloor());
            case "--distance-bins" -> features = new FeatureParameters(features.minDistance(), features.maxDistance(),
                    Integer.parseInt(value), features.angleBins(), features.thresholdMode(), features.noiseFloor());
            case "--angle-bins" -> features = new FeatureParameters(features.minDistance(), features.maxDistance(),
                    features.distanceBins(), Integer.parseInt(value), features.thresholdMode(), features.noiseFloor());
            default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        parameters = new BiometricParameters(features, parameters.m(), parameters.n(), parameters.t());
        BiometricEngine engine = new BiometricEngine(parameters, VerificationPolicy.ALL, new SecureRandom());
        System.out.printf(Locale.ROOT, "BioDID biometric evaluation: %s, n=%d selected of %d cells (%s), seed %d, "
                        + "%d threads%n", engine.extractor().code(), parameters.n(), parameters.features().cells(),
                parameters.features(), seed,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "Per finger, the key has at most k = %d bits; sketch leaks n - k = %d bits.%n%n",
                engine.extractor().code().k(), parameters.n() - engine.extractor().code().k());
        System.out.println("| noise | genuine ids | FRR finger | FRR 4-finger (all) | FRR 4-finger (3 of 4) "
                + "| impostor ids | FAR finger | FAR 4-finger (all) | FAR 4-finger (3 of 4) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        run(engine, 1.0, genuine, impostors, seed, true);
        for (double scale : sweep) {
            run(engine, scale, genuine, sweepImpostors, seed, false);
        }
    }

    private static void run(BiometricEngine engine, double scale, int genuine, int impostors, long seed,
                            boolean timing) {
        NoiseModel noise = NoiseModel.DEFAULT.scaled(scale);
        SyntheticFingerprints people = new SyntheticFingerprints(seed);
        FuzzyExtractor extractor = engine.extractor();
        SubjectContext context = new SubjectContext(WALLET, NETWORK);

        // enrollment: one impression per finger
        Enrollment[] enrolled = new Enrollment[genuine];
        IntStream.range(0, genuine).parallel().forEach(p -> {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + p);
            List<FingerScan> scans = impressions(people, p, noise, random);
            enrolled[p] = engine.enroll(WALLET, NETWORK, scans);
        });

        // genuine attempts
        AtomicLongArray g = new AtomicLongArray(3); // finger rejects, identity rejects (all), identity rejects (3/4)
        IntStream.range(0, genuine).parallel().forEach(p -> {
            SplittableRandom random = new SplittableRandom(seed * 2_000_003L + p);
            List<FingerScan> scans = impressions(people, p, noise, random);
            int ok = 0;
            for (FingerScan scan : scans) {
                ok += extractor.reproduce(context, enrolled[p].helpers().get(scan.finger()), scan).isPresent() ? 1 : 0;
            }
            g.addAndGet(0, FINGERS - ok);
            VerificationResult result = engine.verify(WALLET, NETWORK, enrolled[p].helpers(),
                    enrolled[p].commitment(), scans);
            if (result.verified() != (ok == FINGERS)) {
                throw new IllegalStateException("engine and per-finger results disagree");
            }
            g.addAndGet(1, result.verified() ? 0 : 1);
            g.addAndGet(2, ok >= FINGERS - 1 ? 0 : 1);
        });

        // impostor attempts: other people's fingers against enrolled helper data
        AtomicLongArray f = new AtomicLongArray(3);
        IntStream.range(0, impostors).parallel().forEach(a -> {
            SplittableRandom random = new SplittableRandom(seed * 3_000_017L + a);
            List<FingerScan> scans = impressions(people, IMPOSTOR_BASE + a, noise, random);
            Enrollment target = enrolled[a % genuine];
            int ok = 0;
            for (FingerScan scan : scans) {
                HelperData helper = target.helpers().get(scan.finger());
                ok += extractor.reproduce(context, helper, scan).isPresent() ? 1 : 0;
            }
            f.addAndGet(0, ok);
            if (ok == FINGERS) {
                VerificationResult result = engine.verify(WALLET, NETWORK, target.helpers(), target.commitment(), scans);
                f.addAndGet(1, result.verified() ? 1 : 0);
            }
            f.addAndGet(2, ok >= FINGERS - 1 ? 1 : 0);
        });

        System.out.printf(Locale.ROOT, "| %.2f x default | %d | %s | %s | %s | %d | %s | %s | %s |%n", scale, genuine,
                rate(g.get(0), (long) genuine * FINGERS), rate(g.get(1), genuine), rate(g.get(2), genuine),
                impostors, rate(f.get(0), (long) impostors * FINGERS), rate(f.get(1), impostors),
                rate(f.get(2), impostors));
        if (timing) {
            time(engine, enrolled, people, noise, seed);
        }
    }

    /**
     * Gen and Rep per finger on one thread, after a warm-up, so that the numbers are not distorted by the
     * parallel streams above; JMH (benchmarks/) gives the rigorous ones.
     */
    private static void time(BiometricEngine engine, Enrollment[] enrolled, SyntheticFingerprints people,
                             NoiseModel noise, long seed) {
        FuzzyExtractor extractor = engine.extractor();
        SubjectContext context = new SubjectContext(WALLET, NETWORK);
        int people2 = Math.min(enrolled.length, 250);
        List<FingerScan> scans = new ArrayList<>();
        List<HelperData> helpers = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed * 4_000_037L);
        for (int p = 0; p < people2; p++) {
            for (FingerScan scan : impressions(people, p, noise, random)) {
                scans.add(scan);
                helpers.add(enrolled[p].helpers().get(scan.finger()));
            }
        }
        long sink = 0;
        for (int round = 0; round < 2; round++) {
            // round 0 warms up the JIT
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (FingerScan scan : scans) {
                sink += extractor.generate(context, scan).fingerKey()[0];
            }
            long t1 = THREADS.getCurrentThreadCpuTime();
            BchCode.Workspace workspace = extractor.code().newWorkspace();
            for (int i = 0; i < scans.size(); i++) {
                sink += extractor.reproduce(context, helpers.get(i), scans.get(i), workspace).isPresent() ? 1 : 0;
            }
            long t2 = THREADS.getCurrentThreadCpuTime();
            if (round == 1) {
                System.out.printf(Locale.ROOT, "%nTiming at default noise, one thread, thread CPU time, %d fingers after warm-up: "
                                + "Gen %.1f us/finger, Rep %.1f us/finger (genuine impressions) [%d]%n%n", scans.size(),
                        (t1 - t0) / 1e3 / scans.size(), (t2 - t1) / 1e3 / scans.size(), sink & 1);
            }
        }
    }

    private static List<FingerScan> impressions(SyntheticFingerprints people, long person, NoiseModel noise,
                                                SplittableRandom random) {
        List<FingerScan> scans = new ArrayList<>(FINGERS);
        for (int i = 0; i < FINGERS; i++) {
            scans.add(new FingerScan(IDS[i],
                    SyntheticFingerprints.impression(people.master(person * FINGERS + i), noise, random)));
        }
        return scans;
    }

    private static String rate(long events, long trials) {
        return String.format(Locale.ROOT, "%.4f%% (%d/%d)", 100.0 * events / trials, events, trials);
    }

    private static double[] parseList(String value) {
        String[] parts = value.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i].trim());
        }
        return out;
    }
}
