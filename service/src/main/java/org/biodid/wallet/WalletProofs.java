package org.biodid.wallet;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.biodid.did.WalletAddress;
import org.biodid.store.WalletChallengeRepository;
import org.biodid.store.WalletChallengeRepository.StoredChallenge;
import org.biodid.wallet.WalletProofException.Reason;

/**
 * Issues wallet challenges and redeems signed ones.
 * <p>
 * Redeeming checks the signature first ({@link Cip8Verifier}), then the challenge it signed: issued for this action
 * and this wallet, not expired, not used. The challenge is consumed only by a valid signature of its own wallet, so
 * nobody can burn another wallet's challenge, and consumption is one conditional UPDATE, so it happens once.
 */
public final class WalletProofs {

    private static final int NONCE_BYTES = 32;

    private final WalletChallengeRepository challenges;
    private final Cip8Verifier verifier;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random;
    private final boolean enrollmentNeedsSignature;

    /**
     * @param challenges challenge store
     * @param verifier   signature checks
     * @param ttl        how long a challenge may be redeemed
     * @param clock      clock
     * @param random     nonce source
     * @param enrollmentNeedsSignature whether enrollment requires a signature ({@code app.require.wallet.signature})
     */
    public WalletProofs(WalletChallengeRepository challenges, Cip8Verifier verifier, Duration ttl, Clock clock,
                        SecureRandom random, boolean enrollmentNeedsSignature) {
        this.challenges = challenges;
        this.verifier = verifier;
        this.ttl = ttl;
        this.clock = clock;
        this.random = random;
        this.enrollmentNeedsSignature = enrollmentNeedsSignature;
    }

    /**
     * @return whether enrollment requires the wallet's signature
     */
    public boolean enrollmentNeedsSignature() {
        return enrollmentNeedsSignature;
    }

    /**
     * Authorise an enrollment: redeem its signature when it carries one (also when signatures are not required: a
     * signature that is sent is checked), refuse it without one when signatures are required.
     *
     * @param wallet    the wallet to enroll
     * @param signature its signature over an {@code enroll} challenge, or {@code null}
     * @return whether the enrollment is signed
     * @throws WalletProofException when the signature is missing but required, or does not authorise it
     */
    public boolean authorizeEnrollment(WalletAddress wallet, DataSignature signature) {
        if (signature == null && !enrollmentNeedsSignature) {
            return false;
        }
        redeem(WalletAction.ENROLL, wallet, signature);
        return true;
    }

    /**
     * Issue a fresh challenge.
     *
     * @param wallet the wallet that is to sign it
     * @param action what its signature will authorise
     * @return the challenge, whose {@link ChallengePayload#text()} the wallet signs
     */
    public ChallengePayload issue(WalletAddress wallet, WalletAction action) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expires = now.plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        ChallengePayload payload = new ChallengePayload(action, wallet.text(),
                                                        Base64.getUrlEncoder().withoutPadding()
                                                                .encodeToString(nonce), expires);
        challenges.insert(new StoredChallenge(payload.nonce(), wallet.text(), action.wireName(), now, expires, null));
        return payload;
    }

    /**
     * Check a wallet's signature over a challenge for {@code action} and consume the challenge.
     *
     * @param action    the action the request performs
     * @param wallet    the wallet the request acts for
     * @param signature the wallet's CIP-30 answer, or {@code null} when the request carries none
     * @throws WalletProofException when it does not authorise the request
     */
    public void redeem(WalletAction action, WalletAddress wallet, DataSignature signature) {
        if (signature == null) {
            throw new WalletProofException(Reason.REQUIRED, "wallet_signature is required: the wallet signs a "
                    + "challenge for '" + action.wireName() + "' (POST /api/v1/wallet/challenges)");
        }
        ChallengePayload payload = ChallengePayload.parse(verifier.verify(wallet, signature));
        StoredChallenge stored = challenges.find(payload.nonce())
                .orElseThrow(() -> new WalletProofException(Reason.UNKNOWN,
                                                            "No challenge with this nonce exists; request a new one"));
        if (!stored.action().equals(action.wireName()) || payload.action() != action) {
            throw new WalletProofException(Reason.WRONG_ACTION, "The signed challenge is for '" + stored.action()
                    + "', not '" + action.wireName() + "'");
        }
        if (!stored.walletAddress().equals(wallet.text()) || !payload.wallet().equals(wallet.text())) {
            throw new WalletProofException(Reason.ADDRESS_MISMATCH,
                                           "The signed challenge was issued for another wallet");
        }
        if (!stored.expiresAt().truncatedTo(ChronoUnit.SECONDS).equals(payload.expires())) {
            throw new WalletProofException(Reason.PAYLOAD_MALFORMED, "The signed payload is not the text issued");
        }
        Instant now = clock.instant();
        if (stored.consumedAt() == null && now.isBefore(stored.expiresAt()) && challenges.consume(stored.nonce(), now)) {
            return;
        }
        // Lost: used before (maybe a moment ago by a concurrent request) or expired.
        boolean used = stored.consumedAt() != null
                || challenges.find(stored.nonce()).map(c -> c.consumedAt() != null).orElse(false);
        if (used) {
            throw new WalletProofException(Reason.REUSED, "This challenge was already used; request a new one");
        }
        throw new WalletProofException(Reason.EXPIRED, "This challenge expired at " + stored.expiresAt()
                + "; request a new one");
    }
}
