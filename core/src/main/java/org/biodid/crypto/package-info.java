/**
 * Cryptographic primitives shared by the DID, biometric and compatibility code: today BLAKE2b (BouncyCastle).
 */
package org.biodid.crypto;
