package org.biodid.compat;

import java.util.List;

/**
 * The result of the original verify ({@code VerifyResponse}).
 *
 * @param success          whether the helper hash matched and enough fingers matched
 * @param matchedFingers   submitted finger ids present in the helper map, in request order
 * @param unmatchedFingers the other submitted finger ids, in request order
 * @param error            {@code null} on success, else {@value CompatDerivation#HASH_MISMATCH} or
 *                         {@value CompatDerivation#INSUFFICIENT_MATCHES}
 */
public record VerifyOutcome(boolean success, List<String> matchedFingers, List<String> unmatchedFingers, String error) {

    /**
     * Creates an outcome.
     *
     * @param success          whether verification succeeded
     * @param matchedFingers   matched finger ids
     * @param unmatchedFingers unmatched finger ids
     * @param error            the original's error string or {@code null}
     */
    public VerifyOutcome {
        matchedFingers = List.copyOf(matchedFingers);
        unmatchedFingers = List.copyOf(unmatchedFingers);
    }
}
