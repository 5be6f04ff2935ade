package org.biodid.biometrics;

/**
 * How many enrolled fingers must reproduce for a verification to succeed.
 * <p>
 * The default, {@link #ALL}, requires every enrolled finger and additionally recomputes the master secret and
 * compares its commitment. With {@link #atLeast(int)} k of n, the fingers are checked one by one (each
 * finger's helper MAC proves its key was reproduced) and the commitment cannot be recomputed unless all
 * reproduce. The security consequence: an attacker then needs only the k fingers that are easiest for them,
 * so the effective entropy drops to that of the k weakest fingers, and false accepts grow by the number of
 * k-subsets, C(n, k).
 *
 * @param minimumFingers fingers that must reproduce; 0 means all enrolled fingers
 */
public record VerificationPolicy(int minimumFingers) {

    /** Every enrolled finger must reproduce. */
    public static final VerificationPolicy ALL = new VerificationPolicy(0);

    /**
     * Canonical constructor.
     *
     * @param minimumFingers 0 (all) or 1..10
     */
    public VerificationPolicy {
        if (minimumFingers < 0 || minimumFingers > FingerId.values().length) {
            throw new IllegalArgumentException("minimumFingers must be 0 (all) or 1..10");
        }
    }

    /**
     * A k-of-n policy.
     *
     * @param k fingers that must reproduce
     * @return the policy
     */
    public static VerificationPolicy atLeast(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        return new VerificationPolicy(k);
    }

    /**
     * Whether every finger is required.
     *
     * @return true for {@link #ALL}
     */
    public boolean requiresAll() {
        return minimumFingers == 0;
    }

    /**
     * Fingers required out of the enrolled count.
     *
     * @param enrolled enrolled finger count
     * @return required count
     */
    public int required(int enrolled) {
        return requiresAll() ? enrolled : Math.min(minimumFingers, enrolled);
    }
}
