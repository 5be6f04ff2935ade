package org.biodid.biometrics;

import java.util.HexFormat;
import java.util.Objects;

/**
 * Result of an enrollment.
 *
 * @param helper     helper data of the fused sketch over all enrolled fingers; confidential (whoever holds it
 *                   can guess all fingers at once offline): return it to the enrolling wallet, never publish it
 * @param commitment 32-byte commitment; the DID derives from it ({@code org.biodid.did})
 * @param idHash     32-byte public identifier hash
 * @param proofKey   32-byte secret verifier of client proofs; store it server-side, never publish it
 */
public record Enrollment(FusedHelperData helper, byte[] commitment, byte[] idHash, byte[] proofKey) {

    /**
     * Canonical constructor; copies.
     *
     * @param helper     helper data
     * @param commitment commitment
     * @param idHash     id hash
     * @param proofKey   proof key
     */
    public Enrollment {
        Objects.requireNonNull(helper, "helper");
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
        return "Enrollment[fingers=" + helper.fingers() + ", id_hash=" + idHashHex() + "]";
    }
}
