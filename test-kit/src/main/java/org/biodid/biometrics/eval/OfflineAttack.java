package org.biodid.biometrics.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.biodid.biometrics.BiometricEngine;
import org.biodid.biometrics.Enrollment;
import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.FingerScan;
import org.biodid.biometrics.FusedCode;
import org.biodid.biometrics.FusedHelperData;
import org.biodid.biometrics.FuzzyExtractor;
import org.biodid.biometrics.HelperData;
import org.biodid.biometrics.MasterSecret;
import org.biodid.biometrics.bch.BchCode;
import org.biodid.biometrics.bch.Bits;
import org.biodid.biometrics.feature.ReliableBits;
import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;

/**
 * The offline dictionary attack on helper data, against both designs. The attacker holds one victim's helper
 * data and a dictionary of synthetic finger impressions from an independent population (not the victim's).
 * <ul>
 * <li><b>Per-finger design (before), run to the end</b>: for each finger, try dictionary fingers until that
 * finger's sketch decodes and its MAC verifies; combine the keys; check the commitment.</li>
 * <li><b>Fused design (after)</b>: (1) partial guesses: the victim's own genuine impressions for some fingers
 * plus dictionary fingers for the rest; (2) the real full-guess attack (dictionary bits precomputed at the
 * victim's masks, tuples tried in order, each one a decode and, on success, a MAC check) within a trial budget,
 * with its measured CPU time per trial; (3) the expected number of trials, extrapolated from the measured
 * per-finger distance distribution of dictionary fingers at the victims' masks (sum of 4 independent draws
 * within t, by convolution).</li>
 * </ul>
 */
final class OfflineAttack {

    private static final int DICTIONARY = 3000;
    private static final long VICTIM_BASE = 1L << 36;

    private final BiometricEngine engine;
    private final FuzzyExtractor perFinger;
    private final long seed;
    private final SyntheticFingerprints people;
    private final List<List<org.biodid.biometrics.Minutia>> dictionary = new ArrayList<>();

    OfflineAttack(BiometricEngine engine, FuzzyExtractor perFinger, long seed) {
        this.engine = engine;
        this.perFinger = perFinger;
        this.seed = seed;
        this.people = new SyntheticFingerprints(seed);
        SyntheticFingerprints other = new SyntheticFingerprints(seed ^ 0x5DEECE66DL);
        SplittableRandom random = new SplittableRandom(seed * 5_000_011L);
        for (int j = 0; j < DICTIONARY; j++) {
            dictionary.add(SyntheticFingerprints.impression(other.master(j), NoiseModel.DEFAULT, random));
        }
    }

    void run(int victims, long trialBudget) {
        System.out.printf(Locale.ROOT, "Offline dictionary attack: %d victims (4 fingers), dictionary of %d impressions "
                + "of other synthetic fingers (independent population), default noise%n%n", victims, DICTIONARY);
        before(victims);
        after(victims, trialBudget);
    }

    private void before(int victims) {
        long totalTrials = 0;
        long totalCpu = 0;
        int recovered = 0;
        StringBuilder perVictim = new StringBuilder();
        for (int v = 0; v < victims; v++) {
            List<FingerScan> enrollScans = victimScans(v, 1);
            Map<FingerId, byte[]> keys = new EnumMap<>(FingerId.class);
            Map<FingerId, HelperData> helpers = new EnumMap<>(FingerId.class);
            for (FingerScan scan : enrollScans) {
                FuzzyExtractor.Generated g = perFinger.generate(Evaluation.CONTEXT, scan);
                helpers.put(scan.finger(), g.helper());
                keys.put(scan.finger(), g.fingerKey());
            }
            byte[] commitment = MasterSecret.combine(Evaluation.CONTEXT, keys).commitment();
            long t0 = Evaluation.THREADS.getCurrentThreadCpuTime();
            Map<FingerId, byte[]> found = new EnumMap<>(FingerId.class);
            int trials = 0;
            List<Integer> perFingerTrials = new ArrayList<>();
            for (FingerId finger : Evaluation.IDS) {
                for (int j = 0; j < DICTIONARY; j++) {
                    trials++;
                    Optional<byte[]> key = perFinger.reproduce(Evaluation.CONTEXT, helpers.get(finger),
                            new FingerScan(finger, dictionary.get(j)));
                    if (key.isPresent()) {
                        found.put(finger, key.get());
                        perFingerTrials.add(j + 1);
                        break;
                    }
                }
            }
            long cpu = Evaluation.THREADS.getCurrentThreadCpuTime() - t0;
            boolean ok = found.size() == Evaluation.FINGERS && Arrays.equals(commitment,
                    MasterSecret.combine(Evaluation.CONTEXT, found).commitment());
            recovered += ok ? 1 : 0;
            totalTrials += trials;
            totalCpu += cpu;
            perVictim.append(String.format(Locale.ROOT, " %s=%d", perFingerTrials, trials));
        }
        System.out.printf(Locale.ROOT, "BEFORE (per-finger sketches, measured to the end): master secret recovered for "
                        + "%d of %d victims within the dictionary; trials per finger and total:%s%n  mean %.0f trials and %.1f ms CPU per "
                        + "victim (%.1f us per trial: features at the victim's mask + BCH(255) decode + MAC)%n%n",
                recovered, victims, perVictim, (double) totalTrials / victims, totalCpu / 1e6 / victims,
                totalCpu / 1e3 / totalTrials);
    }

