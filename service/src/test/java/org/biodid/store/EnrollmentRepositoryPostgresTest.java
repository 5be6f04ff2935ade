package org.biodid.store;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.biodid.testing.TestDatabases;
import org.biodid.testing.TestSealers;

/**
 * The repository contract on PostgreSQL, through the same settings, migrations and DbClient as production.
 */
class EnrollmentRepositoryPostgresTest extends EnrollmentRepositoryContract {

    private static Database database;
    private static EnrollmentRepository repository;

    @BeforeAll
    static void open() {
        database = Database.open(DatabaseSettings.from(TestDatabases.postgresConfig(Map.of())), Duration.ofSeconds(1));
        repository = new EnrollmentRepository(database.client(), TestSealers.sealer());
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void clean() {
        TestDatabases.truncateServiceTables();
    }

    @Override
    EnrollmentRepository repository() {
        return repository;
    }
}
