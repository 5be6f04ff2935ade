package org.biodid.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.biodid.testing.TestDatabases;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Concurrent attempts on one subject, as a wallet retrying in parallel makes them: claims (a MERGE that may insert
 * the counter row) interleaved with successes (which delete it) on the real PostgreSQL never surface the primary
 * key race as an error (it was a 503 on a genuine verification).
 */
class VerifyFailureRaceTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 250;

    @Test
    void claimsAndSuccessesOnOneSubjectNeverFail() throws Exception {
        TestDatabases.truncateServiceTables();
        try (Database database = Database.open(DatabaseSettings.from(TestDatabases.postgresConfig(Map.of())),
                                               Duration.ofSeconds(1));
             ExecutorService clients = Executors.newFixedThreadPool(THREADS)) {
            VerifyFailureRepository failures = new VerifyFailureRepository(database.counters());
            String subject = "did:cardano:testnet:raceRaceRaceRaceRaceRaceRaceRaceRaceRace";
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(clients.submit(() -> {
                    int claimed = 0;
                    for (int i = 0; i < ROUNDS; i++) {
                        long now = System.currentTimeMillis();
                        if (failures.claim(subject, "key_race", now, 1_000_000, Duration.ofSeconds(30),
                                           Duration.ofHours(24))) {
                            claimed++;
                        }
                        failures.succeeded(subject, "key_race", System.currentTimeMillis());
                    }
                    return claimed;
                }));
            }
            int claimed = 0;
            for (Future<Integer> result : results) {
                claimed += result.get(); // an exception in any client fails the test here
            }
            // with a limit no one reaches, every attempt was admitted
            assertThat(claimed, is(THREADS * ROUNDS));
        }
    }
}