    private void after(int victims, long trialBudget) {
        FusedCode layout = FusedCode.forFingers(Evaluation.FINGERS);
        int b = layout.bitsPerFinger();
        ReliableBits features = engine.extractor().features();
        int[] histogram = new int[b + 1];
        long[] partial = new long[4]; // successes with 3 genuine + 1 dictionary, 2 + 2, 1 + 3, 0 + 4
        long[] partialTrials = new long[4];
        FusedHelperData firstHelper = null;
        long[][][] firstBits = null;
        StringBuilder victimT = new StringBuilder();
        for (int v = 0; v < victims; v++) {
            List<FingerScan> enrollScans = victimScans(v, 1);
            Enrollment enrolled = engine.enroll(Evaluation.WALLET, Evaluation.NETWORK, enrollScans);
            FusedHelperData helper = enrolled.helper();
            victimT.append(v == 0 ? "" : ", ").append(helper.t());
            // the evaluator (not the attacker) knows w, to measure distances
            long[][] w = new long[Evaluation.FINGERS][Bits.words(b)];
            long[][] masks = new long[Evaluation.FINGERS][];
            long[][][] dict = new long[Evaluation.FINGERS][DICTIONARY][Bits.words(b)];
            List<FingerScan> fresh = victimScans(v, 2);
            long[][] genuine = new long[Evaluation.FINGERS][Bits.words(b)];
            for (int f = 0; f < Evaluation.FINGERS; f++) {
                masks[f] = new long[Bits.words(features.cells())];
                features.enroll(enrollScans.get(f).minutiae(), b, masks[f], w[f]);
                features.reproduce(fresh.get(f).minutiae(), masks[f], genuine[f]);
                for (int j = 0; j < DICTIONARY; j++) {
                    features.reproduce(dictionary.get(j), masks[f], dict[f][j]);
                    histogram[Bits.distance(w[f], dict[f][j])]++;
                }
            }
            // the victim's own code: Gen chose its t from the ladder (ErrorBudget)
            BchCode.Workspace ws = engine.extractor().codeOf(helper).code().newWorkspace();
            SplittableRandom random = new SplittableRandom(seed * 6_000_011L + v);
            for (int known = 3; known >= 0; known--) {
                int tries = known == 3 ? DICTIONARY : 5_000;
                for (int i = 0; i < tries; i++) {
                    long[][] blocks = new long[Evaluation.FINGERS][];
                    for (int f = 0; f < Evaluation.FINGERS; f++) {
                        // the genuine fingers are the first `known`; the others come from the dictionary
                        blocks[f] = f < known ? genuine[f] : dict[f][known == 3 ? i : random.nextInt(DICTIONARY)];
                    }
                    partial[3 - known] += attempt(helper, blocks, b, ws) ? 1 : 0;
                    partialTrials[3 - known]++;
                }
            }
            if (v == 0) {
                firstHelper = helper;
                firstBits = dict;
            }
        }
        System.out.printf(Locale.ROOT, "AFTER (fused sketch %s at the default t, one MAC; the victims' t chosen at Gen: "
                        + "%s): partial guesses, measured over %d victims:%n"
                        + "  3 genuine fingers + 1 dictionary finger: %s recover (this is a full guess: the 4th must "
                        + "fall within what the 3 genuine ones leave of t)%n  2 genuine + 2 dictionary: %s%n"
                        + "  1 genuine + 3 dictionary: %s%n  0 genuine + 4 dictionary: %s%n"
                        + "  checks on one finger's bits alone: %d (the sketch restricted to one finger is uniformly "
                        + "random); on 3 of 4: %d%n", layout.code(), victimT, victims, Evaluation.rate(partial[0], partialTrials[0]),
                Evaluation.rate(partial[1], partialTrials[1]), Evaluation.rate(partial[2], partialTrials[2]),
                Evaluation.rate(partial[3], partialTrials[3]), layout.localChecks(1),
                layout.localChecks(Evaluation.FINGERS - 1));
        fullGuess(firstHelper, firstBits, b, trialBudget, histogram, engine.extractor().codeOf(firstHelper));

    }

