package org.biodid.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.biodid.reliability.support.Api;
import org.biodid.testing.ServiceProcess;
import org.biodid.testing.TestDatabases;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * Two service processes on one PostgreSQL database, both configured only through the environment
 * ({@code APP_RATE_LIMIT_STORE=postgresql}), give one API key one rate budget between them; the same two processes
 * with the in-process store give it one budget each, which is what the shared store exists to prevent.
 * <p>
 * The refill rate is one token per thousand seconds, so the counts cannot depend on how fast the machine is: within
 * the test a bucket holds exactly its burst.
 */
class SharedRateLimitTest {

    private static final int BURST = 20;
    private static final String RPS = "0.001";
    private static final String GENERATE = "{\"commitment\":\"" + "ab".repeat(32) + "\",\"network\":\"testnet\"}";
    // fresh keys per run: the buckets live in the database, which other runs of this test share
    private static final String ALTERNATING_KEY = "alternating-" + UUID.randomUUID();
    private static final String CONCURRENT_KEY = "concurrent-" + UUID.randomUUID();
    private static final String LOCAL_KEY = "local-" + UUID.randomUUID();

    private static final List<ServiceProcess> PROCESSES = new ArrayList<>();

    @BeforeAll
    static void requirePostgres() {
        TestDatabases.requirePostgres();
    }

    @AfterAll
    static void stop() {
        PROCESSES.forEach(ServiceProcess::close);
    }

    @Test
    void oneKeyAlternatingBetweenTwoInstancesGetsOneBudget() throws Exception {
        List<Api> apis = startPair("postgresql", ALTERNATING_KEY);
        List<Integer> remaining = new ArrayList<>();
        int allowed = 0;
        Api.Result refused = null;
        for (int i = 0; i < 3 * BURST; i++) {
            Api.Result r = apis.get(i % 2).post("/api/v1/did/generate", GENERATE, Map.of());
            if (r.status() == 200) {
                allowed++;
                remaining.add(Integer.parseInt(r.header("RateLimit-Remaining")));
            } else {
                assertThat(r.toString(), r.status(), is(429));
                refused = r;
            }
        }
        System.out.println("FLEET shared rate limit: " + 3 * BURST + " requests alternating over two instances, burst "
                                   + BURST + " -> " + allowed + " allowed; RateLimit-Remaining " + remaining);
        assertThat("one budget of " + BURST + " across both instances", allowed, is(BURST));
        List<Integer> countdown = new ArrayList<>();
        for (int left = BURST - 1; left >= 0; left--) {
            countdown.add(left);
        }
        assertThat("both instances count down the same bucket", remaining, is(countdown));
        assertThat(Long.parseLong(refused.header("Retry-After")) >= 1, is(true));
        assertThat(refused.header("RateLimit-Limit"), is(Integer.toString(BURST)));
        assertThat(refused.header("RateLimit-Remaining"), is("0"));
        assertThat(refused.contentType(), startsWith("application/problem+json"));
        assertThat(refused.body(), refused.body().contains("\"RATE_LIMITED\""), is(true));
    }

    @Test
    void concurrentRequestsOverTwoInstancesNeverOverspendTheBudget() throws Exception {
        List<Api> apis = startPair("postgresql", CONCURRENT_KEY);
        int total = 5 * BURST;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < total; i++) {
                Api api = apis.get(i % 2);
                statuses.add(pool.submit(() -> {
                    go.await();
                    return api.post("/api/v1/did/generate", GENERATE, Map.of()).status();
                }));
            }
            go.countDown();
        }
        Map<Integer, Integer> byStatus = new HashMap<>();
        for (Future<Integer> f : statuses) {
            byStatus.merge(f.get(), 1, Integer::sum);
        }
        System.out.println("FLEET shared rate limit: " + total + " concurrent requests over two instances, burst "
                                   + BURST + " -> " + byStatus);
        assertThat(byStatus.toString(), byStatus.getOrDefault(200, 0), is(BURST));
        assertThat(byStatus.toString(), byStatus.getOrDefault(429, 0), is(total - BURST));
    }

    @Test
    void theInProcessStoreGivesEachInstanceItsOwnBudget() throws Exception {
        List<Api> apis = startPair("local", LOCAL_KEY);
        int allowed = 0;
        for (int i = 0; i < 3 * BURST; i++) {
            allowed += apis.get(i % 2).post("/api/v1/did/generate", GENERATE, Map.of()).status() == 200 ? 1 : 0;
        }
        System.out.println("FLEET in-process rate limit: " + 3 * BURST + " requests alternating over two instances,"
                                   + " burst " + BURST + " -> " + allowed + " allowed");
        assertThat("one budget per instance", allowed, is(2 * BURST));
    }

    private static List<Api> startPair(String store, String key) throws Exception {
        Map<String, String> env = Map.of("DB_CONNECTION_URL", TestDatabases.postgresUrl(),
                                         "DB_CONNECTION_USERNAME", TestDatabases.postgresUser(),
                                         "DB_CONNECTION_PASSWORD", "",
                                         "APP_API_KEYS", ServiceProcess.ADMIN_KEY + ":enroll+verify+admin," + key
                                                 + ":verify",
                                         "APP_RATE_LIMIT_STORE", store,
                                         "APP_RATE_LIMIT_RPS", RPS,
                                         "APP_RATE_LIMIT_BURST", Integer.toString(BURST));
        List<Api> apis = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            ServiceProcess p = ServiceProcess.start("rate-" + store + "-" + name, env);
            PROCESSES.add(p);
            Api admin = new Api(p.base(), ServiceProcess.ADMIN_KEY);
            Support.awaitReady(admin, Duration.ofSeconds(30));
            // a first limited request loads the limiter's classes and opens its pool before the measured ones
            assertThat(admin.post("/api/v1/did/generate", GENERATE, Map.of()).status(), is(200));
            apis.add(new Api(p.base(), key));
        }
        return apis;
    }
}
