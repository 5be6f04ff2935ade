package org.biodid;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.biodid.secrets.SealingKeys;
import org.biodid.testing.TestDatabases;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Building the service graph touches nothing outside the JVM: no development helper-data key file is written and no
 * database connection is opened, not even by the shared rate limiter, whose pool HikariCP would fill at once.
 * {@link Wiring#start()} does both, and stopping the server closes the connections again.
 */
class WiringLifecycleTest {

    // fresh per run: the shared buckets live in the database, which other runs of this test share
    private static final String KEY = "lifecycle-" + UUID.randomUUID();
    // the connections of this test's service, told apart from every other in pg_stat_activity
    private static final String APPLICATION = "biodid-lifecycle-" + UUID.randomUUID();
    private static final String GENERATE = "{\"commitment\":\"" + "ab".repeat(32) + "\"}";

    @Test
    void buildingWritesNoKeyFileAndOpensNoConnectionStartDoesBoth(@TempDir Path dir) throws Exception {
        // rows that other tests sealed under their key would stop a start under this test's new development key
        TestDatabases.truncateServiceTables();
        String url = TestDatabases.postgresUrl();
        Path dataDir = dir.resolve("data");
        // other tests of this JVM may have left pools of their own
        long poolThreadsBefore = rateLimitPoolThreads();
        Wiring wiring = Wiring.create(TestDatabases.postgresConfig(Map.of(
                "db.connection.url", url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + APPLICATION,
                "app.data.dir", dataDir.toString(),
                // no configured key: a development start, which keeps its key in the data directory
                "app.helper.data.key", "",
                "app.api.keys", KEY + ":verify",
                "app.rate.limit.store", "postgresql",
                // one token per 1000 s: none comes back during the test, however slow the machine
                "app.rate.limit.rps", "0.001",
                "app.rate.limit.burst", "2")));
        assertThat("building writes nothing under the data directory", Files.exists(dataDir), is(false));
        // HikariCP connects in the background a moment after a pool is built, but starts the pool's housekeeper
        // thread at once: that thread is what tells, without waiting, that no limiter pool was built
        assertThat("building builds no rate limiter pool", rateLimitPoolThreads(), is(poolThreadsBefore));
        assertThat("building opens no connection", connections(), is(0));

        WebServer server = WebServer.builder().update(wiring.start()::server).build().start();
        try {
            assertThat(Files.exists(dataDir.resolve(SealingKeys.DEV_KEY_FILE)), is(true));
            assertThat("start builds the rate limiter pool", rateLimitPoolThreads() > poolThreadsBefore, is(true));
            Http1Client client = Http1Client.builder().baseUri("http://localhost:" + server.port()).build();
            assertThat(generate(client), is(200));
            assertThat(generate(client), is(200));
            assertThat(generate(client), is(429));
            assertThat("the budget was spent in the shared table", sharedBuckets(), is(1));
            assertThat("the service's connections are told apart", connections() > 0, is(true));
        } finally {
            // stopping the server closes the wiring
            server.stop();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while ((connections() > 0 || rateLimitPoolThreads() > poolThreadsBefore) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat("closing releases every connection", connections(), is(0));
        assertThat("closing shuts the rate limiter pool", rateLimitPoolThreads(), is(poolThreadsBefore));
    }

    private static int generate(Http1Client client) {
        try (Http1ClientResponse res = client.post("/api/v1/did/generate")
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.create("X-API-Key"), KEY)
                .submit(GENERATE)) {
            return res.status().code();
        }
    }

    private static long rateLimitPoolThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("biodid-rate-limit housekeeper"))
                .count();
    }

    private static int connections() throws SQLException {
        return count("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?", APPLICATION);
    }

    /** Rows of this test's key in the shared limiter's table; the key id is the one ApiKeys derives. */
    private static int sharedBuckets() throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(KEY.getBytes(StandardCharsets.UTF_8));
        return count("SELECT count(*) FROM rate_limit_buckets WHERE id LIKE ?",
                     "key_" + HexFormat.of().formatHex(hash, 0, 6) + "|%");
    }

    private static int count(String sql, String parameter) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabases.postgresUrl(), TestDatabases.postgresUser(), "");
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
