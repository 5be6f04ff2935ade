package org.biodid.biometrics.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.EnumMap;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;

import org.biodid.biometrics.BiometricEngine;
import org.biodid.biometrics.BiometricParameters;
import org.biodid.biometrics.Enrollment;
import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.FingerScan;
import org.biodid.biometrics.FusedCode;
import org.biodid.biometrics.FuzzyExtractor;
import org.biodid.biometrics.HelperData;
import org.biodid.biometrics.SubjectContext;
import org.biodid.biometrics.feature.FeatureParameters;
import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.Population;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;

/**
 * The evaluation command: false reject and false accept rates of the fused sketch (the service's design) next
 * to the per-finger design it replaced, on the same synthetic impressions, at the default noise model and a
 * sweep; Gen and Rep time per enrollment and per verification; the fused rates per enrolled finger count
 * ({@link FingerCountAccuracy}); then the offline dictionary attack on helper data ({@link OfflineAttack}).
 * <p>
 * Usage: {@code java -cp 'test-kit/target/biodid-test-kit.jar:service/target/libs/*'
 * org.biodid.biometrics.eval.Evaluation [--genuine 1000] [--impostors 100000] [--sweep-impostors 20000]
 * [--seed 42] [--sweep 1.25,1.5] [--fingers 2,3,4] [--victims 10] [--attack-trials 300000]
 * [--part all|accuracy|fingers|attack|populations] [--populations plain,box-uniform,...] [--noise 1,1.25]
 * [--features 20,340,12,16,LOCAL,1.0] [--blur-passes 0] [--t 103] [--det docs/images/det.svg|none]
 * [--adaptive-t scale,factor,offset[,55/71/87/103]] [--adaptive-dump file.csv]}. {@code --adaptive-t} measures the
 * populations with an enrollment-adaptive t ({@link AdaptiveRule}); {@code --adaptive-dump} writes the calibration data
 * (per genuine identity its distances and predicted flips, impostor totals up to 140). The {@code fingers} part uses
 * {@code --genuine} as its number of victims per finger count and {@code --impostors} as its attempts per finger
 * count and impostor design. The {@code populations} part ({@link PopulationAccuracy}, not included in {@code all})
 * uses {@code --genuine} victims per population and noise level, {@code --impostors} attempts at the default noise
 * and {@code --sweep-impostors} at other levels; {@code --features}, {@code --blur-passes} (a wider threshold
 * blur, {@code WideBlurBits}) and {@code --t} measure other transform and code parameters without changing the
 * service.
 * <p>
 * Genuine attempts (accuracy part): a fresh impression of each of an enrolled identity's 4 fingers. Impostor
 * attempts: 4 fingers of another synthetic person (never enrolled) against an enrolled identity's helper data.
 * Each attempt has its own seeded random stream, so the rates do not depend on the number of threads. Seed 42 took
 * no part in choosing any parameter (the code table was chosen on seed 7, {@code FusedStudy}).
 */
public final class Evaluation {

