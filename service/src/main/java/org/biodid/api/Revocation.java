package org.biodid.api;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.biodid.store.Enrollment;
import org.biodid.store.EnrollmentRepository;

/**
 * Revokes an enrollment and describes the result; shared by the admin route and the wallet owner's signed route.
 */
final class Revocation {

    private final EnrollmentRepository enrollments;
    private final Clock clock;

    Revocation(EnrollmentRepository enrollments, Clock clock) {
        this.enrollments = enrollments;
        this.clock = clock;
    }

    /**
     * Revoke (idempotently: an already revoked DID stays as it was).
     *
     * @param enrollment the enrollment
     * @return the response body: did, revoked, revoked_at and the DID document metadata
     */
    ObjectNode revoke(Enrollment enrollment) {
        Enrollment result = enrollment;
        if (!result.revoked()) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            if (enrollments.revoke(result.did(), now)) {
                result = result.revokedAt(now);
            } else {
                result = enrollments.findByDid(result.did()).orElseThrow();
            }
        }
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        body.put("did", result.did());
        body.put("revoked", true);
        body.put("revoked_at", result.revokedAt().toString());
        body.set("didDocumentMetadata", DidDocuments.metadata(result));
        return body;
    }
}
