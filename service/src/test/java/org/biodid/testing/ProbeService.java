package org.biodid.testing;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.biodid.api.ApiException;
import org.biodid.api.JsonBodies;

/**
 * Routes that exist only in tests, to exercise the shared HTTP plumbing (JSON reading, problem details, route
 * templates) through the real routing before the product routes use it.
 */
public final class ProbeService implements HttpService {

    /** Mount point of the probe routes. */
    public static final String PATH = "/test-probe";

    @Override
    public void routing(HttpRules rules) {
        rules.post(PATH + "/echo", this::echo)
                .get(PATH + "/items/{id}", this::item)
                .get(PATH + "/large", this::large)
                .get(PATH + "/medium", this::medium);
    }

    private void echo(ServerRequest req, ServerResponse res) {
        JsonNode body = JsonBodies.read(req);
        if (!body.isObject()) {
            throw ApiException.invalidField("$", "must be a JSON object");
        }
        JsonBodies.send(req, res, Status.OK_200, body);
    }

    private void item(ServerRequest req, ServerResponse res) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("id", req.path().pathParameters().get("id"));
        JsonBodies.send(req, res, Status.OK_200, node);
    }

    private void medium(ServerRequest req, ServerResponse res) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("filler", "x".repeat(4096));
        JsonBodies.send(req, res, Status.OK_200, node);
    }

    private void large(ServerRequest req, ServerResponse res) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("filler", "x".repeat(16 * 1024));
        JsonBodies.send(req, res, Status.OK_200, node);
    }
}
