/**
 * The HTTP/1.1 connection's edges that Helidon 4.1.2 leaves to the application: a lingering close after an answer
 * sent before the request body was read, so that the client reads the answer instead of a connection reset.
 */
package org.biodid.connection;
