package org.biodid.wallet;

/**
 * A CIP-30 {@code signData} answer as the wallet gives it: both parts hex-encoded CBOR.
 *
 * @param signature hex of the CIP-8 COSE_Sign1 (protected header with {@code alg} and {@code address}, payload,
 *                  Ed25519 signature)
 * @param key       hex of the COSE_Key holding the Ed25519 public key
 */
public record DataSignature(String signature, String key) {
}
