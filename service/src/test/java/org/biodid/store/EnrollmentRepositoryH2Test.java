package org.biodid.store;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import org.biodid.testing.TestDatabases;
import org.biodid.testing.TestSealers;

/**
 * The repository contract on the embedded H2 default: the same migrations and statements must hold there, since
 * that is what {@code java -jar} runs on a fresh machine.
 */
class EnrollmentRepositoryH2Test extends EnrollmentRepositoryContract {

    @TempDir
    Path dataDir;

    private Database database;
    private EnrollmentRepository repository;

    @BeforeEach
    void open() {
        database = Database.open(DatabaseSettings.from(TestDatabases.h2Config(dataDir)), Duration.ofSeconds(1));
        repository = new EnrollmentRepository(database.client(), TestSealers.sealer());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    EnrollmentRepository repository() {
        return repository;
    }
}
