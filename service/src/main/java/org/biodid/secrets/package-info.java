/**
 * Server-side secrets at rest: the sealing keys (current and previous, from configuration, a key file or a
 * development key under the data directory) and AES-GCM sealing of enrollment secrets (helper data, proof key).
 */
package org.biodid.secrets;
