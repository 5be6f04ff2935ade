package org.biodid.identity;

/**
 * The DID use cases, built once by the composition root and handed to the HTTP layer together.
 *
 * @param enroll enroll fingers for a wallet
 * @param verify verify a subject
 * @param revoke revoke a DID
 * @param list   list a wallet's DIDs
 */
public record DidUseCases(EnrollDid enroll, VerifyDid verify, RevokeDid revoke, ListDids list) {
}
