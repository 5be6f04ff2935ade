package org.biodid.budget;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.FingerScan;
import org.biodid.biometrics.Minutia;
import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;
import org.biodid.testing.LogCapture;
import org.biodid.testing.TestDatabases;
import org.biodid.testing.TestServers;
import org.biodid.testing.TestSubjects;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * Issue 12's adaptive attacker, through the real HTTP server on PostgreSQL: a {@code verify}-scoped key, the victims'
 * public wallet addresses, a dictionary of synthetic fingers from the project's generator (another seed than the
 * victims'), keeping every finger an answer reveals and replacing the others, in batches of both verify forms as
 * fast as the service lets it. It must never be verified as a victim, no failure may reveal a finger, and the number
 * of attempts the service evaluates must stay within the failure budget for the time the attack ran.
 */
class AdaptiveAttackServerTest {

    private static final String ADMIN_KEY = "attack-test-admin-key-0001";
    private static final String ATTACKER_KEY = "attack-test-attacker-key-01";
    private static final String OTHER_ATTACKER_KEY = "attack-test-attacker-key-02";
    private static final String HONEST_APP_KEY = "attack-test-honest-app-key-1";
    private static final int VICTIMS = 3;
    private static final long FIRST_VICTIM = 120_000;
    private static final int LIMIT = 5;
    private static final Duration DELAY = Duration.ofSeconds(2);
    private static final Duration MAX_DELAY = Duration.ofSeconds(4);
    private static final Duration ATTACK = Duration.ofSeconds(12);
    private static final int BATCH = 10;
    private static final Set<String> FAILURE_FIELDS = Set.of("verified", "did", "wallet_address", "method", "reason",
                                                             "checked_at");

    private static Map<String, String> config(int keyLimit, int subjectLimit) {
        return config(keyLimit, subjectLimit, DELAY, MAX_DELAY);
    }

    private static Map<String, String> config(int keyLimit, int subjectLimit, Duration delay, Duration maxDelay) {
        return Map.of("app.api.keys", ADMIN_KEY + ":enroll+verify+admin," + ATTACKER_KEY + ":verify,"
                              + OTHER_ATTACKER_KEY + ":verify," + HONEST_APP_KEY + ":verify",
                      "app.rate.limit.rps", "100000",
                      "app.rate.limit.burst", "100000",
                      "app.db.connection.timeout", "PT15S",
                      "app.verify.failures.limit", Integer.toString(keyLimit),
                      "app.verify.failures.subject.limit", Integer.toString(subjectLimit),
                      "app.verify.failures.delay", delay.toString(),
                      "app.verify.failures.max.delay", maxDelay.toString());
    }

