package org.biodid.biometrics.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

import org.biodid.biometrics.BiometricEngine;
import org.biodid.biometrics.Enrollment;
import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.FingerScan;
import org.biodid.biometrics.FusedCode;
import org.biodid.biometrics.Minutia;
import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;

/**
 * Fused false accept and false reject rates per enrolled finger count (the service accepts 2&ndash;10 fingers;
 * {@link Evaluation}'s accuracy part measures 4). For each finger count F: {@code victims} synthetic people
 * enroll their first F fingers ({@link FingerId} order) from one impression each; each is verified once with fresh
 * impressions of the same fingers (FRR), and attacked by impostors under two samplings:
 * <ul>
 * <li><b>(a) fresh impostor per attempt</b>: every attempt brings F fingers of a new, never-enrolled person
 * against victim {@code attempt % victims}; attempts are independent, so accepts/attempts is the per-attempt FAR
 * and its binomial bound holds;</li>
 * <li><b>(b) fixed impostor per victim</b>: victim v faces one never-enrolled person, {@code impostors / victims}
 * fresh impressions of it; attempts of a pair are correlated, so this estimates the same mean but shows how
 * concentrated the accepts are (near-twin pairs at the code level), and the binomial bound does not apply.</li>
 * </ul>
 * Finger {@code f} of person {@code p} is master {@code p * 10 + f.ordinal()}, as
 * {@link SyntheticFingerprints#person}; victims are people 0&hellip;victims&minus;1, the fixed impostors people
 * 2<sup>40</sup> + v, the fresh ones 2<sup>41</sup> + attempt. So the first fingers of a victim and of its fixed
 * impostor are the same people at every finger count. Every attempt has its own seeded random stream: the
 * results do not depend on the number of threads.
 */
final class FingerCountAccuracy {

    private static final long FIXED_IMPOSTORS = 1L << 40;
    private static final long FRESH_IMPOSTORS = 1L << 41;
    /** Per-finger impostor rate of the per-finger design, the basis of the parity rule for t (FusedCode). */
    private static final double PER_FINGER_FAR = 0.018;
    private static final int LISTED = 16;

    private final BiometricEngine engine;
    private final SyntheticFingerprints people;
    private final NoiseModel noise = NoiseModel.DEFAULT;
    private final long seed;

    FingerCountAccuracy(BiometricEngine engine, long seed) {
        this.engine = engine;
        this.people = new SyntheticFingerprints(seed);
        this.seed = seed;
    }

    /**
     * Outcome of one impostor design at one finger count: accepts per victim (in design (b) a victim is one
     * pair), and the pairs: their number, attempts each, how many accepted at least once, the worst one's accepts;
     * in design (a) also the accepted attempts.
     */
    private record Far(String design, long attempts, int[] victimAccepts, int perVictim, int pairs, int perPair,
                       int pairsHit, int worstPair, int[] acceptedAttempts) {

        int accepts() {
            return Arrays.stream(victimAccepts).sum();
        }

        int victimsHit() {
            return (int) Arrays.stream(victimAccepts).filter(a -> a > 0).count();
        }

        int worstVictim() {
            return Arrays.stream(victimAccepts).max().orElse(0);
        }
    }

