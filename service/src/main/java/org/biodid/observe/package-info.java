/**
 * Observability: per-route request metrics, pool metrics, readiness and tracing.
 */
package org.biodid.observe;
