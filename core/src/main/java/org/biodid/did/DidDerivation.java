package org.biodid.did;

import java.util.Objects;

import org.biodid.crypto.Blake2b;

/**
 * Derives a DID from a commitment: {@code did:cardano:<network>:} + Base58(BLAKE2b-256(commitment)),
 * the derivation of the original toolkit's {@code generate_deterministic_did}.
 */
public final class DidDerivation {

    private DidDerivation() {
    }

    /**
     * Derives the DID of the new API, which names the real network ({@code preprod} stays
     * {@code preprod}).
     *
     * @param commitment the commitment bytes, not empty
     * @param network    the network
     * @return the DID
     */
    public static CardanoDid derive(byte[] commitment, Network network) {
        Objects.requireNonNull(network, "network");
        return CardanoDid.ofDigest(network, digest(commitment));
    }

    /**
     * Derives the DID exactly as the original toolkit writes it: test networks are written as
     * {@code testnet} (see {@link Network#compatDidName()}).
     *
     * @param commitment the commitment bytes, not empty
     * @param network    the configured network
     * @return the DID, naming {@code mainnet} or {@code testnet}
     */
    public static CardanoDid deriveCompat(byte[] commitment, Network network) {
        Objects.requireNonNull(network, "network");
        return CardanoDid.ofDigest(Network.find(network.compatDidName()), digest(commitment));
    }

    private static byte[] digest(byte[] commitment) {
        Objects.requireNonNull(commitment, "commitment");
        if (commitment.length == 0) {
            // The original raises here too: an empty commitment would give one shared DID.
            throw new IllegalArgumentException("Commitment must not be empty");
        }
        return Blake2b.hash(CardanoDid.DIGEST_BYTES, commitment);
    }
}
