package org.biodid.observe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.biodid.store.DatabaseSettings;
import org.biodid.store.SchemaMigrator;
import org.biodid.testing.TestDatabases;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The readiness check asks the database at most once per max age, and never makes callers queue behind a slow ping.
 */
class DatabaseReadinessTest {

    @TempDir
    Path dataDir;

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger pings = new AtomicInteger();

    @Test
    void reusesThePingWithinItsMaxAge() {
        DatabaseReadiness readiness = new DatabaseReadiness(migrated(), countingPing(null), Duration.ofSeconds(1),
                                                            nanos::get);
        readiness.call();
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        readiness.call();
        assertThat(pings.get(), is(1));
        nanos.addAndGet(Duration.ofMillis(2).toNanos());
        readiness.call();
        assertThat(pings.get(), is(2));
    }

    @Test
    void callersDoNotWaitForARefreshInProgress() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch secondPing = new CountDownLatch(1);
        HealthCheck slowAfterFirst = () -> {
            if (pings.incrementAndGet() > 1) {
                secondPing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return HealthCheckResponse.builder().status(true).build();
        };
        DatabaseReadiness readiness = new DatabaseReadiness(migrated(), slowAfterFirst, Duration.ZERO, nanos::get);
        readiness.call();
        Thread refresher = Thread.ofVirtual().start(readiness::call);
        assertThat("the refresher reached the database", secondPing.await(30, TimeUnit.SECONDS), is(true));
        // The refresher is stuck in the database; this caller gets the last answer instead of queueing.
        assertThat(readiness.call().status(), is(HealthCheckResponse.Status.UP));
        assertThat(pings.get(), is(2));
        release.countDown();
        refresher.join();
    }

    @Test
    void pendingMigrationIsDownWithoutAskingTheDatabase() {
        SchemaMigrator pending = new SchemaMigrator(DatabaseSettings.from(TestDatabases.h2Config(dataDir)),
                                                    Duration.ofSeconds(1));
        DatabaseReadiness readiness = new DatabaseReadiness(pending, countingPing(null), Duration.ofSeconds(1),
                                                            nanos::get);
        assertThat(readiness.call().status(), is(HealthCheckResponse.Status.DOWN));
        assertThat(pings.get(), is(0));
    }

    private SchemaMigrator migrated() {
        SchemaMigrator migrator = new SchemaMigrator(DatabaseSettings.from(TestDatabases.h2Config(dataDir)),
                                                     Duration.ofSeconds(1));
        migrator.migrateOrRetryInBackground();
        return migrator;
    }

    private HealthCheck countingPing(CountDownLatch release) {
        return () -> {
            pings.incrementAndGet();
            if (release != null) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return HealthCheckResponse.builder().status(true).build();
        };
    }
}
