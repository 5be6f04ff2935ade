package org.biodid.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.biodid.reliability.support.Api;
import org.biodid.testing.PrivatePostgres;
import org.biodid.testing.ServiceProcess;
import org.biodid.testing.TestSubjects;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

/**
 * Two service processes on two ports share one PostgreSQL: concurrent enrollments of one wallet spread over both give
 * exactly one 201 (the database's unique constraint decides, not a check in either process), and a fixed-concurrency
 * load spread over both instances is served at least as well as by one.
 */
class TwoInstancesTest {

    private static final int RACERS = 50;
    private static final int CLIENTS = 8;
    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final Duration MEASURE = Duration.ofSeconds(4);

    private static PrivatePostgres pg;
    private static ServiceProcess a;
    private static ServiceProcess b;

    @BeforeAll
    static void start() throws Exception {
        pg = PrivatePostgres.start();
        Map<String, String> env = new HashMap<>(Map.of("DB_CONNECTION_URL", pg.jdbcUrl(),
                                                       "DB_CONNECTION_USERNAME", "postgres",
                                                       "DB_CONNECTION_PASSWORD", "",
                                                       // the throughput loop must measure the service, not the limiter
                                                       "APP_RATE_LIMIT_RPS", "1000000",
                                                       "APP_RATE_LIMIT_BURST", "1000000"));
        a = ServiceProcess.start("two-a", env);
        b = ServiceProcess.start("two-b", env);
        Support.awaitReady(new Api(a.base(), ServiceProcess.ADMIN_KEY), Duration.ofSeconds(30));
        Support.awaitReady(new Api(b.base(), ServiceProcess.ADMIN_KEY), Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess p : new ServiceProcess[] {a, b}) {
            if (p != null) {
                p.close();
            }
        }
        if (pg != null) {
            pg.close();
        }
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
    void throughputOverBothInstancesIsAtLeastThatOfOne() throws Exception {
        Api apiA = new Api(a.base(), ServiceProcess.ADMIN_KEY);
        Api apiB = new Api(b.base(), ServiceProcess.ADMIN_KEY);
        String body = "{\"commitment\":\"" + "ab".repeat(32) + "\",\"network\":\"testnet\"}";
        measure(List.of(apiA, apiB), body, WARM_UP);
        Rate one = measure(List.of(apiA), body, MEASURE);
        Rate both = measure(List.of(apiA, apiB), body, MEASURE);
        double ratio = both.perSecond() / one.perSecond();
        System.out.printf("RELIABILITY two instances: POST /api/v1/did/generate at %d clients for %d s: one instance "
                                  + "%.0f req/s, two instances %.0f req/s (%.2fx; split %s), errors %d/%d%n",
                          CLIENTS, MEASURE.toSeconds(), one.perSecond(), both.perSecond(), ratio,
                          both.perInstance(), one.errors(), both.errors());
        assertThat("errors", one.errors() + both.errors(), is(0L));
        assertThat("both instances served", both.perInstance().values().stream().allMatch(n -> n > 0), is(true));
        assertThat("two instances serve at least 60 % of one instance's rate (client and both services share 2 cores here)",
                   ratio, greaterThan(0.6));
    }

    private static Rate measure(List<Api> apis, String body, Duration duration) throws Exception {
        AtomicLong errors = new AtomicLong();
        Map<Integer, AtomicLong> perInstance = new HashMap<>();
        for (int i = 0; i < apis.size(); i++) {
            perInstance.put(i, new AtomicLong());
        }
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CLIENTS; c++) {
                int instance = c % apis.size();
                Api api = apis.get(instance);
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        Api.Result r = api.post("/api/v1/did/generate", body, Map.of());
                        if (r.status() == 200) {
                            perInstance.get(instance).incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = perInstance.values().stream().mapToLong(AtomicLong::get).sum();
        return new Rate(total / seconds, errors.get(), perInstance.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())));
    }

    private record Rate(double perSecond, long errors, Map<Integer, Long> perInstance) {
    }
}
