package org.biodid.observe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.helidon.http.Method;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Per-route request metrics: one timer with a latency histogram per method, route template and status.
 * <p>
 * Helidon 4.1.2 cannot tell a filter which route matched, so the template is learned where it is known: routes
 * registered through {@link #rules(HttpRules)} tag the request with their template before their handler runs.
 * Everything else (Helidon's own observe endpoints, unmatched paths) is named from a fixed set, so that a client
 * probing random paths cannot create unbounded metric series.
 */
public final class RouteMetrics implements Filter {

    /** Name of the request timer; Prometheus shows it as {@code http_server_requests_seconds_*}. */
    public static final String REQUESTS_TIMER = "http.server.requests";
    /** Route label for requests that matched no route. */
    public static final String UNMATCHED = "UNMATCHED";

    // Buckets around the targets in performance.md, so histogram_quantile() is accurate where it matters.
    private static final Duration[] BUCKETS = {
            Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(7), Duration.ofMillis(10), Duration.ofMillis(15), Duration.ofMillis(20),
            Duration.ofMillis(30), Duration.ofMillis(50), Duration.ofMillis(75), Duration.ofMillis(100),
            Duration.ofMillis(150), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)};

    private final MeterRegistry registry;
    private final Set<String> fixedRoutes;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Set<String> registeredRoutes = ConcurrentHashMap.newKeySet();

    /**
     * Create the route metrics.
     *
     * @param registry    where the timers live
     * @param fixedRoutes exact paths served outside our rules (such as {@code /health}) that are their own template
     */
    public RouteMetrics(MeterRegistry registry, Set<String> fixedRoutes) {
        this.registry = registry;
        this.fixedRoutes = Set.copyOf(fixedRoutes);
    }

    /**
     * Rules that tag every route registered through them with its template.
     *
     * @param rules the routing (or a service's rules) to register into
     * @return rules to register services and routes with
     */
    public HttpRules rules(HttpRules rules) {
        return new TemplateRules(rules, "", registeredRoutes);
    }

    /**
     * Every route registered through {@link #rules(HttpRules)} so far, as {@code "METHOD /template"}; the OpenAPI
     * test compares the published contract with it.
     *
     * @return registered routes
     */
    public Set<String> registeredRoutes() {
        return Set.copyOf(registeredRoutes);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        RouteTemplate template = new RouteTemplate();
        req.context().register(template);
        // Read before routing: nested routings rewrite the request's path to be relative to their mount point.
        String path = req.path().rawPath();
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            String route = template.value != null ? template.value : fallbackRoute(path);
            timer(req.prologue().method(), route, res.status().code())
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    static void tag(ServerRequest req, String template) {
        req.context().get(RouteTemplate.class).ifPresent(it -> it.value = template);
    }

    private String fallbackRoute(String path) {
        return fixedRoutes.contains(path) ? path : UNMATCHED;
    }

    private Timer timer(Method method, String route, int status) {
        String key = method.text() + ' ' + route + ' ' + status;
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, k -> registry.getOrCreate(
                    Timer.builder(REQUESTS_TIMER)
                            .description("HTTP requests by method, route template and status")
                            .tags(List.of(Tag.create("method", method.text()),
                                          Tag.create("route", route),
                                          Tag.create("status", Integer.toString(status))))
                            .buckets(BUCKETS)));
        }
        return timer;
    }

    /** Mutable per-request slot: the route handler fills it, the filter reads it after the response. */
    private static final class RouteTemplate {
        private volatile String value;
    }

    /** Wraps a handler so that it tags its request before running. */
    record TaggingHandler(String template, Handler delegate) implements Handler {
        @Override
        public void handle(ServerRequest req, ServerResponse res)
                throws Exception {
            tag(req, template);
            delegate.handle(req, res);
        }
    }
}
