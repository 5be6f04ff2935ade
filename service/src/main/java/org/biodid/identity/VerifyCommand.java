package org.biodid.identity;

import java.util.List;

import org.biodid.biometrics.FingerScan;
import org.biodid.did.CardanoDid;
import org.biodid.did.WalletAddress;

/**
 * A checked verification request: the subject by wallet or DID (at least one), and exactly one of {@code fingers}
 * and {@code proof}.
 *
 * @param wallet    subject by wallet, or {@code null}
 * @param did       subject by DID, or {@code null}
 * @param timestamp epoch seconds claimed by the client
 * @param fingers   fresh scan, or {@code null}
 * @param proof     client proof ({@code biometric_hash}), or {@code null}
 */
public record VerifyCommand(WalletAddress wallet, CardanoDid did, long timestamp, List<FingerScan> fingers,
                            byte[] proof) {
}