    private void fullGuess(FusedHelperData helper, long[][][] dict, int b, long budget, int[] histogram,
                           FusedCode layout) {
        BchCode.Workspace ws = layout.code().newWorkspace();
        long successes = 0;
        long t0 = Evaluation.THREADS.getCurrentThreadCpuTime();
        int side = (int) Math.min(DICTIONARY, Math.ceil(Math.pow(budget, 0.25)) + 1);
        long trials = 0;
        outer:
        for (int a = 0; a < side; a++) {
            for (int c = 0; c < side; c++) {
                for (int d = 0; d < side; d++) {
                    for (int e = 0; e < side; e++) {
                        if (trials++ >= budget) {
                            break outer;
                        }
                        successes += attempt(helper, new long[][] {dict[0][a], dict[1][c], dict[2][d], dict[3][e]}, b,
                                ws) ? 1 : 0;
                    }
                }
            }
        }
        trials = Math.min(trials, budget);
        double perTrial = (Evaluation.THREADS.getCurrentThreadCpuTime() - t0) / 1e3 / trials;
        long samples = Arrays.stream(histogram).asLongStream().sum();
        double[] pmf = new double[histogram.length];
        for (int d = 0; d < histogram.length; d++) {
            pmf[d] = histogram[d] / (double) samples;
        }
        double[] sum = {1.0};
        for (int f = 0; f < Evaluation.FINGERS; f++) {
            sum = FusedStudy.convolve(sum, pmf);
        }
        double p = 0;
        for (int d = 0; d <= layout.code().t(); d++) {
            p += sum[d];
        }
        double within42 = 0;
        for (int d = 0; d <= 42; d++) {
            within42 += pmf[d];
        }
        System.out.printf(Locale.ROOT, "  full guesses, measured on victim 0: %d of %d dictionary tuples recovered the "
                        + "secret; %.2f us CPU per trial (XOR of precomputed bits + decode + MAC on success)%n"
                        + "  per-finger distance of dictionary fingers at the victims' masks (%d samples): P(d <= 42) = "
                        + "%.3f%% (the per-finger design's hit rate, about 1 in %.0f)%n"
                        + "  P(sum of 4 <= t = %d) = %.2e (convolution of that pooled distribution, fingers "
                        + "independent)%n  => expected full-guess trials (extrapolated): %.2e, %.2f CPU-hours at the "
                        + "measured trial cost; the same distribution gives 4 x 1/P(d <= 42) = %.0f trials for the "
                        + "per-finger design%n%n",
                successes, trials, perTrial, samples, 100 * within42, 1 / within42, layout.code().t(), p, 1 / p,
                perTrial / p / 3.6e9, 4 / within42);
    }

    private boolean attempt(FusedHelperData helper, long[][] blocks, int b, BchCode.Workspace ws) {
        long[] word = new long[Bits.words(blocks.length * b)];
        for (int f = 0; f < blocks.length; f++) {
            Bits.insert(blocks[f], word, f * b, b);
        }
        return engine.extractor().reproduceFromBits(Evaluation.CONTEXT, helper, word, ws).isPresent();
    }

    private List<FingerScan> victimScans(int victim, int impression) {
        SplittableRandom random = new SplittableRandom(seed * 7_000_003L + victim * 31L + impression);
        return Evaluation.impressions(people, VICTIM_BASE + victim, NoiseModel.DEFAULT, random);
    }
}
