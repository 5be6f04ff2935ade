package org.biodid.compat;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.biodid.did.Network;

/**
 * Everything the original generate answers, derived from a request.
 *
 * @param did                 the DID
 * @param idHash              the id hash of the helper map
 * @param walletAddress       the wallet address
 * @param helpers             helper entries by finger id, in order of first appearance
 * @param storage             where the client keeps the helper data
 * @param enrollmentTimestamp Python {@code isoformat()} of the enrollment time
 * @param txHash              the original's simulated transaction hash over did, timestamp and id hash
 */
public record CompatEnrollment(String did,
                         String idHash,
                         String walletAddress,
                         Map<String, HelperEntry> helpers,
                         HelperStorage storage,
                         String enrollmentTimestamp,
                         String txHash) {

    /**
     * Creates an enrollment.
     *
     * @param did                 the DID
     * @param idHash              the id hash
     * @param walletAddress       the wallet address
     * @param helpers             the helper map
     * @param storage             the helper storage
     * @param enrollmentTimestamp the timestamp text
     * @param txHash              the simulated transaction hash
     */
    public CompatEnrollment {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(walletAddress, "walletAddress");
        helpers = Collections.unmodifiableMap(new LinkedHashMap<>(helpers));
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(enrollmentTimestamp, "enrollmentTimestamp");
        Objects.requireNonNull(txHash, "txHash");
    }

    /**
     * Derives the enrollment the original generate answers.
     *
     * @param request the validated request
     * @param network the configured network
     * @param now     the enrollment time
     * @return the enrollment
     */
    public static CompatEnrollment derive(GenerateRequest request, Network network, Instant now) {
        byte[] commitment = CompatDerivation.commitment(request.walletAddress(), request.fingers());
        Map<String, HelperEntry> helpers = CompatDerivation.helpers(request.fingers());
        String did = CompatDerivation.did(commitment, network).toString();
        String idHash = CompatDerivation.idHash(helpers);
        String timestamp = PythonTimestamps.isoformat(now);
        return new CompatEnrollment(did, idHash, request.walletAddress(), helpers, request.storage(), timestamp,
                              CompatDerivation.txHash(did, timestamp, idHash));
    }
}
