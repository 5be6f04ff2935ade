package org.biodid.store;

import java.time.Instant;

/**
 * The first response to a request that carried an {@code Idempotency-Key}, kept so that a retry gets it again.
 *
 * @param apiKeyId       the caller's key id (keys are scoped per caller)
 * @param idempotencyKey the client's key
 * @param requestHash    hash of the request body, to refuse a reused key with a different request
 * @param status         HTTP status of the first response
 * @param body           body of the first response
 * @param createdAt      when it was stored
 */
public record IdempotencyRecord(String apiKeyId,
                                String idempotencyKey,
                                String requestHash,
                                int status,
                                String body,
                                Instant createdAt) {
}
