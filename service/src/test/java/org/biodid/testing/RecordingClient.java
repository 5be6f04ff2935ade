package org.biodid.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import io.helidon.common.uri.UriInfo;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;

/**
 * Wraps a Helidon {@link Http1Client} (a {@code @ServerTest} socket client or a {@code @RoutingTest}
 * {@code DirectClient}) so that every exchange it makes is handed to a check before the test sees the answer.
 * <p>
 * Tests keep using the client exactly as before. The response body is read once, here, and served to the test from
 * memory through {@code as(String.class)}, {@code as(byte[].class)} and {@code inputStream()}; other ways of reading
 * it fail loudly rather than skip the check. Dynamic proxies keep this independent of the client's implementation.
 */
final class RecordingClient {

    private RecordingClient() {
    }

    /**
     * One request and its response, as they went over the wire (bodies decoded from gzip when so encoded).
     *
     * @param method          request method
     * @param path            decoded request path
     * @param query           query parameters
     * @param requestHeaders  request headers
     * @param requestBody     request body, empty for none
     * @param status          response status code
     * @param responseHeaders response headers
     * @param responseBody    response body, empty for none
     */
    record Exchange(Method method,
                    String path,
                    Map<String, List<String>> query,
                    Map<String, List<String>> requestHeaders,
                    byte[] requestBody,
                    int status,
                    Map<String, List<String>> responseHeaders,
                    byte[] responseBody) {

        /**
         * @return a one-line description for failure messages
         */
        String describe() {
            return method.text() + " " + path + (query.isEmpty() ? "" : " " + query) + " -> " + status;
        }
    }

    static Http1Client wrap(Http1Client client, Consumer<Exchange> check) {
        if (Proxy.isProxyClass(client.getClass())) {
            return client;
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("method") && args != null && args.length == 1) {
                Method httpMethod = (Method) args[0];
                return request(client.method(httpMethod), httpMethod, check);
            }
            if (method.isDefault()) {
                // get(path), post(path), ...: the interface's default routes them back through method(...)
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return forward(client, method, args);
        };
        return (Http1Client) Proxy.newProxyInstance(RecordingClient.class.getClassLoader(),
                                                    new Class<?>[] {Http1Client.class}, handler);
    }

    private static Http1ClientRequest request(Http1ClientRequest real, Method httpMethod, Consumer<Exchange> check) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            int arity = args == null ? 0 : args.length;
            if (name.equals("submit") && arity == 1) {
                byte[] body = entityBytes(args[0]);
                return response(real, real.submit(args[0]), httpMethod, body, check);
            }
            if (name.equals("request") && arity == 0) {
                return response(real, real.request(), httpMethod, new byte[0], check);
            }
            if (name.equals("outputStream") || name.equals("upgrade")) {
                throw new UnsupportedOperationException(name + "(...) bypasses the OpenAPI exchange check; "
                                                                + "submit a String or byte[] body instead");
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            Object result = forward(real, method, args);
            return result == real ? proxy : result;
        };
        return (Http1ClientRequest) Proxy.newProxyInstance(RecordingClient.class.getClassLoader(),
                                                           new Class<?>[] {Http1ClientRequest.class}, handler);
    }

    private static Http1ClientResponse response(Http1ClientRequest request,
                                                Http1ClientResponse real,
                                                Method httpMethod,
                                                byte[] requestBody,
                                                Consumer<Exchange> check) {
        byte[] raw;
        try {
            raw = real.entity().hasEntity() ? real.inputStream().readAllBytes() : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UriInfo uri = request.resolvedUri();
        Map<String, List<String>> responseHeaders = headers(real.headers());
        check.accept(new Exchange(httpMethod, uri.path().path(), query(uri.query()), headers(request.headers()),
                                  requestBody, real.status().code(), responseHeaders,
                                  decoded(raw, responseHeaders)));
        Charset charset = real.headers().contentType().flatMap(HttpMediaType::charset).map(Charset::forName)
                .orElse(StandardCharsets.UTF_8);
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "as" -> as((Class<?>) args[0], raw, charset);
            case "inputStream" -> new ByteArrayInputStream(raw);
            case "entity", "source" -> throw new UnsupportedOperationException(
                    method.getName() + "() is not available on a checked response; use as(String.class)");
            default -> forward(real, method, args);
        };
        return (Http1ClientResponse) Proxy.newProxyInstance(RecordingClient.class.getClassLoader(),
                                                            new Class<?>[] {Http1ClientResponse.class}, handler);
    }

    private static Object as(Class<?> type, byte[] raw, Charset charset) {
        if (type == String.class) {
            return new String(raw, charset);
        }
        if (type == byte[].class) {
            return raw.clone();
        }
        throw new UnsupportedOperationException("as(" + type.getName() + ") is not available on a checked "
                                                        + "response; use as(String.class) or as(byte[].class)");
    }

    private static byte[] entityBytes(Object entity) {
        if (entity instanceof byte[] bytes) {
            return bytes.clone();
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new UnsupportedOperationException("Only String and byte[] bodies can be checked against the OpenAPI "
                                                        + "document, not " + entity.getClass().getName());
    }

    private static byte[] decoded(byte[] raw, Map<String, List<String>> headers) {
        boolean gzip = headers.getOrDefault(HeaderNames.CONTENT_ENCODING.lowerCase(), List.of()).contains("gzip");
        if (!gzip || raw.length == 0) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> headers(Iterable<Header> headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Header header : headers) {
            map.put(header.name().toLowerCase(java.util.Locale.ROOT), header.allValues());
        }
        return map;
    }

    private static Map<String, List<String>> query(UriQuery query) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : query.names()) {
            map.put(name, query.all(name));
        }
        return map;
    }

    private static Object forward(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        // Some of Helidon's client interfaces (ClientResponseBase) are package-private: a public method declared
        // there is only callable reflectively once made accessible.
        method.setAccessible(true);
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
