package org.biodid.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What the enrollment repository guarantees, run against each database the service supports.
 */
abstract class EnrollmentRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-11-28T01:54:39.533Z");

    abstract EnrollmentRepository repository();

    @Test
    void storesAndFindsAnEnrollment() {
        EnrollmentRecord e = enrollment("did:cardano:testnet:A1", "addr_test1alice", T0);
        repository().insert(e);
        assertThat(repository().findByDid(e.did()), is(Optional.of(e)));
        assertThat(repository().findActiveByWallet("addr_test1alice"), is(Optional.of(e)));
        assertThat(repository().findByDid("did:cardano:testnet:nope").isPresent(), is(false));
    }

    @Test
    void secondActiveEnrollmentOfAWalletIsRefused() {
        repository().insert(enrollment("did:cardano:testnet:B1", "addr_test1bob", T0));
        assertThrows(DuplicateEnrollmentException.class,
                     () -> repository().insert(enrollment("did:cardano:testnet:B2", "addr_test1bob", T0)));
        assertThat(repository().findByDid("did:cardano:testnet:B2").isPresent(), is(false));
    }

    @Test
    void revokedWalletMayEnrollAgain() {
        repository().insert(enrollment("did:cardano:testnet:C1", "addr_test1carol", T0));
        Instant revokedAt = T0.plusSeconds(60);
        assertThat(repository().revoke("did:cardano:testnet:C1", revokedAt), is(true));
        assertThat(repository().revoke("did:cardano:testnet:C1", revokedAt), is(false));
        assertThat(repository().findByDid("did:cardano:testnet:C1").get().revokedAt(), is(revokedAt));
        assertThat(repository().findActiveByWallet("addr_test1carol").isPresent(), is(false));

        repository().insert(enrollment("did:cardano:testnet:C2", "addr_test1carol", T0.plusSeconds(120)));
        assertThat(repository().findActiveByWallet("addr_test1carol").get().did(), is("did:cardano:testnet:C2"));
    }

    @Test
    void listsAWalletNewestFirstWithKeysetPages() {
        List<String> dids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String did = "did:cardano:testnet:D" + i;
            repository().insert(enrollment(did, "addr_test1dave", T0.plusSeconds(i)));
            repository().revoke(did, T0.plusSeconds(i).plusMillis(500));
            dids.add(0, did);
        }
        List<EnrollmentRecord> first = repository().listByWallet("addr_test1dave", Optional.empty(), 2);
        assertThat(first.stream().map(EnrollmentRecord::did).toList(), contains(dids.get(0), dids.get(1)));
        EnrollmentRecord last = first.getLast();
        List<EnrollmentRecord> second = repository().listByWallet(
                "addr_test1dave", Optional.of(new EnrollmentRepository.PageKey(last.createdAt(), last.did())), 10);
        assertThat(second.stream().map(EnrollmentRecord::did).toList(), contains(dids.subList(2, 5).toArray()));
    }

    @Test
    void concurrentEnrollmentsOfOneWalletHaveExactlyOneWinner() throws Exception {
        int contenders = 20;
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            EnrollmentRecord e = enrollment("did:cardano:testnet:E" + i, "addr_test1eve", T0);
            attempts.add(() -> {
                try {
                    repository().insert(e);
                    return true;
                } catch (DuplicateEnrollmentException lost) {
                    return false;
                }
            });
        }
        int winners = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Boolean> result : pool.invokeAll(attempts)) {
                winners += result.get() ? 1 : 0;
            }
        }
        assertThat(winners, is(1));
        assertThat(repository().findActiveByWallet("addr_test1eve").isPresent(), is(true));
    }

    static EnrollmentRecord enrollment(String did, String wallet, Instant createdAt) {
        return new EnrollmentRecord(did, wallet, "testnet", new byte[] {1, 2, 3, (byte) did.hashCode()}, new byte[] {9, 9},
                              "idhash-" + did.hashCode(), "{\"left_thumb\":\"AQID\"}",
                              createdAt.truncatedTo(ChronoUnit.MILLIS), null);
    }
}
