package org.biodid.biometrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Result of an enrollment.
 *
 * @param helpers    per-finger public helper data
 * @param commitment 32-byte commitment; the DID derives from it ({@code org.biodid.did})
 * @param idHash     32-byte public identifier hash
 * @param proofKey   32-byte secret verifier of client proofs; store it server-side, never publish it
 */
public record Enrollment(Map<FingerId, HelperData> helpers, byte[] commitment, byte[] idHash, byte[] proofKey) {

    /**
     * Canonical constructor; copies.
     *
     * @param helpers    helpers
     * @param commitment commitment
     * @param idHash     id hash
     * @param proofKey   proof key
     */
    public Enrollment {
        helpers = Collections.unmodifiableMap(new EnumMap<>(helpers));
        commitment = commitment.clone();
        idHash = idHash.clone();
        proofKey = proofKey.clone();
    }

    /**
     * The id_hash as lower-case hex.
     *
     * @return hex
     */
    public String idHashHex() {
        return HexFormat.of().formatHex(idHash);
    }

    @Override
    public byte[] commitment() {
        return commitment.clone();
    }

    @Override
    public byte[] idHash() {
        return idHash.clone();
    }

    @Override
    public byte[] proofKey() {
        return proofKey.clone();
    }

    @Override
    public String toString() {
        return "Enrollment[fingers=" + helpers.keySet() + ", id_hash=" + idHashHex() + "]";
    }
}
