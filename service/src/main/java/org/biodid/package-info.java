/**
 * BioDID: a biometric {@code did:cardano} service on Helidon SE.
 * <p>
 * {@link org.biodid.Main} starts it; {@link org.biodid.Wiring} builds every component from configuration.
 */
package org.biodid;
