package org.biodid.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes JSON bodies with one strictly configured Jackson mapper.
 * <p>
 * Strict on the way in (duplicate keys, NaN, deep nesting and trailing garbage are client errors), compact on the
 * way out, and gzip for larger bodies: Helidon 4.1.2's gzip encoder is not among the modules we can use, and API
 * bodies are the only ones large enough to matter.
 */
public final class JsonBodies {

    /** The HTTP codec's own mapper: request bodies are read and answers written by these rules. */
    private static final ObjectMapper MAPPER = newMapper();

    static final String PROBLEM_JSON = "application/problem+json";

    /**
     * Answers above this size are gzipped when the client accepts it. Below it an answer is a few TCP segments at
     * most: compressing would cost the server a new Deflater per answer and the client a decompression, and save
     * no round trip (measured with the original servers' benchmark client, docs/performance.md).
     */
    private static final int GZIP_THRESHOLD_BYTES = 8 * 1024;
    private static final int MAX_NESTING_DEPTH = 32;

    private JsonBodies() {
    }

    /**
     * Read the request body as a JSON tree.
     *
     * @param req request
     * @return parsed body, never {@code null}
     * @throws ApiException 415 for a content type other than JSON, 400 for an empty or malformed body
     */
    public static JsonNode read(ServerRequest req) {
        return parse(readBytes(req));
    }

    /**
     * Read the raw bytes of a JSON request body. The server's {@code max-payload-size} bounds them.
     *
     * @param req request
     * @return the bytes, never empty
     * @throws ApiException 415 for a content type other than JSON, 400 for an empty body
     */
    public static byte[] readBytes(ServerRequest req) {
        requireJson(req);
        if (!req.content().hasEntity()) {
            throw ApiException.badRequest("MALFORMED_JSON", "The request body is empty; a JSON object is expected");
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] bytes = BodyReadTimeout.readAll(req, in);
            if (bytes.length == 0) {
                throw ApiException.badRequest("MALFORMED_JSON", "The request body is empty; a JSON object is expected");
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("MALFORMED_JSON", "The request body could not be read");
        }
    }

    /**
     * Parse JSON strictly.
     *
     * @param bytes UTF-8 JSON
     * @return the tree
     * @throws ApiException 400 {@code MALFORMED_JSON}
     */
    public static JsonNode parse(byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw ApiException.badRequest("MALFORMED_JSON", "The request body is empty; a JSON object is expected");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("MALFORMED_JSON", "The request body is not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            // Invalid UTF-8 surfaces as a plain IOException (CharConversionException) from Jackson's decoder.
            throw ApiException.badRequest("MALFORMED_JSON", "The request body could not be read as UTF-8 JSON");
        }
    }

    /**
     * Send a body as JSON.
     *
     * @param req    request, to honour {@code Accept-Encoding}
     * @param res    response
     * @param status status
     * @param body   a Jackson-serializable value
     */
    public static void send(ServerRequest req, ServerResponse res, Status status, Object body) {
        send(req, res, status, body, "application/json");
    }

    static void send(ServerRequest req, ServerResponse res, Status status, Object body, String contentType) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        sendRaw(req, res, status, bytes, contentType);
    }

    /**
     * Send bytes that are already JSON (a stored response), compressed like any other.
     *
     * @param req         request
     * @param res         response
     * @param status      status
     * @param bytes       body
     * @param contentType media type
     */
    public static void sendRaw(ServerRequest req, ServerResponse res, Status status, byte[] bytes,
                               String contentType) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, contentType);
        if (bytes.length > GZIP_THRESHOLD_BYTES && acceptsGzip(req)) {
            res.header(HeaderValues.create(HeaderNames.CONTENT_ENCODING, "gzip"));
            res.header(HeaderNames.VARY, "Accept-Encoding");
            bytes = gzip(bytes);
        }
        res.send(bytes);
    }

    /**
     * A value (a {@link Problem}, a record) as a JSON tree, by the codec's rules.
     *
     * @param value the value
     * @return its tree
     */
    static ObjectNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * A value as JSON bytes, by the codec's rules.
     *
     * @param value the value
     * @return UTF-8 JSON
     */
    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireJson(ServerRequest req) {
        boolean json = req.headers().contentType()
                .map(type -> "application".equals(type.type())
                        && ("json".equals(type.subtype()) || type.subtype().endsWith("+json")))
                .orElse(false);
        if (!json) {
            throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                                   "Content-Type must be application/json", List.of());
        }
    }

    private static boolean acceptsGzip(ServerRequest req) {
        return req.headers().value(HeaderNames.ACCEPT_ENCODING)
                .map(value -> value.toLowerCase(Locale.ROOT).contains("gzip"))
                .orElse(false);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A mapper with the service's JSON rules: duplicate keys, trailing tokens and unknown properties are errors,
     * nesting is limited. Built once by the composition root and handed to whoever writes JSON.
     *
     * @return a new mapper
     */
    public static ObjectMapper newMapper() {
        // The fast double parser gives the same, correctly rounded values as the JDK's, without the JDK parser's
        // garbage per number: a verification carries hundreds of coordinates.
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .build();
        return JsonMapper.builder(factory)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }
}
