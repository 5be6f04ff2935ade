package org.biodid.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.biodid.did.CardanoDid;
import org.biodid.store.EnrollmentRecord;
import org.biodid.store.EnrollmentRepository;

/**
 * Revokes a DID. Revoking a revoked DID answers its first revocation again.
 */
public final class RevokeDid {

    private final EnrollmentRepository enrollments;
    private final Clock clock;

    /**
     * @param enrollments enrollment store
     * @param clock       clock
     */
    public RevokeDid(EnrollmentRepository enrollments, Clock clock) {
        this.enrollments = enrollments;
        this.clock = clock;
    }

    /**
     * @param did the DID
     * @return the revoked enrollment
     * @throws IdentityException {@code NOT_FOUND} when the DID was never enrolled
     */
    public EnrollmentRecord revoke(CardanoDid did) {
        EnrollmentRecord enrollment = enrollments.findByDid(did.toString())
                .orElseThrow(() -> new IdentityException(IdentityException.Reason.NOT_FOUND, null,
                                                         "No DID " + did + " is enrolled"));
        if (enrollment.revoked()) {
            return enrollment;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (enrollments.revoke(enrollment.did(), now)) {
            return enrollment.revokedAt(now);
        }
        // revoked concurrently: the stored revocation time is the answer
        return enrollments.findByDid(did.toString()).orElseThrow();
    }
}
