package org.biodid.identity;

import java.time.Instant;
import java.util.List;

/**
 * The result of a verification that reached a decision.
 *
 * @param verified       whether the subject is verified
 * @param did            the subject's DID
 * @param walletAddress  the subject's controlling wallet
 * @param method         {@code fingers} or {@code biometric_hash}
 * @param matchedFingers wire names of the fingers that matched
 * @param reason         {@code null} when verified, else {@code no_match} or {@code revoked}
 * @param checkedAt      when it was decided (milliseconds)
 */
public record Verification(boolean verified,
                           String did,
                           String walletAddress,
                           String method,
                           List<String> matchedFingers,
                           String reason,
                           Instant checkedAt) {
}
