package org.biodid.store;

import java.time.Instant;
import java.util.Optional;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;

import org.biodid.secrets.Sealer;

/**
 * Stored first responses of idempotent requests. The response of an enrollment carries the helper data, so the
 * body is sealed like the enrollment's own secrets ({@code sealed:} and the base64 of the sealed form).
 */
public final class IdempotencyRepository {

    private static final String SEALED = "sealed:";

    private final DbClient db;
    private final Sealer sealer;

    /**
     * @param db     database client
     * @param sealer seals and opens stored bodies
     */
    public IdempotencyRepository(DbClient db, Sealer sealer) {
        this.db = db;
        this.sealer = sealer;
    }

    /**
     * @param apiKeyId       caller's key id
     * @param idempotencyKey client's key
     * @return the stored first response, if any
     */
    public Optional<IdempotencyRecord> find(String apiKeyId, String idempotencyKey) {
        return db.execute().createNamedGet("select-idempotency-record")
                .addParam("keyId", apiKeyId)
                .addParam("idempotencyKey", idempotencyKey)
                .execute()
                .map(row -> new IdempotencyRecord(apiKeyId, idempotencyKey,
                                                  row.column("request_hash").get(String.class),
                                                  row.column("status_code").get(Integer.class),
                                                  open(sealer, apiKeyId, idempotencyKey,
                                                       row.column("response_body").get(String.class)),
                                                  null));
    }

    /**
     * Forget records older than a point in time (clients retry within minutes, not days).
     *
     * @param before cut-off
     * @return rows removed
     */
    public long deleteBefore(Instant before) {
        return db.execute().createNamedDelete("delete-idempotency-records-before")
                .addParam("before", EnrollmentRepository.utc(before))
                .execute();
    }

    private static String open(Sealer sealer, String apiKeyId, String idempotencyKey, String stored) {
        if (!stored.startsWith(SEALED)) {
            return stored;
        }
        return sealer.openText(java.util.Base64.getDecoder().decode(stored.substring(SEALED.length())),
                               context(apiKeyId, idempotencyKey));
    }

    private static String context(String apiKeyId, String idempotencyKey) {
        return "biodid:idempotency|" + apiKeyId + "|" + idempotencyKey;
    }

    static void insert(DbExecute execute, IdempotencyRecord record, Sealer sealer) {
        execute.createNamedInsert("insert-idempotency-record")
                .addParam("keyId", record.apiKeyId())
                .addParam("idempotencyKey", record.idempotencyKey())
                .addParam("requestHash", record.requestHash())
                .addParam("status", record.status())
                .addParam("body", SEALED + java.util.Base64.getEncoder().encodeToString(
                        sealer.sealText(record.body(), context(record.apiKeyId(), record.idempotencyKey()))))
                .addParam("createdAt", EnrollmentRepository.utc(record.createdAt()))
                .execute();
    }
}
