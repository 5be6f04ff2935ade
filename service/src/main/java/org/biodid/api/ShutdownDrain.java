package org.biodid.api;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Graceful shutdown for keep-alive clients.
 * <p>
 * On SIGTERM Helidon 4.1.2 closes the listening socket and then waits up to {@code server.shutdown-grace-period} for
 * open connections, but it keeps serving new requests that arrive on connections already open; whatever is in
 * flight when the grace period ends is interrupted. From the moment the JVM starts shutting down, this filter answers
 * every request with {@code Connection: close}, so each client's connection ends with its current request and its
 * next request meets the closed listener (refused at once, safe to retry elsewhere) instead of being cut mid-way.
 */
public final class ShutdownDrain implements Filter {

    private volatile boolean draining;
    private final Thread hook = new Thread(() -> draining = true, "biodid-shutdown-drain");

    /**
     * @return the JVM shutdown hook that starts draining; JVM hooks run concurrently, so it takes effect at once
     */
    public Thread hook() {
        return hook;
    }

    /**
     * Start draining now (for an embedded server stopped without a JVM shutdown).
     */
    public void drain() {
        draining = true;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (draining) {
            req.context().register(Closing.INSTANCE);
            res.header(HeaderValues.CONNECTION_CLOSE);
        }
        chain.proceed();
    }

    /**
     * Put {@code Connection: close} back on a response that error handling reset.
     *
     * @param req request
     * @param res response
     */
    static void reapply(ServerRequest req, ServerResponse res) {
        if (req.context().get(Closing.class).isPresent()) {
            res.header(HeaderValues.CONNECTION_CLOSE);
        }
    }

    private enum Closing {
        INSTANCE
    }
}
