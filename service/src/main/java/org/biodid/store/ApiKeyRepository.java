package org.biodid.store;

import java.time.Instant;
import java.util.Optional;

import io.helidon.dbclient.DbClient;

/**
 * API keys kept in the database, as hashes only.
 */
public final class ApiKeyRepository {

    private final DbClient db;

    /**
     * @param db database client
     */
    public ApiKeyRepository(DbClient db) {
        this.db = db;
    }

    /**
     * A stored key.
     *
     * @param keyId  public identifier (for logs and audit)
     * @param scopes scopes, {@code +}-separated
     */
    public record StoredKey(String keyId, String scopes) {
    }

    /**
     * @param keyHash hash of the presented key
     * @return the active key with that hash
     */
    public Optional<StoredKey> findByHash(String keyHash) {
        return db.execute().createNamedGet("select-api-key-by-hash")
                .addParam("keyHash", keyHash)
                .execute()
                .map(row -> new StoredKey(row.column("key_id").get(String.class),
                                          row.column("scopes").get(String.class)));
    }

    /**
     * @return how many active keys the database holds
     */
    public long countActive() {
        return db.execute().createNamedGet("count-api-keys")
                .execute()
                .map(row -> row.column("n").get(Number.class).longValue())
                .orElse(0L);
    }

    /**
     * Store a key's hash.
     *
     * @param keyId     public identifier
     * @param keyHash   hash of the key
     * @param scopes    scopes, {@code +}-separated
     * @param createdAt creation time
     */
    public void insert(String keyId, String keyHash, String scopes, Instant createdAt) {
        db.execute().createNamedInsert("insert-api-key")
                .addParam("keyId", keyId)
                .addParam("keyHash", keyHash)
                .addParam("scopes", scopes)
                .addParam("createdAt", EnrollmentRepository.utc(createdAt))
                .execute();
    }
}
