package org.biodid.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code GET /openapi}: the HTTP contract as an OpenAPI 3 document, YAML by default and JSON on request.
 * <p>
 * The document is written by hand in {@code openapi.yaml} and kept true by {@code OpenApiContractTest}, which
 * compares it with the routes the service actually registers.
 */
public final class OpenApiService implements HttpService {

    /** Classpath location of the document. */
    public static final String RESOURCE = "/openapi.yaml";

    private final byte[] yaml;
    private final byte[] json;

    /**
     * Load the document once.
     */
    public OpenApiService() {
        try (InputStream in = OpenApiService.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            this.yaml = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> tree = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(new String(yaml, java.nio.charset.StandardCharsets.UTF_8));
        this.json = JsonBodies.bytes(tree);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(this::document);
    }

    private void document(ServerRequest req, ServerResponse res) {
        boolean wantsJson = req.headers().acceptedTypes().stream()
                .map(HttpMediaType::subtype)
                .anyMatch(subtype -> subtype.equals("json"));
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        if (wantsJson) {
            JsonBodies.sendRaw(req, res, Status.OK_200, json, "application/json");
        } else {
            JsonBodies.sendRaw(req, res, Status.OK_200, yaml, "application/vnd.oai.openapi;charset=utf-8");
        }
    }
}
