package org.biodid.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.biodid.testing.TestDatabases;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

/**
 * The packaged Flyway migrations apply on PostgreSQL and on the embedded H2 default, create the constraints that
 * decide races, and are idempotent across restarts.
 */
class MigrationTest {

    private static final List<String> TABLES = List.of("enrollments", "idempotency_records", "api_keys", "used_proofs",
                                                              "verify_failures", "rate_limit_buckets",
                                                              "wallet_challenges");

    @TempDir
    Path dataDir;

    @Test
    void migratesPostgres() throws SQLException {
        DatabaseSettings settings = DatabaseSettings.from(TestDatabases.postgresConfig(Map.of()));
        assertMigrates(settings);
    }

    @Test
    void migratesEmbeddedH2UnderTheDataDirectory() throws SQLException {
        DatabaseSettings settings = DatabaseSettings.from(TestDatabases.h2Config(dataDir));
        assertThat(settings.embedded(), is(true));
        assertMigrates(settings);
        assertThat(Files.exists(dataDir.resolve("biodid.mv.db")), is(true));
    }

    private static void assertMigrates(DatabaseSettings settings) throws SQLException {
        for (int run = 0; run < 2; run++) {
            SchemaMigrator migrator = new SchemaMigrator(settings, Duration.ofSeconds(1));
            assertThat("migration run " + run, migrator.migrateOrRetryInBackground(), is(true));
            assertThat(migrator.isMigrated(), is(true));
        }
        try (Connection c = DriverManager.getConnection(settings.url(), settings.username(), settings.password())) {
            assertThat(tables(c), hasItems(TABLES.toArray(String[]::new)));
            assertThat(indexedColumns(c, "enrollments"), hasItems("wallet_address", "commitment", "active_wallet"));
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT max(version) FROM flyway_schema_history WHERE success")) {
                rs.next();
                assertThat("every migration in db/migration applied", rs.getString(1), is(latestMigration()));
            }
        }
    }

    /** The highest version among db/migration/V&lt;n&gt;__*.sql, the files Flyway is given. */
    private static String latestMigration() {
        try (Stream<Path> files = Files.list(Path.of("..", "db", "migration"))) {
            return Integer.toString(files.map(f -> f.getFileName().toString())
                                            .filter(name -> name.matches("V\\d+__.*\\.sql"))
                                            .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                                            .max().orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

    private static List<String> indexedColumns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, false)) {
            while (rs.next()) {
                String column = rs.getString("COLUMN_NAME");
                if (column != null) {
                    columns.add(column.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return columns;
    }
}
