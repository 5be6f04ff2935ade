/**
 * The biometric core of BioDID: minutiae input and validation, the fixed-length feature transform, the
 * code-offset fuzzy extractor over our own BCH codec, per-finger helper data, aggregation into a master
 * secret, commitment and id_hash, and the client-side proof. Pure Java (BouncyCastle for BLAKE2b); no
 * Helidon types, so the HTTP layer depends on this package and not the other way round.
 */
package org.biodid.biometrics;
