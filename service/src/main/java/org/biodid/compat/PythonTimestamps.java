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
        // zero-padded by hand: String.format parses its pattern on every call, and this runs on every enrollment
        digits(out, t.getYear(), 4).append('-');
        digits(out, t.getMonthValue(), 2).append('-');
        digits(out, t.getDayOfMonth(), 2).append('T');
        digits(out, t.getHour(), 2).append(':');
        digits(out, t.getMinute(), 2).append(':');
        digits(out, t.getSecond(), 2);
        if (micros != 0) {
            digits(out.append('.'), micros, 6);
        }
        return out.append("+00:00").toString();
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        return out.repeat('0', width - text.length()).append(text);
    }
}
