package org.biodid.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

/**
 * Cuts clients that stall while sending a request body.
 * <p>
 * Helidon 4.1.2 does not apply {@code server.connection-options.read-timeout} to accepted connections (it only sets
 * the listed socket options), and its idle-connection check only interrupts a connection that is waiting for a
 * request line. A client that declares a body and then stops sending would hold its connection and virtual thread
 * forever. This filter makes the configured read timeout true for bodies: reading a body that takes longer than that
 * interrupts the reading (virtual) thread, which closes the socket, as the JDK does for socket reads on virtual
 * threads.
 */
public final class BodyReadTimeout implements Filter {

    private static final int READING = 0;
    private static final int DONE = 1;
    private static final int FIRED = 2;

    private final Duration timeout;

    /**
     * @param timeout longest time a request body may take to arrive
     */
    public BodyReadTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        req.context().register(this);
        chain.proceed();
    }

    /**
     * Read a whole body within the timeout registered for this request (no limit when none is).
     *
     * @param req request
     * @param in  its body stream
     * @return the bytes
     * @throws IOException when the body cannot be read, or did not arrive in time (the connection is then closed)
     */
    static byte[] readAll(ServerRequest req, InputStream in) throws IOException {
        BodyReadTimeout guard = req.context().get(BodyReadTimeout.class).orElse(null);
        return guard == null ? in.readAllBytes() : guard.read(in);
    }

    private byte[] read(InputStream in) throws IOException {
        Thread reader = Thread.currentThread();
        AtomicInteger state = new AtomicInteger(READING);
        Thread alarm = Thread.ofVirtual().name("body-read-timeout").start(() -> {
            try {
                Thread.sleep(timeout);
                if (state.compareAndSet(READING, FIRED)) {
                    reader.interrupt();
                }
            } catch (InterruptedException done) {
                // the body arrived in time
            }
        });
        try {
            return in.readAllBytes();
        } finally {
            if (state.compareAndSet(READING, DONE)) {
                alarm.interrupt();
            } else {
                // the alarm fired: wait for its interrupt to land, then clear it so it cannot hit anything later
                try {
                    alarm.join();
                } catch (InterruptedException ignored) {
                    // cleared below
                }
                Thread.interrupted();
            }
        }
    }
}
