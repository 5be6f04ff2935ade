package org.biodid.budget;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * The failure budget's limits ({@code app.verify.failures.*}).
 *
 * @param keyLimit     consecutive failures one API key may have on one subject before it must wait; 0 turns the
 *                     budget off
 * @param subjectLimit consecutive failures over all keys on one subject before every key must wait
 * @param delay        the first wait; each further failure doubles it
 * @param maxDelay     the longest wait
 */
public record BudgetSettings(int keyLimit, int subjectLimit, Duration delay, Duration maxDelay) {

    /**
     * @param keyLimit     per-key limit
     * @param subjectLimit per-subject limit
     * @param delay        first wait
     * @param maxDelay     longest wait
     */
    public BudgetSettings {
        if (keyLimit < 0 || subjectLimit < 0) {
            throw new IllegalArgumentException("app.verify.failures: limits must not be negative");
        }
        if (delay.isNegative() || delay.isZero() || maxDelay.compareTo(delay) < 0) {
            throw new IllegalArgumentException("app.verify.failures: delay must be positive and max.delay >= delay");
        }
    }

    /**
     * Read {@code app.verify.failures}; every key is required (application.yaml holds the defaults).
     *
     * @param config the {@code app.verify.failures} node
     * @return settings
     * @throws io.helidon.config.MissingValueException naming the key that is missing
     */
    public static BudgetSettings from(Config config) {
        return new BudgetSettings(config.get("limit").asInt().get(),
                                  config.get("subject.limit").asInt().get(),
                                  config.get("delay").as(Duration.class).get(),
                                  config.get("max.delay").as(Duration.class).get());
    }

    /**
     * @return whether failures are limited at all
     */
    public boolean enabled() {
        return keyLimit > 0;
    }

    /**
     * The wait after the given number of consecutive failures (the same rule the database statements apply).
     *
     * @param failures consecutive failures
     * @param limit    the limit they are counted against
     * @return wait, zero below the limit
     */
    public Duration waitAfter(int failures, int limit) {
        if (failures < limit) {
            return Duration.ZERO;
        }
        double millis = delay.toMillis() * Math.pow(2, Math.min(failures - limit, 40));
        return Duration.ofMillis((long) Math.min(maxDelay.toMillis(), millis));
    }
}
