package org.biodid.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final int INTERRUPTED = 3;

    /** How often the bodies being read are checked: a stalled body is cut at most this much after its timeout. */
    private static final Duration SWEEP_PERIOD = Duration.ofMillis(100);

    /**
     * The bodies being read, by reading thread (a connection's thread reads one body at a time). One thread sweeps
     * them ten times a second: a read registers and unregisters itself and nothing else, whereas a timer per read
     * (a virtual thread, then a scheduled task) woke another thread twice per request, which showed in the latency
     * tail (docs/performance.md).
     */
    private static final Map<Thread, Reading> READS = new ConcurrentHashMap<>();

    static {
        Thread.ofPlatform().name("body-read-timeout").daemon().start(BodyReadTimeout::sweep);
    }

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
        long declared = req.headers().contentLength().orElse(-1);
        return guard == null ? readBody(in, declared) : guard.read(in, declared);
    }

    /**
     * A body of declared length goes straight into an array of that length: {@code readAllBytes} would read it
     * through a fresh 16 KB buffer and copy it out, which was most of what a small JSON request allocated. The
     * server has already refused a declared length above its {@code max-payload-size}.
     */
    private static byte[] readBody(InputStream in, long declared) throws IOException {
        if (declared < 0 || declared > Integer.MAX_VALUE - 8) {
            return in.readAllBytes();
        }
        byte[] body = new byte[(int) declared];
        int read = in.readNBytes(body, 0, body.length);
        return read == body.length ? body : Arrays.copyOf(body, read);
    }

    private byte[] read(InputStream in, long declared) throws IOException {
        Thread reader = Thread.currentThread();
        Reading reading = new Reading(System.nanoTime() + timeout.toNanos());
        READS.put(reader, reading);
        try {
            return readBody(in, declared);
        } finally {
            READS.remove(reader);
            if (!reading.state.compareAndSet(READING, DONE)) {
                // the sweeper fired: wait for its interrupt to land, then clear it so it cannot hit anything later
                while (reading.state.get() != INTERRUPTED) {
                    Thread.onSpinWait();
                }
                Thread.interrupted();
            }
        }
    }

    private static void sweep() {
        while (true) {
            try {
                Thread.sleep(SWEEP_PERIOD);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            READS.forEach((reader, reading) -> {
                if (now - reading.deadline >= 0 && reading.state.compareAndSet(READING, FIRED)) {
                    reader.interrupt();
                    reading.state.set(INTERRUPTED);
                }
            });
        }
    }

    /** One body being read: when it must have arrived, and whether the read or the sweeper finished it first. */
    private static final class Reading {
        private final long deadline;
        private final AtomicInteger state = new AtomicInteger(READING);

        Reading(long deadline) {
            this.deadline = deadline;
        }
    }
}
