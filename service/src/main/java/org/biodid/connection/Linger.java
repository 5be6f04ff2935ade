package org.biodid.connection;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * Bounds of a lingering close: read and discard at most {@code maxBytes} of the unread body, for at most
 * {@code maxTime}, then close regardless.
 *
 * @param maxTime  longest time spent draining ({@code app.linger.time})
 * @param maxBytes most bytes discarded ({@code app.linger.bytes})
 */
public record Linger(Duration maxTime, long maxBytes) {

    /**
     * Read the bounds from {@code app.linger}; both keys are required (application.yaml holds the defaults).
     *
     * @param config root configuration
     * @return bounds
     * @throws io.helidon.config.MissingValueException naming the key that is missing
     */
    public static Linger from(Config config) {
        return new Linger(config.get("app.linger.time").as(Duration.class).get(),
                          config.get("app.linger.bytes").asLong().get());
    }
}
