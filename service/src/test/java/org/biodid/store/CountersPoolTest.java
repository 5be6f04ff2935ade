package org.biodid.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.helidon.dbclient.DbClient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.biodid.testing.TestDatabases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The counters' pool: on PostgreSQL its sessions commit asynchronously while the main pool's stay synchronous
 * (an acknowledged enrollment must survive a crash of the database); on H2 there is one pool.
 */
class CountersPoolTest {

    @TempDir
    Path dataDir;

    @Test
    void onPostgresqlOnlyTheCountersCommitWithoutWaitingForTheFlush() {
        DatabaseSettings settings = DatabaseSettings.from(TestDatabases.postgresConfig(Map.of()));
        assertTrue(settings.separateCounters());
        try (Database database = Database.open(settings, Duration.ofSeconds(1))) {
            assertEquals("on", synchronousCommit(database.client()));
            assertEquals("off", synchronousCommit(database.counters()));
            // every statement of the pool, not only the first one on a connection
            for (int i = 0; i < 10; i++) {
                assertEquals("off", synchronousCommit(database.counters()));
            }
        }
    }

    @Test
    void onTheEmbeddedDefaultTheCountersShareTheMainPool() {
        DatabaseSettings settings = DatabaseSettings.from(TestDatabases.h2Config(dataDir));
        assertFalse(settings.separateCounters());
        try (Database database = Database.open(settings, Duration.ofSeconds(1))) {
            // H2 has no synchronous_commit: a pool opened with the PostgreSQL session setting would fail here
            long counted = database.counters().execute().query("SELECT COUNT(*) AS n FROM verify_failures")
                    .map(row -> row.column("n").get(Long.class))
                    .findFirst()
                    .orElseThrow();
            assertEquals(0, counted);
        }
    }

    private static String synchronousCommit(DbClient client) {
        return client.execute().query("SHOW synchronous_commit")
                .map(row -> row.column(1).get(String.class))
                .findFirst()
                .orElseThrow();
    }
}
