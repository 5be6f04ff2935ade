/**
 * The DID use cases: enroll, verify, revoke and list, as plain Java (records in, records out, no HTTP).
 * <p>
 * Each use case is one class named by what it does ({@link org.biodid.identity.EnrollDid},
 * {@link org.biodid.identity.VerifyDid}, {@link org.biodid.identity.RevokeDid}, {@link org.biodid.identity.ListDids}).
 * They call the biometric engine and the store; the HTTP layer ({@code org.biodid.api}) only parses, authorizes
 * and maps their results and their {@link org.biodid.identity.IdentityException}s to responses.
 */
package org.biodid.identity;