    @Test
    void adaptiveAttackerNeverVerifiesLearnsNoFingerAndMeetsTheBudget() throws Exception {
        TestDatabases.truncateServiceTables();
        TestServers.withServer(config(LIMIT, 1_000), http -> {
            // after the server start, which reconfigures logging from logging.properties
            List<String> audit = captureAudit();
            AttackClient client = new AttackClient(http);
            List<String> dids = new ArrayList<>();
            for (int v = 0; v < VICTIMS; v++) {
                dids.add(client.enroll(ADMIN_KEY, FIRST_VICTIM + v));
            }
            List<Outcome> outcomes = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Outcome>> running = new ArrayList<>();
                for (int v = 0; v < VICTIMS; v++) {
                    long victim = FIRST_VICTIM + v;
                    running.add(pool.submit(() -> attack(client, victim)));
                }
                for (Future<Outcome> f : running) {
                    outcomes.add(f.get());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            int allowed = allowedAttempts(ATTACK.plusSeconds(2));
            for (Outcome o : outcomes) {
                System.out.printf("ATTACK victim %d: %d requests (%d batches of %d), %d attempts evaluated, "
                                          + "%d answered 429, %d impersonations, fingers learned %d, %.1f s; first batch "
                                          + "%d of %d evaluated; budget allows at most %d in %d s%n",
                                  o.victim, o.requests, o.batches, BATCH, o.evaluated, o.locked, o.impersonations,
                                  o.learned, o.seconds, o.firstBatchEvaluated, BATCH, allowed, ATTACK.toSeconds() + 2);
                assertThat("impersonations of victim " + o.victim, o.impersonations, is(0));
                assertThat("fingers revealed by failures", o.learned, is(0));
                // all ten items run at once: the limit is evaluated, the rest wait (more only if the batch outlasted
                // the first lockout on a loaded machine; the two-instance test checks exactness with a long delay)
                assertThat("first batch: the limit is evaluated, the rest wait", o.firstBatchEvaluated,
                           allOf(greaterThanOrEqualTo(LIMIT),
                                 lessThanOrEqualTo(allowedAttempts(Duration.ofMillis(o.firstBatchMillis)))));
                assertThat("attempts evaluated within the budget", o.evaluated, lessThanOrEqualTo(allowed));
                assertThat("the attacker met the budget", o.locked, greaterThanOrEqualTo(1));
                assertThat("a lone request while locked: 429 VERIFICATION_LOCKED with Retry-After",
                           o.singleLockedSeen, is(true));
            }
            long lockoutLines = audit.stream().filter(l -> l.contains("\"verify_lockout\"")
                    && l.contains("\"scope\":\"key\"")).count();
            long expectedLines = outcomes.stream().mapToLong(o -> o.evaluated - LIMIT + 1).sum();
            System.out.printf("ATTACK audit: %d verify_lockout lines for %d lockouts%n", lockoutLines, expectedLines);
            // One line per lockout; on a machine so loaded that an evaluation outlasts a whole (2 s) lockout, two
            // lockouts of one key can share a line (FailureBudget.Attempt#failed), never more lines than lockouts.
            assertThat("audit lines per lockout", lockoutLines,
                       allOf(greaterThanOrEqualTo(expectedLines - VICTIMS), lessThanOrEqualTo(expectedLines)));

        });
    }

    @Test
    void aHostileKeyDoesNotLockOutOtherKeysUntilTheSubjectCeiling() {
        TestDatabases.truncateServiceTables();
        // long waits, so that nothing here depends on how fast a loaded machine answers
        TestServers.withServer(config(3, 4, Duration.ofMinutes(10), Duration.ofMinutes(10)), http -> {
            List<String> audit = captureAudit();
            AttackClient client = new AttackClient(http);
            String did = client.enroll(ADMIN_KEY, FIRST_VICTIM + 10);
            String wallet = TestSubjects.wallet(FIRST_VICTIM + 10);
            SyntheticFingerprints dictionary = new SyntheticFingerprints(77L);
            SplittableRandom random = new SplittableRandom(3);
            for (int i = 0; i < 3; i++) {
                assertThat(client.post("/api/v1/did/verify", ATTACKER_KEY, AttackClient.fingersItem(
                        wallet, dictionaryScans(dictionary, random, i * 4)).toString()).status(), is(200));
            }
            AttackClient.Answer locked = client.post("/api/v1/did/verify", ATTACKER_KEY,
                                                     AttackClient.proofItem(wallet, "00".repeat(32)).toString());
            assertThat(locked.status(), is(429));
            assertThat(locked.json().get("detail").asText(), containsString("with this API key"));
            // the victim's side: an honest app's key still verifies the genuine person...
            AttackClient.Answer honest = client.post("/api/v1/did/verify", HONEST_APP_KEY, AttackClient.fingersItem(
                    wallet, TestSubjects.impression(FIRST_VICTIM + 10, 2)).toString());
            assertThat(honest.json().toString(), honest.json().get("verified").asBoolean(), is(true));
            assertThat(honest.json().get("matched_fingers").size(), is(4));
            // ...and its success does not unlock the attacker's key; the admin reset does (admins only)
            assertThat(client.post("/api/v1/did/verify", ATTACKER_KEY, AttackClient.proofItem(wallet, "02".repeat(32))
                    .toString()).status(), is(429));
            assertThat(client.delete("/api/v1/did/" + did + "/failures", ATTACKER_KEY).status(), is(403));
            AttackClient.Answer reset = client.delete("/api/v1/did/" + did + "/failures", ADMIN_KEY);
            assertThat(reset.status(), is(200));
            assertThat(reset.json().get("counters_reset").asInt(), greaterThanOrEqualTo(1));
            assertThat(audit.stream().anyMatch(l -> l.contains("\"verify_failures_reset\"")), is(true));
            for (int i = 0; i < 3; i++) {
                assertThat(client.post("/api/v1/did/verify", ATTACKER_KEY, AttackClient.proofItem(
                        wallet, String.format("%064x", 10 + i)).toString()).status(), is(200));
            }
            // a second hostile key gets its own attempts, until the subject's ceiling (4) is spent for everyone
            assertThat(client.post("/api/v1/did/verify", OTHER_ATTACKER_KEY, AttackClient.proofItem(
                    wallet, "01".repeat(32)).toString()).status(), is(200));
            AttackClient.Answer everyone = client.post("/api/v1/did/verify", HONEST_APP_KEY, AttackClient.fingersItem(
                    wallet, TestSubjects.impression(FIRST_VICTIM + 10, 1)).toString());
            assertThat(everyone.status(), is(429));
            assertThat(everyone.json().get("code").asText(), is("VERIFICATION_LOCKED"));
            assertThat(everyone.json().get("detail").asText(), containsString("all API keys"));
            assertThat(everyone.retryAfter().orElseThrow(), greaterThanOrEqualTo(500L));
            assertThat(audit.stream().anyMatch(l -> l.contains("\"verify_lockout\"")
                    && l.contains("\"scope\":\"all_keys\"")), is(true));
        });
    }

    private static Outcome attack(AttackClient client, long victim) {
        String wallet = TestSubjects.wallet(victim);
        // The dictionary: realistic synthetic fingers from the project's generator, seeded apart from the victims'.
        SyntheticFingerprints dictionary = new SyntheticFingerprints(4_242L + victim);
        SplittableRandom random = new SplittableRandom(victim);
        SecureRandom guesses = new SecureRandom();
        Map<FingerId, List<Minutia>> kept = new EnumMap<>(FingerId.class);
        Outcome o = new Outcome(victim);
        long next = 0;
        long start = System.nanoTime();
        long end = start + ATTACK.toNanos();
        while (System.nanoTime() < end) {
            List<ObjectNode> items = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                // three fresh scans and seven proof guesses: both forms count, and the body stays under 64 KiB
                if (i < 3) {
                    List<FingerScan> scans = new ArrayList<>();
                    for (FingerId finger : TestSubjects.FINGERS) {
                        List<Minutia> master = kept.containsKey(finger) ? kept.get(finger) : dictionary.master(next++);
                        scans.add(new FingerScan(finger, SyntheticFingerprints.impression(master, NoiseModel.DEFAULT,
                                                                                          random)));
                    }
                    items.add(AttackClient.fingersItem(wallet, scans));
                } else {
                    byte[] guess = new byte[32];
                    guesses.nextBytes(guess);
                    items.add(AttackClient.proofItem(wallet, HexFormat.of().formatHex(guess)));
                }
            }
            AttackClient.Answer answer = client.post("/api/v1/did/verify/batch", ATTACKER_KEY,
                                                     AttackClient.batch(items));
            assertThat(answer.json().toString(), answer.status(), is(200));
            o.requests++;
            o.batches++;
            int evaluated = 0;
            long retryAfter = 0;
            for (int i = 0; i < BATCH; i++) {
                JsonNode result = answer.json().get("results").get(i);
                if (result.has("verified")) {
                    evaluated++;
                    if (result.get("verified").asBoolean()) {
                        o.impersonations++;
                        continue;
                    }
                    Set<String> fields = new TreeSet<>();
                    result.fieldNames().forEachRemaining(fields::add);
                    assertThat("a failure says only that it failed: " + result, fields,
                               is(new TreeSet<>(FAILURE_FIELDS)));
                    assertThat(result.get("reason").asText(), is("no_match"));
                    // The adaptive step: keep whatever the answer reveals (nothing, now).
                    JsonNode matched = result.get("matched_fingers");
                    if (matched != null) {
                        Iterator<JsonNode> it = matched.elements();
                        while (it.hasNext()) {
                            FingerId finger = FingerId.parse("matched", it.next().asText());
                            kept.put(finger, dictionary.master(next - TestSubjects.FINGERS.size()
                                    + TestSubjects.FINGERS.indexOf(finger)));
                            o.learned++;
                        }
                    }
                } else {
                    assertThat(result.toString(), result.get("status").asInt(), is(429));
                    assertThat(result.get("code").asText(), is("VERIFICATION_LOCKED"));
                    retryAfter = Math.max(retryAfter, result.get("retry_after").asLong());
                    o.locked++;
                }
            }
            if (o.batches == 1) {
                o.firstBatchEvaluated = evaluated;
                o.firstBatchMillis = (System.nanoTime() - start) / 1_000_000;
            }
            o.evaluated += evaluated;
            if (evaluated == 0) {
                AttackClient.Answer single = client.post("/api/v1/did/verify", ATTACKER_KEY, items.getFirst()
                        .toString());
                o.requests++;
                if (single.status() == 429) {
                    o.locked++;
                    o.singleLockedSeen |= single.retryAfter().orElse(0L) >= 1
                            && "VERIFICATION_LOCKED".equals(single.json().get("code").asText());
                } else {
                    o.evaluated++;
                    o.impersonations += single.json().get("verified").asBoolean() ? 1 : 0;
                }
                // a patient attacker honours Retry-After, so it gets every attempt the budget allows
                sleep(Math.min(retryAfter * 1000, Math.max(0, (end - System.nanoTime()) / 1_000_000)));
            }
        }
        o.seconds = (System.nanoTime() - start) / 1e9;
        return o;
    }

