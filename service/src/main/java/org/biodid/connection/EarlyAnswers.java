package org.biodid.connection;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;

/**
 * Tells the connection that carries the current request that an answer went out before the request body was read
 * (Helidon's direct handlers: 413 from {@code Content-Length}, a bad header, too many concurrent requests), and how
 * much body the client will still send.
 * <p>
 * Helidon calls every method of one HTTP/1.1 connection, direct handlers included, from that connection's single
 * virtual thread, so the connection registers itself for its thread while it runs and the direct handler finds it
 * there.
 */
public final class EarlyAnswers {

    /** The client will send an unknown amount (chunked, or the request could not be parsed). */
    static final long UNKNOWN = -1;

    private static final ThreadLocal<LingeringConnection> CURRENT = new ThreadLocal<>();

    private EarlyAnswers() {
    }

    /**
     * Record that an answer is being sent before the body of this request was read; the connection then drains the
     * rest of the body (bounded) before it closes. Does nothing outside a lingering connection.
     *
     * @param requestHeaders headers of the request answered (empty when they could not be parsed)
     */
    public static void answeredBeforeBody(Headers requestHeaders) {
        LingeringConnection connection = CURRENT.get();
        if (connection != null) {
            connection.expectUnreadBody(unreadBody(requestHeaders));
        }
    }

    static long unreadBody(Headers headers) {
        if (headers.contains(HeaderValues.EXPECT_100)) {
            // the client waits for "100 Continue" before sending, and it never came
            return 0;
        }
        if (headers.size() == 0 || headers.contains(HeaderNames.TRANSFER_ENCODING)) {
            // headers that could not be parsed, or a chunked body: how much follows is not known
            return UNKNOWN;
        }
        if (!headers.contains(HeaderNames.CONTENT_LENGTH)) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(headers.get(HeaderNames.CONTENT_LENGTH).get().trim()));
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
    }

    static void enter(LingeringConnection connection) {
        CURRENT.set(connection);
    }

    static void leave() {
        CURRENT.remove();
    }
}
