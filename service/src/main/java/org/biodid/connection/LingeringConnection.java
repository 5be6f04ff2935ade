package org.biodid.connection;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import io.helidon.common.buffers.DataReader;
import io.helidon.common.task.InterruptableTask;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;

/**
 * An HTTP/1.1 connection that closes gracefully after an early answer.
 * <p>
 * Helidon 4.1.2 writes an early answer ({@code Http1Connection.handleRequestException}), leaves its connection loop,
 * and {@code ConnectionHandler.run} closes the socket at once; so it does when a routed answer was sent without
 * reading the body and the body then cannot be consumed (a chunked body over the limit). Bytes of the request body
 * that are still in the socket's receive buffer then make the kernel send a reset instead of a normal close, and the
 * reset can destroy the answer before the client has read it (the client is usually still sending). Here, when the
 * connection loop ends, the rest of the body is read and discarded (exactly as much as was declared when the answer
 * came from a direct handler, otherwise until the client closes), bounded in bytes and time, and only then does
 * Helidon close: the close is clean and the client reads the answer. A client that never stops sending is cut off
 * at the bound; a client that has already closed costs one read that returns at once.
 */
final class LingeringConnection implements ServerConnection, InterruptableTask<Void> {

    private static final int DRAINING = 0;
    private static final int DONE = 1;
    private static final int TIMED_OUT = 2;

    private final ServerConnection delegate;
    private final ConnectionContext ctx;
    private final Linger linger;
    private long unreadBody = EarlyAnswers.UNKNOWN;

    LingeringConnection(ServerConnection delegate, ConnectionContext ctx, Linger linger) {
        this.delegate = delegate;
        this.ctx = ctx;
        this.linger = linger;
    }

    @Override
    public void handle(Semaphore requestSemaphore) throws InterruptedException {
        EarlyAnswers.enter(this);
        try {
            delegate.handle(requestSemaphore);
        } finally {
            EarlyAnswers.leave();
            // Whatever ended Helidon's loop (its own early answer, a body it could not consume after a routed
            // answer, the client closing), the socket closes next. When the client has closed or the socket has
            // failed, the first read says so at once; otherwise the unread body is discarded, within the bounds.
            if (!Thread.currentThread().isInterrupted()) {
                drain(unreadBody);
            }
        }
    }

    void expectUnreadBody(long bytes) {
        this.unreadBody = bytes;
    }

    private void drain(long declared) {
        long limit = declared == EarlyAnswers.UNKNOWN ? linger.maxBytes() : Math.min(declared, linger.maxBytes());
        if (limit <= 0) {
            return;
        }
        Thread reader = Thread.currentThread();
        AtomicInteger state = new AtomicInteger(DRAINING);
        Thread alarm = Thread.ofVirtual().name("linger-timeout").start(() -> {
            try {
                Thread.sleep(linger.maxTime());
                if (state.compareAndSet(DRAINING, TIMED_OUT)) {
                    // a virtual thread blocked in a socket read is woken by an interrupt, which closes the socket
                    reader.interrupt();
                }
            } catch (InterruptedException drained) {
                // finished in time
            }
        });
        try {
            discard(ctx.dataReader(), limit);
        } catch (RuntimeException endOfBody) {
            // the client closed, the connection failed, or the time is up: nothing more to wait for
        } finally {
            if (state.compareAndSet(DRAINING, DONE)) {
                alarm.interrupt();
            } else {
                awaitQuietly(alarm);
                Thread.interrupted();
            }
        }
    }

    private static void discard(DataReader in, long limit) {
        long left = limit;
        while (left > 0) {
            in.ensureAvailable();
            int n = (int) Math.min(in.available(), left);
            in.skip(n);
            left -= n;
        }
    }

    private static void awaitQuietly(Thread alarm) {
        try {
            alarm.join(Duration.ofSeconds(1));
        } catch (InterruptedException ignored) {
            // cleared by the caller
        }
    }

    @Override
    public Duration idleTime() {
        return delegate.idleTime();
    }

    @Override
    public void close(boolean interrupt) {
        delegate.close(interrupt);
    }

    @Override
    public boolean canInterrupt() {
        return delegate instanceof InterruptableTask<?> task && task.canInterrupt();
    }
}
