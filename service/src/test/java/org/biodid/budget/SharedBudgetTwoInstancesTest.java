package org.biodid.budget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.helidon.webclient.http1.Http1Client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.biodid.testing.ServiceProcess;
import org.biodid.testing.TestDatabases;
import org.biodid.testing.TestSubjects;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * Two service processes on one PostgreSQL share one subject's failure budget: failures through either count for
 * both, both refuse once it is spent, concurrent batches through both together get exactly the limit evaluated, and a
 * success or an admin reset through one reopens both. Their console output never contains the helper data.
 */
class SharedBudgetTwoInstancesTest {

    private static final int LIMIT = 4;
    private static final long PERSON = 130_000;

    private static ServiceProcess a;
    private static ServiceProcess b;

    @BeforeAll
    static void start() throws Exception {
        TestDatabases.truncateServiceTables();
        Map<String, String> env = new HashMap<>(Map.of("DB_CONNECTION_URL", TestDatabases.postgresUrl(),
                                                       "DB_CONNECTION_USERNAME", TestDatabases.postgresUser(),
                                                       "DB_CONNECTION_PASSWORD", "",
                                                       "APP_VERIFY_FAILURES_LIMIT", Integer.toString(LIMIT),
                                                       "APP_VERIFY_FAILURES_SUBJECT_LIMIT", "100",
                                                       "APP_VERIFY_FAILURES_DELAY", "PT60S"));
        a = ServiceProcess.start("budget-a", env);
        b = ServiceProcess.start("budget-b", env);
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess p : new ServiceProcess[] {a, b}) {
            if (p != null) {
                p.close();
            }
        }
    }

    @Test
    void bothInstancesShareOneSubjectsFailureBudget() throws Exception {
        AttackClient viaA = client(a);
        AttackClient viaB = client(b);
        String key = ServiceProcess.ADMIN_KEY;
        AttackClient.Answer enrolled = viaA.post("/api/v1/did/enroll", key, TestSubjects.enrollBody(PERSON));
        assertThat(enrolled.status(), is(201));
        String did = enrolled.json().get("did").asText();
        List<String> helperTexts = new ArrayList<>();
        enrolled.json().get("helpers").elements().forEachRemaining(h -> helperTexts.add(h.get("data").asText()));
        String wallet = TestSubjects.wallet(PERSON);

        // failures alternate between the instances; the budget is one
        for (int i = 0; i < LIMIT; i++) {
            AttackClient.Answer failed = (i % 2 == 0 ? viaA : viaB).post("/api/v1/did/verify", key, guess(wallet, i));
            assertThat(failed.json().toString(), failed.json().get("verified").asBoolean(), is(false));
        }
        for (AttackClient via : List.of(viaA, viaB)) {
            AttackClient.Answer locked = via.post("/api/v1/did/verify", key, guess(wallet, 9));
            assertThat(locked.status(), is(429));
            assertThat(locked.json().get("code").asText(), is("VERIFICATION_LOCKED"));
            assertThat(locked.retryAfter().orElseThrow(), allOf(greaterThanOrEqualTo(1L), lessThanOrEqualTo(60L)));
        }

        // an admin reset through B reopens A; then concurrent batches through both get exactly LIMIT evaluated
        assertThat(viaB.delete("/api/v1/did/" + did + "/failures", key).status(), is(200));
        int evaluated = concurrentBatches(viaA, viaB, key, wallet);
        System.out.println("BUDGET two instances: 2 concurrent batches of 10 guesses -> " + evaluated
                                   + " evaluated (limit " + LIMIT + ")");
        assertThat(evaluated, is(LIMIT));

        // a success through one instance resets the count for both
        assertThat(viaA.delete("/api/v1/did/" + did + "/failures", key).status(), is(200));
        for (int i = 0; i < LIMIT - 1; i++) {
            assertThat(viaA.post("/api/v1/did/verify", key, guess(wallet, 20 + i)).status(), is(200));
        }
        AttackClient.Answer genuine = viaB.post("/api/v1/did/verify", key, AttackClient.fingersItem(
                wallet, TestSubjects.impression(PERSON, 3)).toString());
        assertThat(genuine.json().toString(), genuine.json().get("verified").asBoolean(), is(true));
        for (int i = 0; i < LIMIT; i++) {
            assertThat("failures counted afresh after the success",
                       viaA.post("/api/v1/did/verify", key, guess(wallet, 30 + i)).status(), is(200));
        }
        assertThat(viaB.post("/api/v1/did/verify", key, guess(wallet, 40)).status(), is(429));

        for (ServiceProcess p : List.of(a, b)) {
            String log = p.output();
            assertThat(log.contains("verify_lockout"), is(true));
            for (String helper : helperTexts) {
                assertThat("helper data in the console output", log.contains(helper.substring(0, 40)), is(false));
            }
        }
    }

    private static int concurrentBatches(AttackClient viaA, AttackClient viaB, String key, String wallet)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<AttackClient.Answer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (AttackClient via : List.of(viaA, viaB)) {
                List<ObjectNode> items = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    items.add(AttackClient.proofItem(wallet, String.format("%064x", 1000 + answers.size() * 10 + i)));
                }
                answers.add(pool.submit(() -> {
                    go.await();
                    return via.post("/api/v1/did/verify/batch", key, AttackClient.batch(items));
                }));
            }
            go.countDown();
        }
        int evaluated = 0;
        for (Future<AttackClient.Answer> f : answers) {
            for (JsonNode result : f.get().json().get("results")) {
                if (result.has("verified")) {
                    assertThat(result.get("verified").asBoolean(), is(false));
                    evaluated++;
                } else {
                    assertThat(result.get("code").asText(), is("VERIFICATION_LOCKED"));
                }
            }
        }
        return evaluated;
    }

    private static String guess(String wallet, int i) {
        return AttackClient.proofItem(wallet, String.format("%064x", i + 1)).toString();
    }

    private static AttackClient client(ServiceProcess p) {
        return new AttackClient(Http1Client.builder().baseUri(p.base()).build());
    }
}
