package org.biodid.observe;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * One health endpoint's answer over a fixed list of checks, kept as the bytes last sent.
 * <p>
 * Every request still calls every check (a check decides itself how long its result stays valid); the JSON is
 * written again only when some check returns a different response object than last time. Checks that cache their
 * result return the same object while it is valid, so a burst of probes sends the same bytes.
 */
final class HealthAnswer {

    private static final System.Logger LOGGER = System.getLogger(HealthAnswer.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HealthCheck> checks;
    private final boolean single;
    private volatile Rendered last;

    HealthAnswer(List<HealthCheck> checks) {
        this(checks, false);
    }

    private HealthAnswer(List<HealthCheck> checks, boolean single) {
        this.checks = List.copyOf(checks);
        this.single = single;
    }

    /** The answer of one check alone: its own object, not wrapped in a list. */
    static HealthAnswer single(HealthCheck check) {
        return new HealthAnswer(List.of(check), true);
    }

    void send(ServerRequest req, ServerResponse res) {
        Rendered answer = current();
        res.status(answer.status);
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        res.send(answer.body);
    }

    void sendStatus(ServerRequest req, ServerResponse res) {
        Status status = current().status;
        res.status(status == Status.OK_200 ? Status.NO_CONTENT_204 : status);
        res.send();
    }

    private Rendered current() {
        Rendered known = last;
        HealthCheckResponse[] now = new HealthCheckResponse[checks.size()];
        boolean same = known != null;
        for (int i = 0; i < now.length; i++) {
            now[i] = call(checks.get(i));
            same &= known != null && known.responses[i] == now[i];
        }
        if (same) {
            return known;
        }
        Rendered fresh = render(now);
        last = fresh;
        return fresh;
    }

    private static HealthCheckResponse call(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.ERROR, "Health check " + check.name() + " failed", e);
            return HealthCheckResponse.builder()
                    .status(HealthCheckResponse.Status.ERROR)
                    .detail("error", e.getClass().getName())
                    .detail("message", String.valueOf(e.getMessage()))
                    .build();
        }
    }

    private Rendered render(HealthCheckResponse[] responses) {
        HealthCheckResponse.Status overall = HealthCheckResponse.Status.UP;
        ArrayNode list = JSON.createArrayNode();
        for (int i = 0; i < responses.length; i++) {
            overall = worse(overall, responses[i].status());
            list.add(checkJson(checks.get(i).name(), responses[i]));
        }
        ObjectNode body;
        if (single) {
            body = (ObjectNode) list.get(0);
        } else {
            body = JSON.createObjectNode();
            body.put("status", overall.toString());
            body.set("checks", list);
        }
        Status status = switch (overall) {
            case UP -> Status.OK_200;
            case DOWN -> Status.SERVICE_UNAVAILABLE_503;
            case ERROR -> Status.INTERNAL_SERVER_ERROR_500;
        };
        try {
            return new Rendered(responses, status, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a health answer could not be written as JSON", e);
        }
    }

    private static ObjectNode checkJson(String name, HealthCheckResponse response) {
        ObjectNode check = JSON.createObjectNode();
        check.put("name", name);
        check.put("status", response.status().toString());
        Map<String, Object> details = response.details();
        if (!details.isEmpty()) {
            ObjectNode data = check.putObject("data");
            details.forEach((key, value) -> {
                if (value instanceof Number || value instanceof Boolean) {
                    data.set(key, JSON.valueToTree(value));
                } else {
                    data.put(key, String.valueOf(value));
                }
            });
        }
        return check;
    }

    private static HealthCheckResponse.Status worse(HealthCheckResponse.Status a, HealthCheckResponse.Status b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private record Rendered(HealthCheckResponse[] responses, Status status, byte[] body) {
    }
}
