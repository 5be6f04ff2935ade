package org.biodid.budget;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.biodid.store.Database;
import org.biodid.store.DatabaseSettings;
import org.biodid.store.VerifyFailureRepository;
import org.biodid.testing.TestConfigs;
import org.biodid.testing.TestDatabases;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The failure budget's named statements on the embedded H2 default (the PostgreSQL side runs through the HTTP tests):
 * the limit, the doubling delay and its cap, the subject's ceiling, success and admin resets.
 */
class FailureBudgetH2Test {

    @Test
    void limitsDoublesCapsAndResetsOnTheEmbeddedDatabase(@TempDir Path dir) {
        AtomicLong millis = new AtomicLong(Instant.parse("2026-12-01T00:00:00Z").toEpochMilli());
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.get());
            }
        };
        try (Database db = Database.open(DatabaseSettings.from(TestDatabases.h2Config(dir)), Duration.ofSeconds(1))) {
            BudgetSettings settings = new BudgetSettings(3, 5, Duration.ofSeconds(30), Duration.ofSeconds(100));
            FailureBudget budget = new FailureBudget(new VerifyFailureRepository(db.client()), settings, clock);
            for (int i = 0; i < 3; i++) {
                budget.begin("did:s", "key_a", "r").failed();
            }
            SubjectLockedException locked = assertThrows(SubjectLockedException.class,
                                                         () -> budget.begin("did:s", "key_a", "r"));
            assertThat(locked.retryAfterSeconds(), is(30L));
            assertThat(locked.allKeys(), is(false));
            // another key is not held up by key_a's failures
            budget.begin("did:s", "key_b", "r").succeeded();
            millis.addAndGet(30_000);
            budget.begin("did:s", "key_a", "r").failed();
            assertThat(assertThrows(SubjectLockedException.class, () -> budget.begin("did:s", "key_a", "r"))
                               .retryAfterSeconds(), is(60L));
            millis.addAndGet(60_000);
            budget.begin("did:s", "key_a", "r").failed();
            assertThat("capped at max.delay", assertThrows(SubjectLockedException.class,
                                                           () -> budget.begin("did:s", "key_a", "r"))
                    .retryAfterSeconds(), is(100L));
            // key_b's success reset the ceiling; key_a's failures since are 2, so the ceiling (5) is not reached
            budget.begin("did:s", "key_c", "r").failed();
            budget.begin("did:s", "key_c", "r").failed();
            budget.begin("did:s", "key_c", "r").failed();
            SubjectLockedException ceiling = assertThrows(SubjectLockedException.class,
                                                          () -> budget.begin("did:s", "key_d", "r"));
            assertThat(ceiling.allKeys(), is(true));
            assertThat(budget.reset("did:s") > 0, is(true));
            budget.begin("did:s", "key_a", "r").succeeded();
            budget.begin("did:s", "key_d", "r").succeeded();
        }
    }

    @Test
    void waitsFollowTheDocumentedRule() {
        // the settings application.yaml ships
        BudgetSettings d = BudgetSettings.from(TestConfigs.applicationYaml(Map.of()).get("app.verify.failures"));
        assertThat(d.waitAfter(4, 5), is(Duration.ZERO));
        assertThat(d.waitAfter(5, 5), is(Duration.ofSeconds(30)));
        assertThat(d.waitAfter(6, 5), is(Duration.ofSeconds(60)));
        assertThat(d.waitAfter(16, 5), is(Duration.ofSeconds(30L << 11)));
        assertThat(d.waitAfter(17, 5), is(Duration.ofHours(24)));
        assertThat(d.waitAfter(1_000_000, 5), is(Duration.ofHours(24)));
    }
}
