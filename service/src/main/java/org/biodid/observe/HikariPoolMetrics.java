package org.biodid.observe;

import java.util.Optional;

import io.helidon.common.config.Config;
import io.helidon.common.context.Context;
import io.helidon.common.context.Contexts;
import io.helidon.dbclient.hikari.HikariMetricsRegistry;
import io.helidon.dbclient.hikari.spi.HikariMetricsProvider;
import io.helidon.metrics.api.MeterRegistry;

/**
 * Publishes HikariCP's own pool meters ({@code hikaricp_connections_active}, {@code _pending}, {@code _acquire}…)
 * into the registry its caller names.
 * <p>
 * Helidon's DbClient builds the pool itself and offers this service-loader hook as the only way to reach the
 * pool's configuration; HikariCP then registers Micrometer meters when given a Micrometer registry. The service
 * loader makes the instance, so the registry cannot come through a constructor: the caller opens the pool inside
 * {@link #publishInto(MeterRegistry, Runnable)}, which hands the registry to this hook through the Helidon context
 * of that call. A pool opened outside it publishes no meters.
 */
public final class HikariPoolMetrics implements HikariMetricsProvider {

    /** Required by {@link java.util.ServiceLoader}. */
    public HikariPoolMetrics() {
    }

    /**
     * Runs {@code openPool}, whose DbClient pools publish their meters into {@code registry}.
     *
     * @param registry where the pool meters go
     * @param openPool builds the DbClient (on this thread)
     */
    public static void publishInto(MeterRegistry registry, Runnable openPool) {
        Context context = Context.create();
        context.register(HikariPoolMetrics.class, registry);
        Contexts.runInContext(context, openPool);
    }

    @Override
    public String configKey() {
        return "pool-metrics";
    }

    @Override
    public HikariMetricsRegistry extension(Config config) {
        Optional<io.micrometer.core.instrument.MeterRegistry> registry = Contexts.context()
                .flatMap(context -> context.get(HikariPoolMetrics.class, MeterRegistry.class))
                .map(meters -> meters.unwrap(io.micrometer.core.instrument.MeterRegistry.class));
        return register -> registry.ifPresent(register::accept);
    }
}
