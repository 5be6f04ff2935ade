package org.biodid.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.biodid.testing.TestDatabases;
import org.biodid.testing.TestSealers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Expired proofs and old idempotency records go; live ones stay, so replay protection is not weakened.
 */
class HousekeepingTest {

    @Test
    void deletesOnlyWhatHasExpired() {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        TestDatabases.truncateServiceTables();
        try (Database db = Database.open(DatabaseSettings.from(TestDatabases.postgresConfig(Map.of())),
                                         Duration.ofSeconds(1))) {
            UsedProofRepository proofs = new UsedProofRepository(db.client());
            IdempotencyRepository records = new IdempotencyRepository(db.client(), TestSealers.sealer());
            EnrollmentRepository enrollments = new EnrollmentRepository(db.client(), TestSealers.sealer());
            WalletChallengeRepository challenges = new WalletChallengeRepository(db.client());
            challenges.insert(new WalletChallengeRepository.StoredChallenge("long-gone", "addr_test1h", "enroll",
                                                                            now.minusSeconds(7500),
                                                                            now.minusSeconds(7200), null));
            challenges.insert(new WalletChallengeRepository.StoredChallenge("just-expired", "addr_test1h", "enroll",
                                                                            now.minusSeconds(400),
                                                                            now.minusSeconds(100), null));
            assertThat(proofs.markUsed("expired", now.minusSeconds(1)), is(true));
            assertThat(proofs.markUsed("live", now.plusSeconds(60)), is(true));
            enrollments.insert(EnrollmentRepositoryContract.enrollment("did:cardano:testnet:H1", "addr_test1h", now),
                               Optional.of(new IdempotencyRecord("k", "old", "h", 201, "{}", now.minusSeconds(90_000))));
            enrollments.insert(EnrollmentRepositoryContract.enrollment("did:cardano:testnet:H2", "addr_test1i", now),
                               Optional.of(new IdempotencyRecord("k", "new", "h", 201, "{}", now.minusSeconds(60))));

            try (Housekeeping housekeeping = new Housekeeping(proofs, records, challenges,
                                                              new SecretsResealer(db.client(), TestSealers.sealer()),
                                                              Duration.ofHours(24),
                                                              Duration.ofHours(1),
                                                              Clock.fixed(now, ZoneOffset.UTC))) {
                housekeeping.runOnce();
            }
            assertThat("an expired proof may be used again", proofs.markUsed("expired", now.plusSeconds(5)), is(true));
            assertThat("a live proof is still remembered", proofs.markUsed("live", now.plusSeconds(60)), is(false));
            assertThat(records.find("k", "old").isPresent(), is(false));
            assertThat(records.find("k", "new").isPresent(), is(true));
            assertThat(challenges.find("long-gone").isPresent(), is(false));
            assertThat("kept for an hour, to answer CHALLENGE_EXPIRED",
                       challenges.find("just-expired").isPresent(), is(true));
        }
    }
}
