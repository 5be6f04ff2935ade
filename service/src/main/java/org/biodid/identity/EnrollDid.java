package org.biodid.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.biodid.biometrics.BiometricEngine;
import org.biodid.biometrics.Enrollment;
import org.biodid.did.CardanoDid;
import org.biodid.did.DidDerivation;
import org.biodid.observe.BiometricTimers;
import org.biodid.store.DuplicateEnrollmentException;
import org.biodid.store.EnrollmentRecord;
import org.biodid.store.EnrollmentRepository;
import org.biodid.store.IdempotencyRecord;
import org.biodid.store.IdempotencyRepository;
import org.biodid.wallet.WalletProofs;

/**
 * Enrolls fingers for a wallet: helper data and commitment from the biometric engine, the DID derived from the
 * commitment, the row stored together with the answer a retry with the same idempotency key must get.
 */
public final class EnrollDid {

    private final BiometricEngine engine;
    private final BiometricTimers timers;
    private final EnrollmentRepository enrollments;
    private final IdempotencyRepository idempotency;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final WalletProofs walletProofs;

    /**
     * @param engine      biometric engine
     * @param timers      biometric timers
     * @param enrollments enrollment store
     * @param idempotency stored first answers
     * @param mapper      JSON mapper for the receipt
     * @param clock       clock
     * @param walletProofs the wallet's signature over an {@code enroll} challenge, required unless switched off
     */
    public EnrollDid(BiometricEngine engine, BiometricTimers timers, EnrollmentRepository enrollments,
                     IdempotencyRepository idempotency, ObjectMapper mapper, Clock clock, WalletProofs walletProofs) {
        this.engine = engine;
        this.timers = timers;
        this.enrollments = enrollments;
        this.idempotency = idempotency;
        this.mapper = mapper;
        this.clock = clock;
        this.walletProofs = walletProofs;
    }

    /**
     * The stored first answer for an idempotency key, checked before the request is even parsed.
     *
     * @param claim the request's idempotency key
     * @return the earlier answer, if the key was used before
     * @throws IdentityException {@code IDEMPOTENCY_KEY_REUSED} when it was used for a different request
     */
    public Optional<EnrollAnswer> replay(IdempotencyClaim claim) {
        return idempotency.find(claim.keyId(), claim.key()).map(earlier -> replay(earlier, claim));
    }

    /**
     * Enroll.
     *
     * @param command the checked request
     * @param claim   the request's idempotency key, if any
     * @return the created DID's receipt, or the first answer of a concurrent request with the same key
     * @throws IdentityException {@code ALREADY_ENROLLED} when the wallet already controls an active DID
     * @throws org.biodid.wallet.WalletProofException when the wallet's signature is missing (and required) or does
     *                                                not authorise the enrollment; the challenge is consumed before
     *                                                the biometric work
     */
    public EnrollAnswer enroll(EnrollCommand command, Optional<IdempotencyClaim> claim) {
        walletProofs.authorizeEnrollment(command.wallet(), command.walletSignature());
        String wallet = command.wallet().text();
        Enrollment biometric = timers.gen(() -> engine.enroll(wallet, command.network().id(), command.fingers()));
        CardanoDid did = DidDerivation.derive(biometric.commitment(), command.network());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ObjectNode helpers = HelperJson.toJson(mapper, biometric.helper());
        String body = EnrollmentReceipt.json(mapper, did.toString(), command, biometric.idHashHex(), helpers, now);
        EnrollmentRecord row = new EnrollmentRecord(
                did.toString(), wallet, command.network().id(), biometric.commitment(), biometric.proofKey(),
                biometric.idHashHex(), helpers.toString(), now, null);
        try {
            enrollments.insert(row, claim.map(c -> new IdempotencyRecord(c.keyId(), c.key(), c.requestHash(),
                                                                         EnrollAnswer.CREATED, body, now)));
        } catch (DuplicateEnrollmentException e) {
            // A concurrent retry with the same key may have won the race; it answers for both.
            Optional<EnrollAnswer> winner = claim.flatMap(this::replay);
            if (winner.isPresent()) {
                return winner.get();
            }
            throw new IdentityException(IdentityException.Reason.ALREADY_ENROLLED, null,
                                        "This wallet already controls an active DID; revoke it before enrolling "
                                                + "again");
        }
        return new EnrollAnswer(EnrollAnswer.CREATED, body, did.toString(), false);
    }

    private EnrollAnswer replay(IdempotencyRecord earlier, IdempotencyClaim claim) {
        if (!earlier.requestHash().equals(claim.requestHash())) {
            throw new IdentityException(IdentityException.Reason.IDEMPOTENCY_KEY_REUSED, null,
                                        "This Idempotency-Key was used with a different request body");
        }
        String did = earlier.status() == EnrollAnswer.CREATED ? EnrollmentReceipt.did(mapper, earlier.body()) : null;
        return new EnrollAnswer(earlier.status(), earlier.body(), did, true);
    }
}
