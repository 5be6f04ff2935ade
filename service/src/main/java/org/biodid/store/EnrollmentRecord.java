package org.biodid.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One enrolled DID as stored: the public outputs of enrollment, never the minutiae.
 *
 * @param did           the DID, {@code did:cardano:<network>:<id>}
 * @param walletAddress controlling wallet (bech32)
 * @param network       Cardano network name
 * @param commitment    commitment to the biometric master secret
 * @param proofKey      key that checks client proofs (derived from the master secret), may be {@code null}
 * @param idHash        public identity hash
 * @param helperData    helper data per finger, as JSON (confidential: sealed at rest, never logged)
 * @param createdAt     when it was enrolled
 * @param revokedAt     when it was revoked, or {@code null} while active
 */
public record EnrollmentRecord(String did,
                               String walletAddress,
                               String network,
                               byte[] commitment,
                               byte[] proofKey,
                               String idHash,
                               String helperData,
                               Instant createdAt,
                               Instant revokedAt) {

    /**
     * The same enrollment, revoked.
     *
     * @param at revocation time
     * @return revoked copy
     */
    public EnrollmentRecord revokedAt(Instant at) {
        return new EnrollmentRecord(did, walletAddress, network, commitment, proofKey, idHash, helperData, createdAt,
                                    at);
    }

    /**
     * @return whether the DID has been revoked
     */
    public boolean revoked() {
        return revokedAt != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnrollmentRecord e
                && did.equals(e.did)
                && walletAddress.equals(e.walletAddress)
                && network.equals(e.network)
                && Arrays.equals(commitment, e.commitment)
                && Arrays.equals(proofKey, e.proofKey)
                && idHash.equals(e.idHash)
                && helperData.equals(e.helperData)
                && createdAt.equals(e.createdAt)
                && Objects.equals(revokedAt, e.revokedAt);
    }

    @Override
    public int hashCode() {
        return did.hashCode();
    }

    @Override
    public String toString() {
        // No helper data or commitment in logs.
        return "Enrollment[" + did + ", revoked=" + revoked() + "]";
    }
}
