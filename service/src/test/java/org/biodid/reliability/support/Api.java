package org.biodid.reliability.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A small client for the service's HTTP API, measuring how long each call took. Transport failures come back as
 * status {@code -1} with the exception's message, so load loops can count them instead of dying.
 */
public final class Api {

    private final HttpClient client;
    private final URI base;
    private final String key;

    /**
     * @param base service base URI
     * @param key  API key sent as {@code X-API-Key}
     */
    public Api(URI base, String key) {
        this.base = base;
        this.key = key;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    /**
     * @param body enrollment JSON
     * @return answer
     */
    public Result enroll(String body) {
        return post("/api/v1/did/enroll", body, Map.of());
    }

    /**
     * @param body           enrollment JSON
     * @param idempotencyKey value of {@code Idempotency-Key}
     * @return answer
     */
    public Result enroll(String body, String idempotencyKey) {
        return post("/api/v1/did/enroll", body, Map.of("Idempotency-Key", idempotencyKey));
    }

    /**
     * @param path    path
     * @param body    JSON body
     * @param headers extra headers
     * @return answer
     */
    public Result post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-API-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b.build());
    }

    /**
     * @param path path
     * @return answer
     */
    public Result get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /**
     * @param path path
     * @return answer
     */
    public Result delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                            .header("X-API-Key", key).DELETE().build());
    }

    private Result send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> res = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Result(res.statusCode(), res.body(),
                              res.headers().firstValue("Content-Type").orElse(""),
                              (System.nanoTime() - start) / 1_000_000, res);
        } catch (IOException e) {
            return new Result(-1, String.valueOf(e), "", (System.nanoTime() - start) / 1_000_000, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted", "", (System.nanoTime() - start) / 1_000_000, null);
        }
    }

    /**
     * One answer.
     *
     * @param status      status, {@code -1} for a transport failure
     * @param body        body text (or the failure)
     * @param contentType content type
     * @param millis      time taken
     * @param response    the response, {@code null} on failure
     */
    public record Result(int status, String body, String contentType, long millis, HttpResponse<String> response) {
        /**
         * @param name header name
         * @return first value or empty string
         */
        public String header(String name) {
            return response == null ? "" : response.headers().firstValue(name).orElse("");
        }

        @Override
        public String toString() {
            return status + " in " + millis + " ms: " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }
}
