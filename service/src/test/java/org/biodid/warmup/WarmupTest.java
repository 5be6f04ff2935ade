package org.biodid.warmup;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.biodid.biometrics.BiometricEngine;
import org.biodid.store.Database;
import org.biodid.store.DatabaseSettings;
import org.biodid.testing.TestDatabases;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The start-up warm-up on the real PostgreSQL: every connection of both pools is open before traffic, PostgreSQL
 * sees them, and the biometric rounds run (within their budget, and not at all when switched off).
 */
class WarmupTest {

    @Test
    void opensEveryConnectionOfBothPoolsAndRunsTheEngine() throws Exception {
        Map<String, String> pools = Map.of("app.db.pool.size", "3", "app.db.counters.pool.size", "2",
                                           "db.connection.minimumIdle", "0");
        try (Database database = Database.open(DatabaseSettings.from(TestDatabases.postgresConfig(pools)),
                                               Duration.ofSeconds(1))) {
            // all five borrowed at once: each pool had to open every connection it may hold
            assertThat(database.openConnections(), is(5));
            assertThat(connectionsToTheTestDatabase() >= 5, is(true));
            assertThat(new Warmup(database, BiometricEngine.create(), 5, Duration.ofMinutes(1)).run(), is(5));
        }
    }

    private static int connectionsToTheTestDatabase() throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(TestDatabases.postgresUrl(), "postgres", "");
             var rows = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void zeroRoundsTurnItOff() {
        Map<String, String> pools = Map.of("app.db.pool.size", "2", "db.connection.minimumIdle", "0");
        try (Database database = Database.open(DatabaseSettings.from(TestDatabases.postgresConfig(pools)),
                                               Duration.ofSeconds(1))) {
            assertThat(new Warmup(database, BiometricEngine.create(), 0, Duration.ofMinutes(1)).run(), is(0));
        }
    }

    @Test
    void theBudgetBoundsTheRounds() {
        try (Database database = Database.open(DatabaseSettings.from(TestDatabases.postgresConfig(Map.of())),
                                               Duration.ofSeconds(1))) {
            assertThat(new Warmup(database, BiometricEngine.create(), 1_000_000, Duration.ZERO).run(), is(0));
        }
    }
}
