package org.biodid.store;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * What repositories need to know about JDBC results that differ between PostgreSQL and H2.
 */
final class SqlStates {

    /** SQLSTATE for a unique violation; PostgreSQL and H2 agree on it. */
    static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A {@code TIMESTAMP WITH TIME ZONE} value: pgjdbc returns {@link Timestamp}, H2 returns {@link OffsetDateTime}.
     */
    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Timestamp ts -> ts.toInstant();
            case OffsetDateTime odt -> odt.toInstant();
            case Instant instant -> instant;
            default -> throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
        };
    }
}