    void run(int[] fingerCounts, int victims, int impostors) {
        int perPair = Math.max(1, impostors / victims);
        System.out.printf(Locale.ROOT, "Fused FAR and FRR per finger count: seed %d, default noise, %d victims per "
                + "finger count, each enrolled from one impression of its first F fingers; genuine: one fresh "
                + "impression per victim; impostors: (a) %d attempts, a fresh never-enrolled person each, (b) %d "
                + "attempts, one fixed never-enrolled person per victim, %d impressions of it%n%n", seed, victims,
                impostors, (long) victims * perPair, perPair);
        System.out.println("| fingers | code (n, k, t) | design budget (1.8 %)^F | genuine | FRR | FRR 95 % upper |");
        System.out.println("|---|---|---|---|---|---|");
        List<Far> results = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int fingers : fingerCounts) {
            FusedCode layout = FusedCode.forFingers(fingers);
            List<FingerId> ids = Arrays.asList(FingerId.values()).subList(0, fingers);
            List<List<List<Minutia>>> masters = new ArrayList<>(victims);
            for (int v = 0; v < victims; v++) {
                masters.add(null);
            }
            Enrollment[] enrolled = new Enrollment[victims];
            int[] rejects = new int[victims];
            IntStream.range(0, victims).parallel().forEach(v -> {
                masters.set(v, masters(v, ids));
                enrolled[v] = engine.enroll(Evaluation.WALLET, Evaluation.NETWORK,
                        scans(masters.get(v), ids, random(fingers, 1, v)));
                rejects[v] = accepted(enrolled[v], scans(masters.get(v), ids, random(fingers, 2, v))) ? 0 : 1;
            });
            int genuineRejects = Arrays.stream(rejects).sum();
            System.out.printf(Locale.ROOT, "| %d | (%d, %d, %d) | %.1e | %d | %s | %.1e |%n", fingers,
                    layout.length(), layout.code().k(), layout.code().t(), Math.pow(PER_FINGER_FAR, fingers),
                    victims, Evaluation.rate(genuineRejects, victims), upperBound(genuineRejects, victims));
            results.add(fresh(fingers, ids, enrolled, impostors));
            results.add(fixed(fingers, ids, enrolled, perPair));
            counts.add(fingers);
            counts.add(fingers);
        }
        System.out.println();
        System.out.println("| fingers | impostor sampling | attempts | accepts | FAR | FAR 95 % upper "
                + "| victim-impostor pairs x attempts | pairs with >= 1 accept | worst pair | victims with >= 1 accept "
                + "| worst victim |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (int i = 0; i < results.size(); i++) {
            Far r = results.get(i);
            System.out.printf(Locale.ROOT, "| %d | %s | %d | %d | %.2e | %s | %d x %d | %d | %d/%d | %d | %d/%d |%n",
                    counts.get(i), r.design(), r.attempts(), r.accepts(), (double) r.accepts() / r.attempts(),
                    r.perPair() == 1 ? String.format(Locale.ROOT, "%.1e", upperBound(r.accepts(), r.attempts()))
                            : "n/a (correlated)", r.pairs(), r.perPair(), r.pairsHit(), r.worstPair(), r.perPair(),
                    r.victimsHit(), r.worstVictim(), r.perVictim());
        }
        System.out.println();
        System.out.println("FAR 95 % upper: one-sided exact binomial (Clopper-Pearson) bound; with 0 accepts the rule "
                + "of three, 3/attempts.");
        for (int i = 0; i < results.size(); i++) {
            listVictims(counts.get(i), results.get(i));
        }
        System.out.println();
    }

    /** (a) A fresh impostor person per attempt, against victim {@code attempt % victims}. */
    private Far fresh(int fingers, List<FingerId> ids, Enrollment[] enrolled, int attempts) {
        int victims = enrolled.length;
        AtomicIntegerArray accepts = new AtomicIntegerArray(victims);
        int[] accepted = IntStream.range(0, attempts).parallel().filter(a -> {
            List<FingerScan> scans = scans(masters(FRESH_IMPOSTORS + a, ids), ids, random(fingers, 3, a));
            boolean ok = accepted(enrolled[a % victims], scans);
            if (ok) {
                accepts.incrementAndGet(a % victims);
            }
            return ok;
        }).toArray();
        // every attempt is its own pair: pairs that accepted = accepts, the worst pair 1 of 1
        return new Far("(a) fresh person per attempt", attempts, toArray(accepts), (attempts + victims - 1) / victims,
                attempts, 1, accepted.length, Math.min(accepted.length, 1), accepted);
    }

    /** (b) One fixed impostor person per victim, {@code perPair} fresh impressions of it. */
    private Far fixed(int fingers, List<FingerId> ids, Enrollment[] enrolled, int perPair) {
        int victims = enrolled.length;
        AtomicIntegerArray accepts = new AtomicIntegerArray(victims);
        IntStream.range(0, victims).parallel().forEach(v -> {
            List<List<Minutia>> impostor = masters(FIXED_IMPOSTORS + v, ids);
            SplittableRandom random = random(fingers, 4, v);
            for (int k = 0; k < perPair; k++) {
                if (accepted(enrolled[v], scans(impostor, ids, random))) {
                    accepts.incrementAndGet(v);
                }
            }
        });
        int[] victimAccepts = toArray(accepts);
        int worst = Arrays.stream(victimAccepts).max().orElse(0);
        return new Far("(b) fixed person per victim", (long) victims * perPair, victimAccepts, perPair, victims,
                perPair, (int) Arrays.stream(victimAccepts).filter(a -> a > 0).count(), worst, new int[0]);
    }

    /** The victims that accepted an impostor, most accepts first (to replay them). */
    private void listVictims(int fingers, Far r) {
        if (r.accepts() == 0) {
            return;
        }
        int[] counts = r.victimAccepts();
        Integer[] order = IntStream.range(0, counts.length).filter(v -> counts[v] > 0).boxed()
                .sorted((x, y) -> Integer.compare(counts[y], counts[x])).toArray(Integer[]::new);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%d fingers, %s: victims that accepted "
                + "(person v: accepts/attempts against it%s):", fingers, r.design(), r.perPair() == 1 ? ""
                : ", all from impostor person 2^40 + v"));
        for (int i = 0; i < Math.min(LISTED, order.length); i++) {
            line.append(String.format(Locale.ROOT, " v=%d %d/%d", order[i], counts[order[i]], r.perVictim()));
        }
        line.append(order.length > LISTED ? " ..." : "");
        if (r.acceptedAttempts().length > 0) {
            line.append("; accepted attempts a (impostor person 2^41 + a, victim a mod victims):");
            for (int i = 0; i < Math.min(LISTED, r.acceptedAttempts().length); i++) {
                line.append(' ').append(r.acceptedAttempts()[i]);
            }
            line.append(r.acceptedAttempts().length > LISTED ? " ..." : "");
        }
        System.out.println(line);
    }

    private boolean accepted(Enrollment target, List<FingerScan> scans) {
        return engine.verify(Evaluation.WALLET, Evaluation.NETWORK, target.helper(), target.commitment(), scans)
                .verified();
    }

    private List<List<Minutia>> masters(long person, List<FingerId> ids) {
        List<List<Minutia>> out = new ArrayList<>(ids.size());
        for (FingerId id : ids) {
            out.add(people.master(person * 10 + id.ordinal()));
        }
        return out;
    }

    private List<FingerScan> scans(List<List<Minutia>> masters, List<FingerId> ids, SplittableRandom random) {
        List<FingerScan> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            out.add(new FingerScan(ids.get(i), SyntheticFingerprints.impression(masters.get(i), noise, random)));
        }
        return out;
    }

    /** The random stream of one use (1 enroll, 2 genuine, 3 fresh impostor, 4 fixed impostor) of one index. */
    private SplittableRandom random(int fingers, int use, long index) {
        return new SplittableRandom(seed * 7_000_003L + fingers * 0x9E3779B97F4A7C15L + use * 0xBF58476D1CE4E5B9L
                + index * 0x94D049BB133111EBL);
    }

    private static int[] toArray(AtomicIntegerArray counts) {
        int[] out = new int[counts.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = counts.get(i);
        }
        return out;
    }

    /**
     * One-sided 95 % upper confidence bound of a binomial proportion: the rule of three, 3/n, for no event;
     * otherwise the exact (Clopper&ndash;Pearson) bound, the p at which P(X &le; events) = 5 %.
     *
     * @param events events observed
     * @param trials independent trials
     * @return the bound
     */
    static double upperBound(long events, long trials) {
        if (events == 0) {
            return 3.0 / trials;
        }
        if (events >= trials) {
            return 1.0;
        }
        double low = (double) events / trials;
        double high = 1.0;
        for (int i = 0; i < 100; i++) {
            double p = (low + high) / 2;
            if (binomialCdf(events, trials, p) > 0.05) {
                low = p;
            } else {
                high = p;
            }
        }
        return high;
    }

    /** P(X &le; k) for X ~ Binomial(n, p), summed in log space. */
    private static double binomialCdf(long k, long n, double p) {
        double logTerm = n * Math.log1p(-p);
        double logRatio = Math.log(p) - Math.log1p(-p);
        double[] logs = new double[(int) k + 1];
        double max = logTerm;
        for (int i = 0; i <= k; i++) {
            logs[i] = logTerm;
            max = Math.max(max, logTerm);
            logTerm += Math.log((double) (n - i)) - Math.log(i + 1.0) + logRatio;
        }
        double sum = 0;
        for (double l : logs) {
            sum += Math.exp(l - max);
        }
        return Math.exp(max + Math.log(sum));
    }
}
