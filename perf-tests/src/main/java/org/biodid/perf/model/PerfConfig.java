package org.biodid.perf.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The harness's parameters: system properties ({@code -Dbiodid.baseUrl=...}, propagated by the Gatling Maven
 * plugin into Gatling's JVM), each with an environment-variable fallback (upper case, dots as underscores:
 * {@code BIODID_BASEURL}), then a default. Read once per simulation.
 */
public final class PerfConfig {

    private PerfConfig() {
    }

    /**
     * A property: system property, else environment variable, else empty.
     *
     * @param name property name such as {@code biodid.baseUrl}
     * @return the value when set and not blank
     */
    public static Optional<String> get(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * A property or its default.
     *
     * @param name property name
     * @param defaultValue used when unset
     * @return value
     */
    public static String get(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    /**
     * An integer property.
     *
     * @param name property name
     * @param defaultValue used when unset
     * @return value
     */
    public static int getInt(String name, int defaultValue) {
        return get(name).map(Integer::parseInt).orElse(defaultValue);
    }

    /**
     * A decimal property.
     *
     * @param name property name
     * @param defaultValue used when unset
     * @return value
     */
    public static double getDouble(String name, double defaultValue) {
        return get(name).map(Double::parseDouble).orElse(defaultValue);
    }

    /**
     * A boolean property ({@code true} / {@code false}).
     *
     * @param name property name
     * @param defaultValue used when unset
     * @return value
     */
    public static boolean getBoolean(String name, boolean defaultValue) {
        return get(name).map(Boolean::parseBoolean).orElse(defaultValue);
    }

    /**
     * A duration in seconds.
     *
     * @param name property name (value in seconds)
     * @param defaultSeconds used when unset
     * @return value
     */
    public static Duration getSeconds(String name, int defaultSeconds) {
        return Duration.ofSeconds(getInt(name, defaultSeconds));
    }

    /**
     * A path property.
     *
     * @param name property name
     * @param defaultValue used when unset
     * @return value
     */
    public static Path getPath(String name, String defaultValue) {
        return Path.of(get(name, defaultValue));
    }
}
