/**
 * Limits that hold across every instance of the service: the per-key rate limit kept in PostgreSQL (Bucket4j), and
 * the configuration that chooses it over the in-process limiter.
 */
package org.biodid.limits;
