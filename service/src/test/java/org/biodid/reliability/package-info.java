/**
 * Reliability and security tests that do the damage for real: a private PostgreSQL cluster stopped under load, the
 * service as a separate JVM killed with {@code kill -9} and sent SIGTERM, two instances on one database, fuzzing over
 * raw sockets, stalled clients, CORS, TLS, rate limits, audit and log hygiene. See {@code docs/reliability.md}.
 */
package org.biodid.reliability;
