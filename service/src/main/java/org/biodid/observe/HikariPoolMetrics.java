package org.biodid.observe;

import io.helidon.common.config.Config;
import io.helidon.dbclient.hikari.HikariMetricsRegistry;
import io.helidon.dbclient.hikari.spi.HikariMetricsProvider;
import io.helidon.metrics.api.Metrics;

/**
 * Publishes HikariCP's own pool meters ({@code hikaricp_connections_active}, {@code _pending}, {@code _acquire}…)
 * into the registry that {@code /metrics} exports.
 * <p>
 * Helidon's DbClient builds the pool itself and offers this service-loader hook as the only way to reach the
 * pool's configuration; HikariCP then registers Micrometer meters when given a Micrometer registry.
 */
public final class HikariPoolMetrics implements HikariMetricsProvider {

    /** Required by {@link java.util.ServiceLoader}. */
    public HikariPoolMetrics() {
    }

    @Override
    public String configKey() {
        return "pool-metrics";
    }

    @Override
    public HikariMetricsRegistry extension(Config config) {
        return register -> register.accept(Metrics.globalRegistry()
                                                   .unwrap(io.micrometer.core.instrument.MeterRegistry.class));
    }
}
