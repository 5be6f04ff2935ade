/**
 * Machinery for the reliability tests: a private PostgreSQL cluster, the service as a process, a raw HTTP/1.1 client,
 * an API client and a bounded enrollment load.
 */
package org.biodid.reliability.support;
