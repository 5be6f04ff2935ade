package org.biodid.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.biodid.api.JsonBodies;
import org.biodid.reliability.support.Api;
import org.biodid.testing.PrivatePostgres;
import org.biodid.testing.ServiceProcess;
import org.biodid.testing.TestSubjects;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

/**
 * Two service processes on two ports share one PostgreSQL: concurrent enrollments of one wallet spread over both give
 * exactly one 201 (the database's unique constraint decides, not a check in either process), and enrollments spread
 * over both instances all succeed and resolve identically on either. (Whether two instances serve more than one is a
 * measurement for the performance profile, with {@code biodid.baseUrls}, not for a unit test on a shared machine.)
 */
class TwoInstancesTest {

    private static final int RACERS = 50;
    private static final int PEOPLE = 40;

    private static PrivatePostgres pg;
    private static ServiceProcess a;
    private static ServiceProcess b;

    @BeforeAll
    static void start() throws Exception {
        pg = PrivatePostgres.start();
        // 50 racers on 4 pooled connections per instance, on a loaded machine: the race is the subject, not the
        // pool's fail-fast wait (2 s by default, DatabaseOutageTest covers it)
        Map<String, String> env = pg.serviceEnv(Map.of("APP_DB_CONNECTION_TIMEOUT", "PT60S"));
        a = ServiceProcess.start("two-a", env);
        b = ServiceProcess.start("two-b", env);
        Support.awaitReady(new Api(a.base(), ServiceProcess.ADMIN_KEY), Support.READY_TIMEOUT);
        Support.awaitReady(new Api(b.base(), ServiceProcess.ADMIN_KEY), Support.READY_TIMEOUT);
    }

    @AfterAll
    static void stop() throws Exception {
        Support.closeAll(a, b, pg);
    }

    @Test
    void concurrentEnrollmentsOfOneWalletAcrossBothInstancesGiveExactlyOne201() throws Exception {
        String body = TestSubjects.enrollBody(77_000);
        List<Api> apis = List.of(new Api(a.base(), ServiceProcess.ADMIN_KEY), new Api(b.base(), ServiceProcess.ADMIN_KEY));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Result>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < RACERS; i++) {
                Api api = apis.get(i % 2);
                results.add(pool.submit(() -> {
                    go.await();
                    return api.enroll(body);
                }));
            }
            go.countDown();
        }
        Map<Integer, Long> byStatus = new HashMap<>();
        int created = 0;
        for (Future<Api.Result> f : results) {
            Api.Result r = f.get();
            byStatus.merge(r.status(), 1L, Long::sum);
            if (r.status() == 409) {
                assertThat(r.body(), r.body().contains("DID_ALREADY_ENROLLED"), is(true));
                assertThat(r.contentType().startsWith("application/problem+json"), is(true));
            }
            created += r.status() == 201 ? 1 : 0;
        }
        System.out.println("RELIABILITY two instances: " + RACERS + " concurrent enrollments of one wallet -> "
                                   + byStatus);
        assertThat("201s among " + RACERS + " racing enrollments " + byStatus, created, is(1));
        assertThat("the rest are 409 " + byStatus, byStatus.getOrDefault(409, 0L), is((long) RACERS - 1));
    }

    @Test
    void enrollmentsOnEitherInstanceResolveIdenticallyOnBoth() throws Exception {
        List<Api> apis = List.of(new Api(a.base(), ServiceProcess.ADMIN_KEY), new Api(b.base(), ServiceProcess.ADMIN_KEY));
        List<Future<Api.Result>> enrolled = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < PEOPLE; i++) {
                Api api = apis.get(i % 2);
                String body = TestSubjects.enrollBody(78_000 + i);
                enrolled.add(pool.submit(() -> api.enroll(body)));
            }
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            Api.Result r = enrolled.get(i).get();
            if (r.status() != 201) {
                problems.add("enrollment #" + i + " on instance " + (i % 2) + ": " + r);
                continue;
            }
            String did = JsonBodies.parse(r.body().getBytes(StandardCharsets.UTF_8)).get("did").asText();
            Api.Result onA = apis.get(0).get("/api/v1/did/" + did);
            Api.Result onB = apis.get(1).get("/api/v1/did/" + did);
            if (onA.status() != 200 || onB.status() != 200 || !onA.body().equals(onB.body())) {
                problems.add(did + " enrolled on instance " + (i % 2) + ": A " + onA + ", B " + onB);
            }
        }
        System.out.println("RELIABILITY two instances: " + PEOPLE + " concurrent enrollments spread over both, each "
                                   + "resolved on both: " + problems.size() + " problems");
        assertThat(problems, is(empty()));
    }
}
