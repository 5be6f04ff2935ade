package org.biodid.biometrics;

import java.util.List;

/**
 * Result of a verification.
 *
 * With the fused sketch there is no per-finger outcome: on success every enrolled finger is in {@code matched},
 * on failure every enrolled finger is in {@code unmatched}, whichever fingers were close.
 *
 * @param verified          whether the master secret was reproduced and its commitment equals the stored one
 * @param matched           every enrolled finger on success, none on failure, in finger order
 * @param unmatched         every enrolled finger on failure, none on success, in finger order
 * @param commitmentMatches the same as {@code verified} (kept for callers of the per-finger design)
 */
public record VerificationResult(boolean verified, List<FingerId> matched, List<FingerId> unmatched,
                                 boolean commitmentMatches) {

    /**
     * Canonical constructor; copies.
     *
     * @param verified          verified
     * @param matched           matched
     * @param unmatched         unmatched
     * @param commitmentMatches commitment matches
     */
    public VerificationResult {
        matched = List.copyOf(matched);
        unmatched = List.copyOf(unmatched);
    }
}
