package org.biodid.compat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The text of Python's {@code datetime.now(timezone.utc).isoformat()}, which the original writes as
 * {@code enrollmentTimestamp}: microsecond precision, the fraction left out when it is zero, and the
 * offset written {@code +00:00} (not {@code Z}).
 */
public final class PythonTimestamps {

    private PythonTimestamps() {
    }

    /**
     * Formats an instant as Python's {@code isoformat()} of an aware UTC datetime.
     *
     * @param instant the instant (truncated to microseconds, as Python's clock resolution)
     * @return for example {@code 2026-11-28T02:29:53.123456+00:00}
     */
    public static String isoformat(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999) {
            throw new IllegalArgumentException("Python datetimes cover years 1 to 9999");
        }
        int micros = t.getNano() / 1000;
        StringBuilder out = new StringBuilder(32);
        out.append(String.format("%04d-%02d-%02dT%02d:%02d:%02d",
                                 t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                                 t.getHour(), t.getMinute(), t.getSecond()));
        if (micros != 0) {
            out.append(String.format(".%06d", micros));
        }
        return out.append("+00:00").toString();
    }
}
