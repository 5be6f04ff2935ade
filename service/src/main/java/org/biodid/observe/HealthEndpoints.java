package org.biodid.observe;

import java.util.List;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckType;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * {@code /health}, {@code /health/live}, {@code /health/ready}, {@code /health/started} and one route per check
 * ({@code /health/ready/database}), answered the way Helidon's health feature answers them: the same JSON
 * ({@code {"status":"UP","checks":[{"name":...,"status":...,"data":{...}}]}}), 200 when up, 503 when a check is
 * down, 500 when one throws, and {@code HEAD} with the status only (204 when up).
 * <p>
 * Why not Helidon's feature: it builds a JSON tree and writes it through a pooled JSON writer on every call, which
 * was 84 % of the bytes a {@code /health} request allocated (docs/performance.md, "The service beside bare
 * Helidon"). Load balancers and load tests call it hundreds of times a second, while the answer only changes when a
 * check's answer does ({@link DatabaseReadiness} reuses its result for a while), so each endpoint keeps its last
 * answer as bytes ({@link HealthAnswer}) and writes it again until a check answers differently.
 */
public final class HealthEndpoints implements HttpService {

    private final List<HealthCheck> checks;

    /**
     * @param checks every health check; each is served under its type and by name
     */
    public HealthEndpoints(List<HealthCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    public void routing(HttpRules rules) {
        serve(rules, "/", new HealthAnswer(checks));
        for (HealthCheckType type : HealthCheckType.values()) {
            List<HealthCheck> ofType = checks.stream().filter(c -> c.type() == type).toList();
            String path = "/" + segment(type);
            serve(rules, path, new HealthAnswer(ofType));
            for (HealthCheck check : ofType) {
                serve(rules, path + "/" + check.name(), HealthAnswer.single(check));
            }
        }
    }

    private static void serve(HttpRules rules, String path, HealthAnswer answer) {
        rules.get(path, answer::send);
        rules.route(Method.HEAD, path, answer::sendStatus);
    }

    private static String segment(HealthCheckType type) {
        return switch (type) {
            case LIVENESS -> "live";
            case READINESS -> "ready";
            case STARTUP -> "started";
        };
    }
}
