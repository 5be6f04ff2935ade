/**
 * The HTTP surface: services, JSON bodies, problem details, request ids and security headers.
 */
package org.biodid.api;
