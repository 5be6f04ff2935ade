package org.biodid.reliability;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.helidon.config.Config;

import org.biodid.reliability.support.Api;
import org.biodid.testing.PrivatePostgres;
import org.biodid.testing.ServiceProcess;
import org.biodid.testing.TestDatabases;

/**
 * Waiting helpers shared by the reliability tests.
 */
final class Support {

    private Support() {
    }

    /**
     * Wait until {@code /health/ready} answers 200 (the schema is migrated and the database answers).
     *
     * @param api     client
     * @param timeout how long at most
     */
    /**
     * Start a service process and wait until it is ready.
     *
     * @param name  what to call its log file
     * @param env   its environment
     * @param files files for its working directory
     * @return the ready service
     * @throws Exception when it does not start or become ready
     */
    static ServiceProcess startReady(String name, Map<String, String> env, Map<String, String> files)
            throws Exception {
        ServiceProcess service = ServiceProcess.start(name, env, files);
        awaitReady(new Api(service.base(), ServiceProcess.ADMIN_KEY), READY_TIMEOUT);
        return service;
    }

    /**
     * Close what a test class started, in order, skipping what never started.
     *
     * @param resources services, databases, …; nulls allowed
     * @throws Exception from the first close that fails, after trying the others
     */
    static void closeAll(AutoCloseable... resources) throws Exception {
        Exception first = null;
        for (AutoCloseable resource : resources) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** How long to wait for readiness at most: a limit, not an expectation (a loaded machine is slow to start). */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    static void awaitReady(Api api, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Api.Result last = null;
        while (System.nanoTime() < deadline) {
            last = api.get("/health/ready");
            if (last.status() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not become ready within " + timeout + ": " + last);
    }

    /**
     * Configuration for an in-process service on a private PostgreSQL, on a free loopback port, with
     * {@link ServiceProcess#ADMIN_KEY}; the environment is ignored so that nothing outside the test changes it.
     *
     * @param pg        the database
     * @param overrides extra keys, taking precedence
     * @return configuration
     */
    static Config inProcessConfig(PrivatePostgres pg, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("server.host", "127.0.0.1");
        values.put("db.connection.url", pg.jdbcUrl());
        values.put("db.connection.username", "postgres");
        values.put("db.connection.password", "");
        values.put("app.db.migration.retry", "PT0.3S");
        // enrollments of synthetic wallets without a wallet signature (WalletControlServerTest covers signing)
        values.put("app.require.wallet.signature", "false");
        values.put("app.api.keys", ServiceProcess.ADMIN_KEY + ":enroll+verify+admin");
        values.putAll(overrides);
        return TestDatabases.serviceConfig(values);
    }
}
