/**
 * Persistence: database settings (PostgreSQL or embedded H2), Flyway migrations and repositories over DbClient.
 */
package org.biodid.store;
