package org.biodid.observe;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.helidon.common.config.Config;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;

import org.biodid.Wiring;
import org.biodid.testing.TestDatabases;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The pool's own meters go to the registry the caller names, not to a global one.
 */
class HikariPoolMetricsTest {

    @Test
    void theHookHandsHikariTheRegistryOfTheCallThatOpensThePool() {
        SimpleMeterRegistry micrometer = new SimpleMeterRegistry();
        MeterRegistry registry = (MeterRegistry) Proxy.newProxyInstance(
                MeterRegistry.class.getClassLoader(), new Class<?>[] {MeterRegistry.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unwrap")) {
                        return micrometer;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        List<Object> inside = new ArrayList<>();
        HikariPoolMetrics.publishInto(registry, () -> new HikariPoolMetrics().extension(Config.empty())
                .register(inside::add));
        assertThat(inside, contains(micrometer));
        List<Object> outside = new ArrayList<>();
        new HikariPoolMetrics().extension(Config.empty()).register(outside::add);
        assertThat("no registry named, no meters", outside, empty());
    }

    @Test
    void theWiringsPoolPublishesIntoItsRegistry() {
        TestDatabases.requirePostgres();
        // a pool name of its own: meters of pools that other tests opened in this JVM do not count
        String pool = "biodid-pool-metrics-test";
        MeterRegistry registry = Metrics.createMeterRegistry();
        try (Wiring wiring = Wiring.create(TestDatabases.postgresConfig(Map.of("db.connection.poolName", pool)),
                                           List.of(), Clock.systemUTC(), registry).start()) {
            io.micrometer.core.instrument.MeterRegistry meters =
                    registry.unwrap(io.micrometer.core.instrument.MeterRegistry.class);
            assertThat(meters.find("hikaricp.connections.active").tag("pool", pool).gauge(), notNullValue());
            assertThat(meters.find("hikaricp.connections.acquire").tag("pool", pool).timer(), notNullValue());
        }
    }
}
