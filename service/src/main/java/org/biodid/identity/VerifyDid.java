package org.biodid.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.biodid.biometrics.BiometricEngine;
import org.biodid.biometrics.ClientProof;
import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.FusedHelperData;
import org.biodid.biometrics.SubjectContext;
import org.biodid.biometrics.VerificationResult;
import org.biodid.budget.FailureBudget;
import org.biodid.did.CardanoDid;
import org.biodid.observe.BiometricTimers;
import org.biodid.store.EnrollmentRecord;
import org.biodid.store.EnrollmentRepository;
import org.biodid.store.UsedProofRepository;
import org.biodid.input.InvalidInputException;

/**
 * Verifies a subject, by wallet or DID, with a fresh scan or a client proof ({@code biometric_hash}).
 * <p>
 * The rules: the timestamp must be within the freshness window; the subject must be enrolled, and a named wallet
 * must control the named DID; a revoked DID is answered, never matched; a fresh scan goes through the biometric
 * engine and its policy; a client proof must check against the stored proof key and is accepted once.
 * <p>
 * Against an adaptive attacker (docs/security.md): every attempt that reaches the biometric check is counted against
 * the subject's failure budget before it runs, and a failure says only that it failed — no per-finger detail.
 */
public final class VerifyDid {

    private final BiometricEngine engine;
    private final BiometricTimers timers;
    private final EnrollmentRepository enrollments;
    private final UsedProofRepository usedProofs;
    private final FailureBudget budget;
    private final ObjectMapper mapper;
    private final Duration freshness;
    private final Clock clock;

    /**
     * @param engine      biometric engine
     * @param timers      biometric timers
     * @param enrollments enrollment store
     * @param usedProofs  replay protection for client proofs
     * @param budget      failed-verification budget per subject
     * @param mapper      JSON mapper for stored helper data
     * @param freshness   allowed distance of a request's timestamp from now
     * @param clock       clock
     */
    public VerifyDid(BiometricEngine engine, BiometricTimers timers, EnrollmentRepository enrollments,
                     UsedProofRepository usedProofs, FailureBudget budget, ObjectMapper mapper, Duration freshness,
                     Clock clock) {
        this.engine = engine;
        this.timers = timers;
        this.enrollments = enrollments;
        this.usedProofs = usedProofs;
        this.budget = budget;
        this.mapper = mapper;
        this.freshness = freshness;
        this.clock = clock;
    }

    /**
     * Verify one subject.
     *
     * @param command the checked request
     * @param path    where the request sits in its body ({@code ""}, or {@code requests[3]} in a batch); errors name
     *                fields under it
     * @param keyId   the caller's API key id: its own failure counter on the subject
     * @param requestId the request id, for the audit line of a lockout
     * @return the decision
     * @throws IdentityException    {@code STALE_TIMESTAMP}, {@code NOT_FOUND}, {@code REPLAYED_PROOF} or
     *                              {@code REENROLLMENT_REQUIRED}
     * @throws InvalidInputException when the named wallet does not control the named DID
     * @throws org.biodid.budget.SubjectLockedException when the subject's failure budget is spent (not evaluated)
     */
    public Verification verify(VerifyCommand command, String path, String keyId, String requestId) {
        if (!ClientProof.isFresh(command.timestamp(), clock, freshness)) {
            throw new IdentityException(IdentityException.Reason.STALE_TIMESTAMP, join(path, "timestamp"),
                                        (path.isEmpty() ? "" : path + ".") + "timestamp is more than "
                                                + freshness.toSeconds() + " s away from the server's time");
        }
        EnrollmentRecord enrollment = subject(command, path);
        if (command.wallet() != null && !command.wallet().text().equals(enrollment.walletAddress())) {
            throw new InvalidInputException(join(path, "did"), "is not controlled by wallet_address");
        }
        String method = command.fingers() != null ? "fingers" : "biometric_hash";
        if (enrollment.revoked()) {
            return decided(false, enrollment, method, List.of(), "revoked");
        }
        FusedHelperData helper = HelperJson.fromStored(mapper, enrollment.helperData());
        // Counted before it runs, so that concurrent attempts cannot overtake the count.
        FailureBudget.Attempt attempt = budget.begin(enrollment.did(), keyId, requestId);
        List<String> matched = command.fingers() != null
                ? verifyScan(command, enrollment, helper)
                : verifyProof(command, enrollment, helper);
        if (matched == null) {
            attempt.failed();
            // Only that it failed: the same reason whatever matched, no per-finger detail.
            return decided(false, enrollment, method, List.of(), "no_match");
        }
        attempt.succeeded();
        return decided(true, enrollment, method, matched, null);
    }

    /**
     * Forget every failure counter of a subject (the administrator's reset).
     *
     * @param did the DID
     * @return counters removed
     * @throws IdentityException {@code NOT_FOUND} when the DID is not enrolled
     */
    public long resetFailures(CardanoDid did) {
        EnrollmentRecord enrollment = enrollments.findByDid(did.toString())
                .orElseThrow(() -> new IdentityException(IdentityException.Reason.NOT_FOUND, null,
                                                         "No DID " + did + " is enrolled"));
        return budget.reset(enrollment.did());
    }

    /** @return the fingers that matched when verified, else {@code null} */
    private List<String> verifyScan(VerifyCommand command, EnrollmentRecord enrollment, FusedHelperData helper) {
        VerificationResult result = timers.rep(() -> engine.verify(enrollment.walletAddress(), enrollment.network(),
                                                                   helper, enrollment.commitment(),
                                                                   command.fingers()));
        return result.verified() ? result.matched().stream().map(FingerId::wireName).toList() : null;
    }

    /** @return the enrolled fingers when the proof is valid and new, else {@code null}; a replay is a failure too */
    private List<String> verifyProof(VerifyCommand command, EnrollmentRecord enrollment, FusedHelperData helper) {
        SubjectContext context = new SubjectContext(enrollment.walletAddress(), enrollment.network());
        ClientProof.Outcome outcome = enrollment.proofKey() == null
                ? ClientProof.Outcome.INVALID
                : ClientProof.check(enrollment.proofKey(), context, command.timestamp(), command.proof(), clock,
                                    freshness);
        if (outcome != ClientProof.Outcome.VALID) {
            return null;
        }
        Instant expires = Instant.ofEpochSecond(command.timestamp()).plus(freshness).plusSeconds(1);
        if (!usedProofs.markUsed(ClientProof.replayKey(command.proof()), expires)) {
            throw new IdentityException(IdentityException.Reason.REPLAYED_PROOF, null,
                                        "This biometric_hash proof was already used; create a new one");
        }
        return HelperJson.fingerNames(helper);
    }

    private EnrollmentRecord subject(VerifyCommand command, String path) {
        Optional<EnrollmentRecord> found = command.did() != null
                ? enrollments.findByDid(command.did().toString())
                : enrollments.findLatestByWallet(command.wallet().text());
        return found.orElseThrow(() -> new IdentityException(
                IdentityException.Reason.NOT_FOUND, null,
                (path.isEmpty() ? "" : path + ": ") + "no DID is enrolled for this "
                        + (command.did() != null ? "did" : "wallet_address")));
    }

    private Verification decided(boolean verified, EnrollmentRecord enrollment, String method, List<String> matched,
                                 String reason) {
        return new Verification(verified, enrollment.did(), enrollment.walletAddress(), method, matched, reason,
                                clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
