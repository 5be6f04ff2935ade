package org.biodid.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;

import org.junit.jupiter.api.Test;

import org.biodid.Wiring;
import org.biodid.store.ApiKeyRepository;
import org.biodid.store.Database;
import org.biodid.testing.TestDatabases;
import org.biodid.testing.TestServers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * API keys and rate limits as configured through the environment's keys ({@code APP_API_KEYS},
 * {@code APP_RATE_LIMIT_RPS}, {@code APP_RATE_LIMIT_BURST}, {@code APP_PROFILE}).
 */
class AccessServerTest {

    private static final String KEY = "rate-limited-key-000001";
    private static final String GENERATE = "{\"commitment\":\"" + "ab".repeat(32) + "\"}";

    @Test
    void rateLimitAnswers429WithRetryAfterAndRateLimitHeaders() {
        // One token per 100 s: none comes back during the test, however slow the machine.
        TestServers.withServer(Map.of("app.api.keys", KEY + ":verify", "app.rate.limit.rps", "0.01",
                          "app.rate.limit.burst", "2"), client -> {
            for (int i = 0; i < 2; i++) {
                try (Http1ClientResponse res = generate(client)) {
                    assertThat(res.status(), is(Status.OK_200));
                    assertThat(res.headers().get(HeaderNames.create("RateLimit-Limit")).get(), is("2"));
                    assertThat(res.headers().get(HeaderNames.create("RateLimit-Remaining")).get(),
                               is(Integer.toString(1 - i)));
                }
            }
            try (Http1ClientResponse res = generate(client)) {
                assertThat(HttpPlumbingContract.problem(res, Status.TOO_MANY_REQUESTS_429).get("code").asText(),
                           is("RATE_LIMITED"));
                assertThat(Long.parseLong(res.headers().get(HeaderNames.RETRY_AFTER).get()) >= 1, is(true));
                assertThat(res.headers().get(HeaderNames.create("RateLimit-Remaining")).get(), is("0"));
            }
            // Public routes are not limited.
            try (Http1ClientResponse res = client.get("/health/live").request()) {
                assertThat(res.status(), is(Status.OK_200));
            }
        });
    }

    @Test
    void productionProfileRefusesToStartWithoutKeys() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Wiring.create(
                TestDatabases.postgresConfig(Map.of("app.profile", "production",
                                                    // the test kit turns signatures off; production refuses that first
                                                    "app.require.wallet.signature", "true")), List.of()).start());
        assertThat(e.getMessage(), startsWith("The production profile needs API keys"));
    }

    @Test
    void developmentDefaultCreatesOneStoredKeyWithAllScopes() {
        TestDatabases.truncateServiceTables();
        Wiring wiring = Wiring.create(TestDatabases.postgresConfig(Map.of()), List.of()).start();
        try (Database db = wiring.database()) {
            ApiKeyRepository keys = new ApiKeyRepository(db.client());
            assertThat(keys.countActive(), is(1L));
            List<String> scopes = db.client().execute()
                    .createQuery("SELECT scopes FROM api_keys WHERE revoked_at IS NULL").execute()
                    .map(row -> row.column("scopes").get(String.class)).toList();
            assertThat(scopes.size(), is(1));
            assertThat(Scope.parseAll(scopes.get(0)), is(EnumSet.allOf(Scope.class)));
            // A second start finds the stored key and creates no other.
            Wiring.create(TestDatabases.postgresConfig(Map.of()), List.of()).start().database().close();
            assertThat(keys.countActive(), is(1L));
        }
    }

    @Test
    void malformedKeyConfigurationStopsStartUp() {
        assertThrows(IllegalArgumentException.class, () -> Wiring.create(
                TestDatabases.postgresConfig(Map.of("app.api.keys", "short:verify")), List.of()).start());
        assertThrows(IllegalArgumentException.class, () -> Wiring.create(
                TestDatabases.postgresConfig(Map.of("app.api.keys", KEY + ":superuser")), List.of()).start());
    }

    private static Http1ClientResponse generate(Http1Client client) {
        return client.post("/api/v1/did/generate")
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.create("X-API-Key"), KEY)
                .submit(GENERATE);
    }
}
