package org.biodid;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.helidon.config.Config;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.tracing.Tracer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.helidon.webserver.observe.spi.Observer;
import io.helidon.webserver.observe.tracing.TracingObserver;

import org.biodid.api.Access;
import org.biodid.api.ApiKeys;
import org.biodid.api.AuditLog;
import org.biodid.api.JsonBodies;
import org.biodid.api.BodyReadTimeout;
import org.biodid.api.CorsFilter;
import org.biodid.api.DidResolver;
import org.biodid.api.DidService;
import org.biodid.api.ErrorHandling;
import org.biodid.api.OpenApiService;
import org.biodid.api.ResolverService;
import org.biodid.observe.BiometricTimers;
import org.biodid.api.ProblemDirectHandler;
import org.biodid.api.ResponseHeadersFilter;
import org.biodid.api.ShutdownDrain;
import org.biodid.api.WalletService;
import org.biodid.compat.CompatService;
import org.biodid.connection.Linger;
import org.biodid.connection.LingeringHttp1Selector;
import org.biodid.did.Network;
import org.biodid.limits.RateLimiters;
import org.biodid.observe.DatabaseReadiness;
import org.biodid.observe.HealthEndpoints;
import org.biodid.observe.HikariPoolMetrics;
import org.biodid.observe.RouteMetrics;
import org.biodid.observe.Tracing;
import org.biodid.store.Database;
import org.biodid.store.DatabaseSettings;
import org.biodid.store.ApiKeyRepository;
import org.biodid.store.EnrollmentRepository;
import org.biodid.store.Housekeeping;
import org.biodid.store.IdempotencyRepository;
import org.biodid.store.SecretsResealer;
import org.biodid.store.UsedProofRepository;
import org.biodid.store.WalletChallengeRepository;
import org.biodid.secrets.Sealer;
import org.biodid.secrets.SealingKeys;
import org.biodid.warmup.HttpWarmup;
import org.biodid.warmup.Warmup;
import org.biodid.warmup.WarmupGate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds every component from {@link Config} and connects them; the one place that knows the whole service.
 * <p>
 * Building reads and checks the configuration and connects objects, nothing more: it writes no file and opens no
 * connection, so a bad setting fails before anything is touched. {@link #start()} reads (in development first
 * creates) the helper-data key file, opens the database (pool and schema migration) and the shared rate limiter's
 * pool, bootstraps the API key, re-seals old rows, starts housekeeping and registers the shutdown drain;
 * {@link #close()} (also run when the web server stops) undoes all of it. The clock and the meter registry come from
 * the caller, so tests build the same graph from their own config.
 */
public final class Wiring implements AutoCloseable {

    /** Health and metrics paths: served outside the template rules, each is its own route template in the metrics. */
    static final Set<String> OBSERVE_PATHS = Set.of("/health", "/health/live", "/health/ready", "/health/started",
                                                    "/metrics");

    private final Config config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final List<HttpService> extraServices;
    private final Database database;
    private final Sealer sealer;
    private final EnrollmentRepository enrollments;
    private final ApiKeys keys;
    private final RouteMetrics routeMetrics;
    private final Optional<Tracer> tracer;
    private final Optional<CorsFilter> cors;
    private final ShutdownDrain drain = new ShutdownDrain();
    private final ObjectMapper json = JsonBodies.newMapper();
    private final AuditLog auditLog = new AuditLog(json);
    private final DidService didService;
    private final ResolverService resolverService;
    private final Housekeeping housekeeping;
    private final SecretsResealer resealer;
    private final RateLimiters rateLimiters;
    private final WalletService walletService;
    private final Warmup warmup;
    private final HttpWarmup httpWarmup;
    private final WarmupGate warmupGate;
    private volatile boolean started;

    private Wiring(Config config, List<HttpService> extraServices, Clock clock, MeterRegistry registry) {
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.extraServices = List.copyOf(extraServices);
        this.cors = CorsFilter.create(config.get("app.cors"));
        this.tracer = Tracing.create(config.get("tracing"));
        this.database = Database.create(DatabaseSettings.from(config),
                                        config.get("app.db.migration.retry").as(Duration.class).get());
        boolean production = ApiServices.production(config);
        // a production start without a helper-data key fails here, before anything else is built
        this.sealer = SealingKeys.sealer(config, production);
        this.enrollments = new EnrollmentRepository(database.client(), sealer);
        this.routeMetrics = new RouteMetrics(registry, OBSERVE_PATHS);
        this.keys = ApiKeys.create(config.get("app.api.keys").asString().get(),
                                   new ApiKeyRepository(database.client()));
        this.rateLimiters = RateLimiters.create(config, database.settings());
        DidResolver resolver = new DidResolver(enrollments);
        ApiServices api = ApiServices.create(config, database, enrollments, sealer,
                                             new Access(keys, rateLimiters.limiter()), resolver,
                                             new BiometricTimers(registry, tracer.orElseGet(Tracer::noOp)),
                                             auditLog, json, defaultNetwork(), clock);
        this.didService = api.did();
        this.walletService = api.wallet();
        this.warmup = api.warmup();
        // rounds 0 turns every part of the warm-up off
        int warmupRequests = config.get("app.warmup.rounds").asInt().get() > 0
                ? config.get("app.warmup.requests").asInt().get() : 0;
        this.httpWarmup = new HttpWarmup(warmupRequests, config.get("app.warmup.budget").as(Duration.class).get(),
                                         compatEnabled());
        this.warmupGate = new WarmupGate(warmupRequests > 0);
        this.resolverService = new ResolverService(resolver);
        this.resealer = new SecretsResealer(database.client(), sealer);
        this.housekeeping = new Housekeeping(new UsedProofRepository(database.client()),
                                             new IdempotencyRepository(database.client(), sealer),
                                             new WalletChallengeRepository(database.client()),
                                             resealer,
                                             config.get("app.idempotency.retention").as(Duration.class).get(),
                                             Duration.ofMinutes(10), clock);
    }

    /**
     * Build the service graph, as production runs it: the system clock and Helidon's global meter registry (the one
     * {@code /metrics} exports).
     *
     * @param config root configuration
     * @return wiring, not started
     */
    public static Wiring create(Config config) {
        return create(config, List.of());
    }

    /**
     * Build the service graph with additional services mounted at the root (tests use it to reach the shared
     * plumbing through probe routes), on the system clock and Helidon's global meter registry.
     *
     * @param config        root configuration
     * @param extraServices services to register after the product's own
     * @return wiring, not started
     */
    public static Wiring create(Config config, List<HttpService> extraServices) {
        return create(config, extraServices, Clock.systemUTC(), Metrics.globalRegistry());
    }

    /**
     * Build the service graph.
     *
     * @param config        root configuration
     * @param extraServices services to register after the product's own
     * @param clock         the clock of every timestamp and expiry
     * @param registry      where meters go ({@code /metrics} exports Helidon's global registry)
     * @return wiring, not started
     */
    public static Wiring create(Config config, List<HttpService> extraServices, Clock clock, MeterRegistry registry) {
        return new Wiring(config, extraServices, clock, registry);
    }

    /**
     * Read the helper-data key, open the database and the shared rate limiter, make sure an API key exists, start
     * housekeeping and the shutdown drain.
     *
     * @return this wiring
     * @throws IllegalStateException in production without configured API keys
     */
    public synchronized Wiring start() {
        if (started) {
            return this;
        }
        // before anything opens: a development key file that cannot be read or written leaves nothing to undo
        sealer.start();
        HikariPoolMetrics.publishInto(registry, database::start);
        try {
            rateLimiters.start();
            boolean production = ApiServices.production(config);
            // Production refuses to start without configured keys; the development key needs the schema, so a
            // database that is still down at start-up just means no generated key this time.
            if (production || database.migrator().isMigrated()) {
                keys.ensureSomeKey(production, clock);
            }
            if (database.migrator().isMigrated()) {
                // Rows from before sealing (or under a previous key) are sealed under the current key before
                // serving. A row under a key that is not configured stops the start: serving would fail on it.
                resealer.resealAll();
            }
        } catch (RuntimeException e) {
            rateLimiters.close();
            database.close();
            throw e;
        }
        warmup.run();
        housekeeping.start();
        Runtime.getRuntime().addShutdownHook(drain.hook());
        started = true;
        return this;
    }

    /**
     * Once the server listens: send it the warm-up requests over loopback, then let readiness say UP.
     *
     * @param port the port the server listens on
     */
    public void warmUpOverHttp(int port) {
        try {
            httpWarmup.run(port);
        } finally {
            warmupGate.open();
        }
    }

    /**
     * Configure a web server: listener settings from {@code server}, observability, direct error answers, routing.
     *
     * @param server server builder
     */
    public void server(WebServerConfig.Builder server) {
        server.config(config.get("server"))
                .addConnectionSelector(new LingeringHttp1Selector(
                        Http1Config.create(config.get("server.protocols.http_1_1")), Linger.from(config)))
                .addFeature(observeFeature())
                .directHandlers(ProblemDirectHandler.forEveryEvent())
                .routing(this::routing);
    }

    /**
     * The HTTP routing: filters, error mapping and every service, as a feature that closes this wiring when the
     * server stops. Tests reuse it as it is.
     *
     * @param routing routing builder
     */
    public void routing(HttpRouting.Builder routing) {
        routing.addFeature(new Routes());
    }

    /**
     * The observe feature at {@code /}: Prometheus metrics, and tracing when on (health is one of our services).
     *
     * @return observe feature
     */
    public ObserveFeature observeFeature() {
        List<Observer> observers = new ArrayList<>();
        observers.add(MetricsObserver.create());
        tracer.ifPresent(t -> observers.add(TracingObserver.create(t)));
        // Only these observers: discovery would add Helidon's tracing observer even with tracing off, and it wraps
        // every request and response stream (a buffered copy of each answer).
        return ObserveFeature.builder()
                .endpoint("/")
                .observersDiscoverServices(false)
                .observers(observers)
                .build();
    }

    /**
     * Whether the original Python servers' routes are served ({@code app.compat.enabled}, env
     * {@code APP_COMPAT_ENABLED}).
     *
     * @return whether compatibility routes are on
     */
    public boolean compatEnabled() {
        return config.get("app.compat.enabled").asBoolean().get();
    }

    /**
     * The network assumed when a request names none ({@code app.network}, env {@code APP_NETWORK}).
     *
     * @return default network
     */
    public Network defaultNetwork() {
        return Network.parse(config.get("app.network").asString().get());
    }

    /**
     * @return the route metrics, which also know every registered route template
     */
    public RouteMetrics routeMetrics() {
        return routeMetrics;
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
    public synchronized void close() {
        drain.drain();
        if (started) {
            try {
                Runtime.getRuntime().removeShutdownHook(drain.hook());
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
        started = false;
        housekeeping.close();
        rateLimiters.close();
        database.close();
    }

    /**
     * The product's routes with their filters and error mapping; when the server stops (after draining its
     * requests) it closes the wiring.
     */
    private final class Routes implements HttpFeature {
        @Override
        public void setup(HttpRouting.Builder routing) {
            routing.addFilter(routeMetrics)
                    .addFilter(drain)
                    .addFilter(new ResponseHeadersFilter())
                    .addFilter(auditLog)
                    .addFilter(new BodyReadTimeout(config.get("server.connection-options.read-timeout")
                                                           .as(Duration.class).get()));
            cors.ifPresent(routing::addFilter);
            ErrorHandling.register(routing);
            routing.register("/health", new HealthEndpoints(List.of(
                    new DatabaseReadiness(database.client(), database.migrator(),
                                          config.get("app.health.db.max.age").as(Duration.class).get()),
                    warmupGate)));
            HttpRules rules = routeMetrics.rules(routing);
            rules.register("/api/v1/did", didService);
            rules.register("/api/v1/wallet", walletService);
            rules.register("/1.0/identifiers", resolverService);
            rules.register("/openapi", new OpenApiService());
            if (compatEnabled()) {
                rules.register("/api/biometric", new CompatService(defaultNetwork(), clock));
            }
            extraServices.forEach(rules::register);
        }

        @Override
        public void afterStop() {
            close();
        }
    }
}
