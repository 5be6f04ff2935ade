package org.biodid.store;

import java.time.Instant;
import java.util.Optional;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;

/**
 * Stored first responses of idempotent requests.
 */
public final class IdempotencyRepository {

    private final DbClient db;

    /**
     * @param db database client
     */
    public IdempotencyRepository(DbClient db) {
        this.db = db;
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
                                                  row.column("response_body").get(String.class),
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

    static void insert(DbExecute execute, IdempotencyRecord record) {
        execute.createNamedInsert("insert-idempotency-record")
                .addParam("keyId", record.apiKeyId())
                .addParam("idempotencyKey", record.idempotencyKey())
                .addParam("requestHash", record.requestHash())
                .addParam("status", record.status())
                .addParam("body", record.body())
                .addParam("createdAt", EnrollmentRepository.utc(record.createdAt()))
                .execute();
    }
}