    /** The most attempts the budget lets one key make in a period: the limit at once, then one per wait. */
    static int allowedAttempts(Duration period) {
        BudgetSettings settings = new BudgetSettings(LIMIT, 1_000, DELAY, MAX_DELAY);
        int attempts = LIMIT;
        long waited = 0;
        for (int failures = LIMIT; ; failures++) {
            waited += settings.waitAfter(failures, LIMIT).toMillis();
            if (waited > period.toMillis()) {
                return attempts;
            }
            attempts++;
        }
    }

    private static List<FingerScan> dictionaryScans(SyntheticFingerprints dictionary, SplittableRandom random,
                                                    long first) {
        List<FingerScan> scans = new ArrayList<>();
        for (int f = 0; f < TestSubjects.FINGERS.size(); f++) {
            scans.add(new FingerScan(TestSubjects.FINGERS.get(f), SyntheticFingerprints.impression(
                    dictionary.master(first + f), NoiseModel.DEFAULT, random)));
        }
        return scans;
    }

    /** The audit capture of the running test, detached when it ends. */
    private LogCapture auditCapture;

    /** The audit lines from now until the test ends. */
    private List<String> captureAudit() {
        auditCapture = LogCapture.of("org.biodid.audit");
        return auditCapture.lines();
    }

    @AfterEach
    void detachAuditCapture() {
        if (auditCapture != null) {
            auditCapture.close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final class Outcome {
        private final long victim;
        private int requests;
        private int batches;
        private int evaluated;
        private int firstBatchEvaluated;
        private long firstBatchMillis;
        private int locked;
        private int impersonations;
        private int learned;
        private boolean singleLockedSeen;
        private double seconds;

        Outcome(long victim) {
            this.victim = victim;
        }
    }
}
