package org.biodid.store;

import java.time.Instant;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;

/**
 * Client proofs already accepted inside their freshness window. The primary key makes the second use of a proof
 * lose, across threads and service instances alike.
 */
public final class UsedProofRepository {

    private final DbClient db;

    /**
     * @param db database client
     */
    public UsedProofRepository(DbClient db) {
        this.db = db;
    }

    /**
     * Record a proof as used.
     *
     * @param proofHash identifier of the proof
     * @param expiresAt when it can no longer be fresh, so the row may go
     * @return {@code true} if it was new, {@code false} if it had been used before
     */
    public boolean markUsed(String proofHash, Instant expiresAt) {
        try {
            db.execute().createNamedInsert("insert-used-proof")
                    .addParam("proofHash", proofHash)
                    .addParam("expiresAt", EnrollmentRepository.utc(expiresAt))
                    .execute();
            return true;
        } catch (DbClientException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Remove proofs whose window has passed.
     *
     * @param now current time
     * @return rows removed
     */
    public long deleteExpired(Instant now) {
        return db.execute().createNamedDelete("delete-expired-proofs")
                .addParam("now", EnrollmentRepository.utc(now))
                .execute();
    }
}
