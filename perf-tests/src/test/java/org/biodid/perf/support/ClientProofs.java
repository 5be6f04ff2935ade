package org.biodid.perf.support;

import java.util.List;
import java.util.Optional;

import org.biodid.biometrics.BiometricEngine;
import org.biodid.biometrics.ClientProof;
import org.biodid.biometrics.FingerScan;
import org.biodid.biometrics.FusedHelperData;
import org.biodid.biometrics.SubjectContext;

/**
 * The wallet's side of the {@code biometric_hash} verification form, with the project's own client code
 * ({@code org.biodid.biometrics}): reproduce the proof key from the helper data the wallet kept and a fresh capture, then
 * prove a (wallet, network, timestamp) with it.
 */
public final class ClientProofs {

    private final BiometricEngine engine = BiometricEngine.create();

    /**
     * Reproduce the proof key, as a wallet does after a fresh scan.
     *
     * @param identity the enrolled identity (wallet and helper data)
     * @param network network
     * @param fresh fresh scans of every enrolled finger
     * @return the key, or empty when a finger did not reproduce (the user would scan again)
     */
    public Optional<byte[]> reproduceProofKey(IdentityPool.Enrolled identity, String network, List<FingerScan> fresh) {
        return engine.reproduceProofKey(identity.wallet(), network,
                                        FusedHelperData.fromBase64Url("helpers", identity.helper()), fresh);
    }

    /**
     * The proof for a timestamp, as 64 hex characters.
     *
     * @param proofKey reproduced key
     * @param wallet wallet address
     * @param network network
     * @param timestamp epoch seconds
     * @return {@code biometric_hash}
     */
    public static String proof(byte[] proofKey, String wallet, String network, long timestamp) {
        return Dids.hex(ClientProof.create(proofKey, new SubjectContext(wallet, network), timestamp));
    }
}
