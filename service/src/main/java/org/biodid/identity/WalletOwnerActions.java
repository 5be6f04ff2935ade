package org.biodid.identity;

import org.biodid.did.CardanoDid;
import org.biodid.did.WalletAddress;
import org.biodid.store.EnrollmentRecord;
import org.biodid.store.EnrollmentRepository;
import org.biodid.wallet.DataSignature;
import org.biodid.wallet.WalletAction;
import org.biodid.wallet.WalletProofs;

/**
 * What a wallet's owner may do with a signature over a challenge, besides enrolling: get the helper data of the
 * wallet's active DID again (a wallet on a new device), and revoke that DID without an administrator.
 */
public final class WalletOwnerActions {

    private final WalletProofs proofs;
    private final EnrollmentRepository enrollments;
    private final RevokeDid revoke;

    /**
     * @param proofs      wallet signatures over challenges
     * @param enrollments enrollment store
     * @param revoke      the revocation use case
     */
    public WalletOwnerActions(WalletProofs proofs, EnrollmentRepository enrollments, RevokeDid revoke) {
        this.proofs = proofs;
        this.enrollments = enrollments;
        this.revoke = revoke;
    }

    /**
     * @param wallet    the wallet
     * @param signature its signature over a {@code fetch-helper-data} challenge
     * @return the wallet's active enrollment, whose helper data is returned
     * @throws org.biodid.wallet.WalletProofException when the signature does not authorise it
     * @throws IdentityException {@code NOT_FOUND} when the wallet has no active DID
     */
    public EnrollmentRecord helperData(WalletAddress wallet, DataSignature signature) {
        proofs.redeem(WalletAction.FETCH_HELPER_DATA, wallet, signature);
        return active(wallet);
    }

    /**
     * @param wallet    the wallet
     * @param signature its signature over a {@code revoke} challenge
     * @return the revoked enrollment
     * @throws org.biodid.wallet.WalletProofException when the signature does not authorise it
     * @throws IdentityException {@code NOT_FOUND} when the wallet has no active DID
     */
    public EnrollmentRecord revoke(WalletAddress wallet, DataSignature signature) {
        proofs.redeem(WalletAction.REVOKE, wallet, signature);
        return revoke.revoke(CardanoDid.parse(active(wallet).did()));
    }

    private EnrollmentRecord active(WalletAddress wallet) {
        return enrollments.findActiveByWallet(wallet.text())
                .orElseThrow(() -> new IdentityException(IdentityException.Reason.NOT_FOUND, null,
                                                         "This wallet has no active DID"));
    }
}
