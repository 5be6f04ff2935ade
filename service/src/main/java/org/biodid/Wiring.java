package org.biodid;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.helidon.config.Config;
import io.helidon.http.DirectHandler;
import io.helidon.metrics.api.Metrics;
import io.helidon.tracing.Tracer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.helidon.webserver.observe.spi.Observer;
import io.helidon.webserver.observe.tracing.TracingObserver;

import org.biodid.api.ErrorHandling;
import org.biodid.api.ProblemDirectHandler;
import org.biodid.api.ResponseHeadersFilter;
import org.biodid.observe.DatabaseReadiness;
import org.biodid.observe.RouteMetrics;
import org.biodid.observe.Tracing;
import org.biodid.store.Database;
import org.biodid.store.DatabaseSettings;
import org.biodid.store.EnrollmentRepository;

/**
 * Builds every component from {@link Config} and connects them; the one place that knows the whole service.
 * <p>
 * There are no globals beyond Helidon's own meter registry and tracer: everything else is passed through
 * constructors from here, so tests build the same graph from their own config.
 */
public final class Wiring implements AutoCloseable {

    /** Paths served by the observe feature; they are their own route templates in the request metrics. */
    static final Set<String> OBSERVE_PATHS = Set.of("/health", "/health/live", "/health/ready", "/metrics");

    private final Config config;
    private final Database database;
    private final EnrollmentRepository enrollments;
    private final RouteMetrics routeMetrics;
    private final Optional<Tracer> tracer;

    private Wiring(Config config) {
        this.config = config;
        this.tracer = Tracing.create(config.get("tracing"));
        this.database = Database.open(DatabaseSettings.from(config),
                                      config.get("app.db.migration-retry").as(Duration.class)
                                              .orElse(Duration.ofSeconds(2)));
        this.enrollments = new EnrollmentRepository(database.client());
        this.routeMetrics = new RouteMetrics(Metrics.globalRegistry(), OBSERVE_PATHS);
    }

    /**
     * Build the service graph.
     *
     * @param config root configuration
     * @return wiring
     */
    public static Wiring create(Config config) {
        return new Wiring(config);
    }

    /**
     * Configure a web server: listener settings from {@code server}, observability, direct error answers, routing.
     *
     * @param server server builder
     */
    public void server(WebServerConfig.Builder server) {
        server.config(config.get("server"))
                .addFeature(observeFeature())
                .directHandlers(DirectHandlers.builder()
                                        .addHandler(DirectHandler.EventType.BAD_REQUEST, new ProblemDirectHandler())
                                        .build())
                .routing(this::routing);
    }

    /**
     * The HTTP routing: filters, error mapping and every service. Tests reuse it as it is.
     *
     * @param routing routing builder
     */
    public void routing(HttpRouting.Builder routing) {
        routing.addFilter(routeMetrics)
                .addFilter(new ResponseHeadersFilter());
        ErrorHandling.register(routing);
        HttpRules rules = routeMetrics.rules(routing);
        rules.register(new Lifecycle());
    }

    /**
     * The observe feature at {@code /}: health (with database readiness), Prometheus metrics, and tracing when on.
     *
     * @return observe feature
     */
    public ObserveFeature observeFeature() {
        List<Observer> observers = new ArrayList<>();
        observers.add(HealthObserver.builder()
                              .details(true)
                              .useSystemServices(false)
                              .addCheck(new DatabaseReadiness(database.client(), database.migrator()))
                              .build());
        observers.add(MetricsObserver.create());
        tracer.ifPresent(t -> observers.add(TracingObserver.create(t)));
        return ObserveFeature.builder()
                .endpoint("/")
                .observers(observers)
                .build();
    }

    /**
     * @return the database
     */
    public Database database() {
        return database;
    }

    /**
     * @return the enrollment repository
     */
    public EnrollmentRepository enrollments() {
        return enrollments;
    }

    @Override
    public void close() {
        database.close();
    }

    /** Closes the database once the server has drained its requests: Helidon calls services' afterStop then. */
    private final class Lifecycle implements HttpService {
        @Override
        public void routing(HttpRules rules) {
        }

        @Override
        public void afterStop() {
            close();
        }
    }
}
