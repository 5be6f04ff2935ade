/**
 * Derivation and parsing of {@code did:cardano} identifiers.
 * <p>
 * A DID is {@code did:cardano:<network>:<base58btc(BLAKE2b-256(commitment))>}, the same derivation
 * as the original Python toolkit's {@code generate_deterministic_did}. Everything here is pure,
 * allocation-light Java with no I/O, so both the {@code /api/v1} routes and the compatibility routes
 * share it.
 */
package org.biodid.did;
