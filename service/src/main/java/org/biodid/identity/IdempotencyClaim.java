package org.biodid.identity;

/**
 * The idempotency key a request carried: a retry with the same key and body gets the first answer again.
 *
 * @param keyId       the caller's API key id (idempotency keys are scoped per caller)
 * @param key         the client's {@code Idempotency-Key}
 * @param requestHash hash of the request body, to refuse the key when reused for a different request
 */
public record IdempotencyClaim(String keyId, String key, String requestHash) {
}
