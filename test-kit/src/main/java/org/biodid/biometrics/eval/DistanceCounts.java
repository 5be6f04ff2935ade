package org.biodid.biometrics.eval;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Hamming distances between enrolled and probe bits, counted per value: one finger's distance (0 &hellip; b) and an
 * identity's total over its fingers (0 &hellip; F &times; b), the number the fused code compares with t (it recovers
 * exactly when the total is within t). Thread-safe while counting.
 */
final class DistanceCounts {

    private final AtomicLongArray finger;
    private final AtomicLongArray identity;

    DistanceCounts(int bitsPerFinger, int fingers) {
        this.finger = new AtomicLongArray(bitsPerFinger + 1);
        this.identity = new AtomicLongArray(fingers * bitsPerFinger + 1);
    }

    void add(int[] fingerDistances) {
        int total = 0;
        for (int d : fingerDistances) {
            finger.incrementAndGet(d);
            total += d;
        }
        identity.incrementAndGet(total);
    }

    long fingers() {
        return sum(finger, 0, finger.length() - 1);
    }

    long identities() {
        return sum(identity, 0, identity.length() - 1);
    }

    /** Fingers whose distance is at most {@code t}. */
    long fingersWithin(int t) {
        return sum(finger, 0, Math.min(t, finger.length() - 1));
    }

    /** Identities whose total distance is at most {@code t}. */
    long identitiesWithin(int t) {
        return sum(identity, 0, Math.min(t, identity.length() - 1));
    }

    /** Smallest total distance seen, or -1 when none. */
    int smallestTotal() {
        for (int d = 0; d < identity.length(); d++) {
            if (identity.get(d) > 0) {
                return d;
            }
        }
        return -1;
    }

    /** The smallest total distance that at least {@code share} of the identities do not exceed. */
    int totalQuantile(double share) {
        long need = (long) Math.ceil(share * identities());
        long seen = 0;
        for (int d = 0; d < identity.length(); d++) {
            seen += identity.get(d);
            if (seen >= need) {
                return d;
            }
        }
        return identity.length() - 1;
    }

    /** Share of fingers within each threshold 0 &hellip; b: an accept rate for impostors, 1 &minus; FRR for genuine. */
    double[] fingerShareWithin() {
        double[] out = new double[finger.length()];
        long total = fingers();
        long seen = 0;
        for (int d = 0; d < out.length; d++) {
            seen += finger.get(d);
            out[d] = total == 0 ? 0 : (double) seen / total;
        }
        return out;
    }

    /**
     * Per-finger equal error rate of genuine against impostor distances (accept when the distance is at most the
     * threshold), linearly interpolated between the two integer thresholds where the rates cross.
     *
     * @param genuine  genuine distances
     * @param impostor impostor distances
     * @return the rate where false rejects and false accepts are equal
     */
    static double equalErrorRate(DistanceCounts genuine, DistanceCounts impostor) {
        double[] accepted = genuine.fingerShareWithin();
        double[] far = impostor.fingerShareWithin();
        double previousFrr = 1;
        double previousFar = 0;
        for (int t = 0; t < far.length; t++) {
            double frr = 1 - accepted[t];
            if (far[t] >= frr) {
                // (frr - far) falls from previous to current: where does it cross zero
                double before = previousFrr - previousFar;
                double after = frr - far[t];
                double x = before / (before - after);
                return previousFar + x * (far[t] - previousFar);
            }
            previousFrr = frr;
            previousFar = far[t];
        }
        return 0.5;
    }

    private static long sum(AtomicLongArray counts, int from, int to) {
        long s = 0;
        for (int i = from; i <= to; i++) {
            s += counts.get(i);
        }
        return s;
    }
}
