package org.biodid.dashboards;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The expander does what Grafana's PostgreSQL datasource documents for its macros and variables, so the SQL
 * test runs the queries Grafana would send.
 */
class GrafanaSqlTest {

    private final GrafanaSql grafana = new GrafanaSql(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-28T00:00:00Z"));

    @Test
    void macros() {
        assertEquals("WHERE t BETWEEN '2026-11-01T00:00:00Z' AND '2026-11-28T00:00:00Z'",
                     grafana.macros("WHERE $__timeFilter(t)"));
        assertEquals("SELECT t AS \"time\"", grafana.macros("SELECT $__time(t)"));
        assertEquals("SELECT extract(epoch from t) AS \"time\"", grafana.macros("SELECT $__timeEpoch(t)"));
        assertEquals("SELECT floor(extract(epoch from t)/300)*300 AS \"time\"",
                     grafana.macros("SELECT $__timeGroupAlias(t, '5m')"));
        assertEquals("GROUP BY floor(extract(epoch from t)/3600)*3600", grafana.macros("GROUP BY $__timeGroup(t,1h)"));
        assertEquals("'2026-11-01T00:00:00Z' '2026-11-28T00:00:00Z'", grafana.macros("$__timeFrom() $__timeTo()"));
        assertEquals("e >= 1793491200 AND e <= 1795824000", grafana.macros("$__unixEpochFilter(e)"));
    }

    @Test
    void variablesAreQuotedOnlyWhenMultiValueOrAll() {
        Map<String, GrafanaSql.Value> values = Map.of(
                "workload", GrafanaSql.Value.single("mixed"),
                "branch", new GrafanaSql.Value(List.of("main", "o'brien"), true));
        assertEquals("w = 'mixed' AND b IN ('main','o''brien')",
                     GrafanaSql.variables("w = '$workload' AND b IN ($branch)", values));
        assertEquals("w = 'mixed' AND b IN ('main','o''brien')",
                     GrafanaSql.variables("w = '${workload}' AND b IN ([[branch]])", values));
    }

    @Test
    void anythingLeftUnexpandedIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> grafana.expand("SELECT $nope", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> grafana.expand("SELECT $__timeShift(t)", Map.of()));
    }
}
