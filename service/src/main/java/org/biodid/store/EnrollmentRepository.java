package org.biodid.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

import org.biodid.secrets.Sealer;

/**
 * Enrollments in the database, through DbClient's named statements ({@code db.statements} in
 * {@code application.yaml}).
 * <p>
 * The helper data and the proof key are sealed ({@link EnrollmentSecrets}) on the way in and opened on the way out,
 * so callers see plaintext {@link EnrollmentRecord}s and the database only ciphertext.
 */
public final class EnrollmentRepository {

    private final DbClient db;
    private final EnrollmentSecrets secrets;
    private final Sealer sealer;

    /**
     * @param db     database client
     * @param sealer seals and opens the enrollment secrets
     */
    public EnrollmentRepository(DbClient db, Sealer sealer) {
        this.db = db;
        this.secrets = new EnrollmentSecrets(sealer);
        this.sealer = sealer;
    }

    /**
     * Store a new active enrollment. Returns only after the insert has committed.
     *
     * @param enrollment the enrollment (must not be revoked)
     * @throws DuplicateEnrollmentException when the wallet already has an active DID, or the DID exists
     */
    public void insert(EnrollmentRecord enrollment) {
        insert(enrollment, Optional.empty());
    }

    /**
     * Store a new active enrollment and, in the same transaction, the response that a retry with the same
     * idempotency key must get. Returns only after the commit.
     *
     * @param enrollment  the enrollment
     * @param idempotency the record to keep with it, if the request carried an idempotency key
     * @throws DuplicateEnrollmentException when the wallet already has an active DID, or the idempotency key was
     *                                      used by a concurrent request
     */
    public void insert(EnrollmentRecord enrollment, Optional<IdempotencyRecord> idempotency) {
        DbTransaction tx = db.transaction();
        try {
            tx.createNamedInsert("insert-enrollment")
                    .addParam("did", enrollment.did())
                    .addParam("wallet", enrollment.walletAddress())
                    .addParam("network", enrollment.network())
                    .addParam("commitment", enrollment.commitment())
                    .addParam("idHash", enrollment.idHash())
                    .addParam("sealedHelperData", secrets.sealHelpers(enrollment.did(), enrollment.helperData()))
                    .addParam("sealedProofKey", secrets.sealProofKey(enrollment.did(), enrollment.proofKey()))
                    .addParam("keyId", secrets.currentKeyId())
                    .addParam("createdAt", utc(enrollment.createdAt()))
                    .execute();
            idempotency.ifPresent(record -> IdempotencyRepository.insert(tx, record, sealer));
            tx.commit();
        } catch (RuntimeException e) {
            rollbackKeeping(tx, e);
            if (SqlStates.isUniqueViolation(e)) {
                throw new DuplicateEnrollmentException("wallet already has an active DID");
            }
            throw e;
        }
    }

    /**
     * Roll back after a failure without hiding it. When the commit itself failed (the connection broke under it),
     * Helidon's transaction is already marked committed and {@code rollback()} throws {@link IllegalStateException};
     * the database failure is what the caller must see (503), not that.
     */
    private static void rollbackKeeping(DbTransaction tx, RuntimeException failure) {
        try {
            tx.rollback();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * @param did the DID
     * @return its enrollment, active or revoked
     */
    public Optional<EnrollmentRecord> findByDid(String did) {
        return db.execute().createNamedGet("select-enrollment-by-did")
                .addParam("did", did)
                .execute()
                .map(this::map);
    }

    /**
     * @param wallet wallet address
     * @return the wallet's active enrollment, if any
     */
    public Optional<EnrollmentRecord> findActiveByWallet(String wallet) {
        return db.execute().createNamedGet("select-active-enrollment-by-wallet")
                .addParam("wallet", wallet)
                .execute()
                .map(this::map);
    }

    /**
     * The enrollment that answers for a wallet: its active one, else the most recently revoked.
     *
     * @param wallet wallet address
     * @return enrollment, if the wallet ever enrolled
     */
    public Optional<EnrollmentRecord> findLatestByWallet(String wallet) {
        return db.execute().createNamedGet("select-latest-enrollment-by-wallet")
                .addParam("wallet", wallet)
                .execute()
                .map(this::map);
    }

    /**
     * A page of a wallet's DIDs, newest first, continuing after a keyset position.
     *
     * @param wallet wallet address
     * @param after  the last enrollment of the previous page, or empty for the first page
     * @param limit  page size
     * @return up to {@code limit} enrollments
     */
    public List<EnrollmentRecord> listByWallet(String wallet, Optional<PageKey> after, int limit) {
        var statement = after.isEmpty()
                ? db.execute().createNamedQuery("select-enrollments-by-wallet")
                : db.execute().createNamedQuery("select-enrollments-by-wallet-after")
                        .addParam("afterCreated", utc(after.get().createdAt()))
                        .addParam("afterDid", after.get().did());
        try (var rows = statement.addParam("wallet", wallet).addParam("limit", limit).execute()) {
            return rows.map(this::map).toList();
        }
    }

    /**
     * Revoke an active DID.
     *
     * @param did       the DID
     * @param revokedAt revocation time
     * @return whether it was active and is now revoked
     */
    public boolean revoke(String did, Instant revokedAt) {
        return db.execute().createNamedUpdate("revoke-enrollment")
                .addParam("did", did)
                .addParam("revokedAt", utc(revokedAt))
                .execute() == 1;
    }

    private EnrollmentRecord map(DbRow row) {
        String did = row.column("did").get(String.class);
        EnrollmentSecrets.Opened opened = secrets.open(did, row);
        return new EnrollmentRecord(did,
                              row.column("wallet_address").get(String.class),
                              row.column("network").get(String.class),
                              row.column("commitment").get(byte[].class),
                              opened.proofKey(),
                              row.column("id_hash").get(String.class),
                              opened.helperData(),
                              SqlStates.instant(row.column("created_at").get(Object.class)),
                              SqlStates.instant(row.column("revoked_at").get(Object.class)));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * Keyset position: the sort key of the last row of a page.
     *
     * @param createdAt its creation time
     * @param did       its DID (tie breaker)
     */
    public record PageKey(Instant createdAt, String did) {
    }
}
