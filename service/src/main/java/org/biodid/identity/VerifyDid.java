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
 */
public final class VerifyDid {

    private final BiometricEngine engine;
    private final BiometricTimers timers;
    private final EnrollmentRepository enrollments;
    private final UsedProofRepository usedProofs;
    private final ObjectMapper mapper;
    private final Duration freshness;
    private final Clock clock;

    /**
     * @param engine      biometric engine
     * @param timers      biometric timers
     * @param enrollments enrollment store
     * @param usedProofs  replay protection for client proofs
     * @param mapper      JSON mapper for stored helper data
     * @param freshness   allowed distance of a request's timestamp from now
     * @param clock       clock
     */
    public VerifyDid(BiometricEngine engine, BiometricTimers timers, EnrollmentRepository enrollments,
                     UsedProofRepository usedProofs, ObjectMapper mapper, Duration freshness, Clock clock) {
        this.engine = engine;
        this.timers = timers;
        this.enrollments = enrollments;
        this.usedProofs = usedProofs;
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
     * @return the decision
     * @throws IdentityException    {@code STALE_TIMESTAMP}, {@code NOT_FOUND} or {@code REPLAYED_PROOF}
     * @throws InvalidInputException when the named wallet does not control the named DID
     */
    public Verification verify(VerifyCommand command, String path) {
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
        if (command.fingers() != null) {
            VerificationResult result = timers.rep(() -> engine.verify(enrollment.walletAddress(),
                                                                       enrollment.network(), helper,
                                                                       enrollment.commitment(),
                                                                       command.fingers()));
            return decided(result.verified(), enrollment, method,
                           result.matched().stream().map(FingerId::wireName).toList(),
                           result.verified() ? null : "no_match");
        }
        SubjectContext context = new SubjectContext(enrollment.walletAddress(), enrollment.network());
        ClientProof.Outcome outcome = enrollment.proofKey() == null
                ? ClientProof.Outcome.INVALID
                : ClientProof.check(enrollment.proofKey(), context, command.timestamp(), command.proof(), clock,
                                    freshness);
        if (outcome != ClientProof.Outcome.VALID) {
            return decided(false, enrollment, method, List.of(), "no_match");
        }
        Instant expires = Instant.ofEpochSecond(command.timestamp()).plus(freshness).plusSeconds(1);
        if (!usedProofs.markUsed(ClientProof.replayKey(command.proof()), expires)) {
            throw new IdentityException(IdentityException.Reason.REPLAYED_PROOF, null,
                                        "This biometric_hash proof was already used; create a new one");
        }
        return decided(true, enrollment, method, HelperJson.fingerNames(helper), null);
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