    static final int FINGERS = 4;
    static final FingerId[] IDS = {FingerId.RIGHT_THUMB, FingerId.RIGHT_INDEX, FingerId.RIGHT_MIDDLE,
        FingerId.RIGHT_RING};
    static final String WALLET = "addr_test1qz2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer3jcu5d8ps7zex2k2xt3uqxgjqnnj83ws8lhrn648jjxtwq2ytjqp";
    static final String NETWORK = "testnet";
    static final SubjectContext CONTEXT = new SubjectContext(WALLET, NETWORK);
    static final long IMPOSTOR_BASE = 1L << 40;
    // CPU time of the measuring thread: on a shared 2-core machine wall-clock time mostly measures the neighbours
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

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
        double[] sweep = {1.25, 1.5};
        int[] fingerCounts = {2, 3, 4};
        int victims = 10;
        long attackTrials = 300_000;
        String part = "all";
        List<Population> populations = Population.ALL;
        double[] noiseScales = {1.0, 1.25};
        FeatureParameters features = FeatureParameters.DEFAULT;
        int t = FusedCode.forFingers(FINGERS).code().t();
        Path det = Path.of("docs/images/det.svg");
        int blurPasses = 0;
        String adaptiveT = null;
        Path adaptiveDump = null;
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
            case "--genuine" -> genuine = Integer.parseInt(value);
            case "--impostors" -> impostors = Integer.parseInt(value);
            case "--sweep-impostors" -> sweepImpostors = Integer.parseInt(value);
            case "--seed" -> seed = Long.parseLong(value);
            case "--sweep" -> sweep = parseList(value);
            case "--fingers" -> fingerCounts = Arrays.stream(value.split(",")).map(String::trim)
                    .mapToInt(Integer::parseInt).toArray();
            case "--victims" -> victims = Integer.parseInt(value);
            case "--attack-trials" -> attackTrials = Long.parseLong(value);
            case "--part" -> part = value;
            case "--populations" -> populations = Arrays.stream(value.split(",")).map(String::trim)
                    .map(Population::named).toList();
            case "--noise" -> noiseScales = parseList(value);
            case "--features" -> features = parseFeatures(value);
            case "--t" -> t = Integer.parseInt(value);
            case "--blur-passes" -> blurPasses = Integer.parseInt(value);
            case "--adaptive-t" -> adaptiveT = value;
            case "--adaptive-dump" -> adaptiveDump = Path.of(value);
            case "--det" -> det = value.equals("none") ? null : Path.of(value);
            default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!List.of("all", "accuracy", "fingers", "attack", "populations").contains(part)) {
            throw new IllegalArgumentException("unknown part " + part
                    + "; expected all|accuracy|fingers|attack|populations");
        }
        BiometricEngine engine = new BiometricEngine(BiometricParameters.DEFAULT, new SecureRandom());
        FuzzyExtractor perFinger = new FuzzyExtractor(BiometricParameters.DEFAULT, new SecureRandom());
        FusedCode layout = FusedCode.forFingers(FINGERS);
        System.out.printf(Locale.ROOT, "BioDID biometric evaluation, seed %d, %d threads%n", seed,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "fused (4 fingers): %s over %d x %d bits, one MAC; checks on one finger alone: %d,"
                        + " on 3 of 4: %d%nper-finger (before): %s per finger, one MAC each%n%n", layout.code(),
                FINGERS, layout.bitsPerFinger(), layout.localChecks(1), layout.localChecks(FINGERS - 1),
                perFinger.code());
        if (part.equals("all") || part.equals("accuracy")) {
            accuracy(engine, perFinger, genuine, impostors, sweepImpostors, seed, sweep);
        }
        if (part.equals("all") || part.equals("fingers")) {
            new FingerCountAccuracy(engine, seed).run(fingerCounts, genuine, impostors);
        }
        if (part.equals("all") || part.equals("attack")) {
            new OfflineAttack(engine, perFinger, seed).run(victims, attackTrials);
        }
        if (part.equals("populations")) {
            AdaptiveRule rule = adaptiveT == null ? null : AdaptiveRule.parse(adaptiveT, t);
            try (PrintWriter dump = adaptiveDump == null ? null
                    : new PrintWriter(Files.newBufferedWriter(adaptiveDump, StandardCharsets.UTF_8))) {
                new PopulationAccuracy(features, blurPasses, t, seed, engine, rule, dump).run(populations, noiseScales,
                        genuine, impostors, sweepImpostors, det);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@code minD,maxD,dBins,aBins,MODE,floor}, as {@link FeatureStudy}'s first arguments. */
    private static FeatureParameters parseFeatures(String value) {
        String[] f = value.split(",");
        return new FeatureParameters(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Integer.parseInt(f[2]),
                Integer.parseInt(f[3]), FeatureParameters.ThresholdMode.valueOf(f[4]), Double.parseDouble(f[5]));
    }

    private static void accuracy(BiometricEngine engine, FuzzyExtractor perFinger, int genuine, int impostors,
                                 int sweepImpostors, long seed, double[] sweep) {
        System.out.println("| noise | genuine ids | FRR fused | FRR per-finger (all 4) | FRR per-finger (3 of 4) "
                + "| impostor ids | FAR fused | FAR per-finger (all 4) | FAR per-finger (3 of 4) | FAR one finger |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        run(engine, perFinger, 1.0, genuine, impostors, seed, true);
        for (double scale : sweep) {
            run(engine, perFinger, scale, genuine, sweepImpostors, seed, false);
        }
    }

    private static void run(BiometricEngine engine, FuzzyExtractor perFinger, double scale, int genuine,
                            int impostors, long seed, boolean timing) {
        NoiseModel noise = NoiseModel.DEFAULT.scaled(scale);
        SyntheticFingerprints people = new SyntheticFingerprints(seed);
        Enrollment[] fused = new Enrollment[genuine];
        List<Map<FingerId, HelperData>> legacy = new ArrayList<>(genuine);
        for (int p = 0; p < genuine; p++) {
            legacy.add(null);
        }
        IntStream.range(0, genuine).parallel().forEach(p -> {
            List<FingerScan> scans = impressions(people, p, noise, new SplittableRandom(seed * 1_000_003L + p));
            fused[p] = engine.enroll(WALLET, NETWORK, scans);
            legacy.set(p, enrollPerFinger(perFinger, scans));
        });
        // genuine: fused rejects, per-finger all rejects, per-finger 3-of-4 rejects
        AtomicLongArray g = new AtomicLongArray(3);
        IntStream.range(0, genuine).parallel().forEach(p -> {
            List<FingerScan> scans = impressions(people, p, noise, new SplittableRandom(seed * 2_000_003L + p));
            g.addAndGet(0, engine.verify(WALLET, NETWORK, fused[p].helper(), fused[p].commitment(), scans)
                    .verified() ? 0 : 1);
            int ok = reproducedFingers(perFinger, legacy.get(p), scans);
            g.addAndGet(1, ok == FINGERS ? 0 : 1);
            g.addAndGet(2, ok >= FINGERS - 1 ? 0 : 1);
        });
        // impostors: fused accepts, per-finger all, per-finger 3-of-4, single fingers accepted
        AtomicLongArray f = new AtomicLongArray(4);
        IntStream.range(0, impostors).parallel().forEach(a -> {
            List<FingerScan> scans = impressions(people, IMPOSTOR_BASE + a, noise,
                    new SplittableRandom(seed * 3_000_017L + a));
            Enrollment target = fused[a % genuine];
            f.addAndGet(0, engine.verify(WALLET, NETWORK, target.helper(), target.commitment(), scans)
                    .verified() ? 1 : 0);
            int ok = reproducedFingers(perFinger, legacy.get(a % genuine), scans);
            f.addAndGet(1, ok == FINGERS ? 1 : 0);
            f.addAndGet(2, ok >= FINGERS - 1 ? 1 : 0);
            f.addAndGet(3, ok);
        });
        System.out.printf(Locale.ROOT, "| %.2f x default | %d | %s | %s | %s | %d | %s | %s | %s | %s |%n", scale,
                genuine, rate(g.get(0), genuine), rate(g.get(1), genuine), rate(g.get(2), genuine), impostors,
                rate(f.get(0), impostors), rate(f.get(1), impostors), rate(f.get(2), impostors),
                rate(f.get(3), (long) impostors * FINGERS));
        if (timing) {
            time(engine, fused, people, noise, seed);
        }
    }

    static Map<FingerId, HelperData> enrollPerFinger(FuzzyExtractor perFinger, List<FingerScan> scans) {
        Map<FingerId, HelperData> helpers = new EnumMap<>(FingerId.class);
        for (FingerScan scan : scans) {
            helpers.put(scan.finger(), perFinger.generate(CONTEXT, scan).helper());
        }
        return helpers;
    }

    private static int reproducedFingers(FuzzyExtractor perFinger, Map<FingerId, HelperData> helpers,
                                         List<FingerScan> scans) {
        int ok = 0;
        for (FingerScan scan : scans) {
            ok += perFinger.reproduce(CONTEXT, helpers.get(scan.finger()), scan).isPresent() ? 1 : 0;
        }
        return ok;
    }

    /**
     * Gen per enrollment and Rep per verification (4 fingers) on one thread, after a warm-up, in thread CPU
     * time; JMH (benchmarks/) gives the rigorous numbers.
     */
    private static void time(BiometricEngine engine, Enrollment[] enrolled, SyntheticFingerprints people,
                             NoiseModel noise, long seed) {
        int count = Math.min(enrolled.length, 250);
        List<List<FingerScan>> scans = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed * 4_000_037L);
        for (int p = 0; p < count; p++) {
            scans.add(impressions(people, p, noise, random));
        }
        long sink = 0;
        for (int round = 0; round < 2; round++) {
            // round 0 warms up the JIT
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (List<FingerScan> person : scans) {
                sink += engine.enroll(WALLET, NETWORK, person).commitment()[0];
            }
            long t1 = THREADS.getCurrentThreadCpuTime();
            for (int p = 0; p < count; p++) {
                sink += engine.verify(WALLET, NETWORK, enrolled[p].helper(), enrolled[p].commitment(), scans.get(p))
                        .verified() ? 1 : 0;
            }
            long t2 = THREADS.getCurrentThreadCpuTime();
            if (round == 1) {
                System.out.printf(Locale.ROOT, "%nTiming at default noise, one thread, thread CPU time, %d identities "
                                + "after warm-up: Gen %.1f us per 4-finger enrollment, Rep %.1f us per 4-finger "
                                + "verification (genuine) [%d]%n%n", count, (t1 - t0) / 1e3 / count,
                        (t2 - t1) / 1e3 / count, sink & 1);
            }
        }
    }

    static List<FingerScan> impressions(SyntheticFingerprints people, long person, NoiseModel noise,
                                        SplittableRandom random) {
        List<FingerScan> scans = new ArrayList<>(FINGERS);
        for (int i = 0; i < FINGERS; i++) {
            scans.add(new FingerScan(IDS[i],
                    SyntheticFingerprints.impression(people.master(person * FINGERS + i), noise, random)));
        }
        return scans;
    }

    static String rate(long events, long trials) {
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
