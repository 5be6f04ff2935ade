package org.biodid.identity;

import java.util.List;

import org.biodid.biometrics.FingerScan;
import org.biodid.did.Network;
import org.biodid.did.WalletAddress;
import org.biodid.wallet.DataSignature;

/**
 * A checked enrollment request.
 *
 * @param wallet  controlling wallet
 * @param network network, agreeing with the wallet
 * @param fingers distinct, valid fingers: 4–10 unless {@code APP_ENROLL_MIN_FINGERS} lowers the minimum (2 at least)
 * @param walletSignature the wallet's CIP-30 signature over an {@code enroll} challenge, or {@code null}
 */
public record EnrollCommand(WalletAddress wallet, Network network, List<FingerScan> fingers,
                            DataSignature walletSignature) {
}
