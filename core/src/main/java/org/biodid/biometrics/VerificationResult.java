package org.biodid.biometrics;

import java.util.List;

/**
 * Result of a verification.
 *
 * @param verified          whether the policy is satisfied (and, under the all-fingers policy, the commitment
 *                          matches)
 * @param matched           fingers whose key was reproduced, in finger order
 * @param unmatched         enrolled fingers that were not reproduced or not presented, in finger order
 * @param commitmentMatches whether all fingers reproduced and the recomputed commitment equals the stored one
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
