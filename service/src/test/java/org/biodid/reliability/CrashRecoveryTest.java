package org.biodid.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.biodid.reliability.support.Api;
import org.biodid.reliability.support.Load;
import org.biodid.testing.PrivatePostgres;
import org.biodid.testing.ServiceProcess;
import org.biodid.testing.TcpProxy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

/**
 * {@code kill -9} of the service process while several clients enroll, then a new process on the same database:
 * every enrollment acknowledged with 201 resolves, every stored enrollment is whole (its idempotency record, written
 * in the same transaction, is there too, and it resolves), and a client that lost its answer in the crash gets a
 * consistent one by retrying with its {@code Idempotency-Key}. Enrollments that committed but lost their answer are
 * forced (a proxy cuts their answers) rather than left to the timing of the kill, and must be replayed.
 */
class CrashRecoveryTest {

    private static final Map<String, String> DB = new java.util.HashMap<>();
    private static final int LOST_ANSWERS = 3;
    private static PrivatePostgres pg;

    @BeforeAll
    static void start() throws Exception {
        pg = PrivatePostgres.start();
        DB.putAll(pg.serviceEnv(Map.of()));
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void killNineDuringLoadLosesNoAcknowledgedEnrollmentAndLeavesNothingHalfWritten() throws Exception {
        List<String> bodies = Load.enrollBodies(5_000, 400);
        List<String> lostAnswers = Load.enrollBodies(9_000, LOST_ANSWERS);
        List<Load.Call> calls;
        int droppedAnswers;
        try (ServiceProcess first = ServiceProcess.start("crash-first", DB);
             TcpProxy proxy = TcpProxy.closedInFrontOf(first.port())) {
            Api api = new Api(first.base(), ServiceProcess.ADMIN_KEY);
            Support.awaitReady(api, Support.READY_TIMEOUT);

            // The case a crash leaves to chance, forced: enrollments the server committed and answered, whose
            // answers never reached the client (cut at their first byte), before the kill.
            proxy.open();
            proxy.dropAnswers(true);
            Api proxied = new Api(java.net.URI.create("http://127.0.0.1:" + proxy.port()), ServiceProcess.ADMIN_KEY);
            for (int i = 0; i < LOST_ANSWERS; i++) {
                Api.Result r = proxied.enroll(lostAnswers.get(i), "lost-" + i);
                assertThat("the answer must be lost: " + r, r.status(), is(-1));
            }
            droppedAnswers = proxy.droppedAnswers();

            Load load = Load.start(bodies, 6, i -> api.enroll(bodies.get(i), "crash-" + i));
            // Kill once the load is well under way, however slowly a loaded machine gets there.
            long loadStart = System.nanoTime();
            while (load.callsSoFar().stream().filter(c -> c.did() != null).count() < 20
                    && System.nanoTime() - loadStart < Duration.ofSeconds(120).toNanos()) {
                Thread.sleep(100);
            }
            Thread.sleep(500);
            first.kill9();
            calls = load.stop();
        }
        List<String> acknowledged = calls.stream().map(Load.Call::did).filter(Objects::nonNull).toList();
        List<Load.Call> unanswered = calls.stream().filter(c -> c.result().status() == -1).toList();
        List<String> unexpected = calls.stream()
                .filter(c -> c.result().status() != 201 && c.result().status() != -1)
                .map(c -> "#" + c.index() + ": " + c.result()).toList();

        try (ServiceProcess second = ServiceProcess.start("crash-second", DB)) {
            Api api = new Api(second.base(), ServiceProcess.ADMIN_KEY);
            Support.awaitReady(api, Support.READY_TIMEOUT);

            List<String> lost = new ArrayList<>();
            for (String did : acknowledged) {
                Api.Result r = api.get("/api/v1/did/" + did);
                if (r.status() != 200) {
                    lost.add(did + " -> " + r);
                }
            }

            Set<String> stored = new HashSet<>();
            long withoutIdempotencyRecord;
            try (Connection c = pg.connect(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT did FROM enrollments")) {
                    while (rs.next()) {
                        stored.add(rs.getString(1));
                    }
                }
                // the stored answers are sealed (docs/security.md): open them with the key the processes run with
                Set<String> answered = new HashSet<>();
                org.biodid.secrets.Sealer sealer = org.biodid.testing.TestSealers.sealer();
                try (ResultSet rs = s.executeQuery("SELECT api_key_id, idempotency_key, response_body "
                        + "FROM idempotency_records")) {
                    while (rs.next()) {
                        String body = rs.getString(3);
                        String text = body.startsWith("sealed:")
                                ? sealer.openText(java.util.Base64.getDecoder().decode(body.substring(7)),
                                                  "biodid:idempotency|" + rs.getString(1) + "|" + rs.getString(2))
                                : body;
                        java.util.regex.Matcher did = java.util.regex.Pattern.compile("\"did\":\"([^\"]+)\"")
                                .matcher(text);
                        if (did.find()) {
                            answered.add(did.group(1));
                        }
                    }
                }
                withoutIdempotencyRecord = stored.stream().filter(d -> !answered.contains(d)).count();
            }
            List<String> broken = new ArrayList<>();
            for (String did : stored) {
                Api.Result r = api.get("/api/v1/did/" + did);
                if (r.status() != 200 || !r.body().contains("\"deactivated\":false")) {
                    broken.add(did + " -> " + r);
                }
            }

            List<String> badRetries = new ArrayList<>();
            int forcedReplays = 0;
            for (int i = 0; i < LOST_ANSWERS; i++) {
                Api.Result r = api.enroll(lostAnswers.get(i), "lost-" + i);
                if (r.status() == 201 && "true".equals(r.header("Idempotent-Replayed"))) {
                    forcedReplays++;
                } else {
                    badRetries.add("lost answer #" + i + " not replayed: " + r);
                }
            }
            int replayed = forcedReplays;
            for (Load.Call c : unanswered) {
                Api.Result r = api.enroll(bodies.get(c.index()), "crash-" + c.index());
                if (r.status() != 201) {
                    badRetries.add("#" + c.index() + ": " + r);
                } else if ("true".equals(r.header("Idempotent-Replayed"))) {
                    replayed++;
                }
            }
            System.out.printf("RELIABILITY crash: %d answers cut after commit (%d replayed on retry); %d enrollments "
                                      + "sent by the load, %d acknowledged before kill -9, %d without an answer (%d of "
                                      + "them had committed: replayed on retry), %d rows stored%n",
                              droppedAnswers, forcedReplays, calls.size(), acknowledged.size(), unanswered.size(),
                              replayed - forcedReplays, stored.size());

            assertThat("answers the proxy cut", droppedAnswers, is(LOST_ANSWERS));
            assertThat("committed-but-unanswered enrollments replayed on retry", forcedReplays, is(LOST_ANSWERS));
            assertThat(replayed, greaterThan(0));

            assertThat("answers other than 201 or a dropped connection", unexpected, is(empty()));
            assertThat("enrollments were acknowledged before the crash", acknowledged.size(), greaterThan(10));
            assertThat("acknowledged enrollments missing after the restart", lost, is(empty()));
            assertThat("every acknowledged DID is stored", stored.containsAll(acknowledged), is(true));
            assertThat("stored enrollments without their idempotency record (half-written)",
                       withoutIdempotencyRecord, is(0L));
            assertThat("stored enrollments that do not resolve", broken, is(empty()));
            assertThat("retries of requests that lost their answer", badRetries, is(empty()));
            assertThat("stored rows are exactly the acknowledged plus those that committed unanswered",
                       stored.size(), is(acknowledged.size() + replayed));
        }
    }
}
