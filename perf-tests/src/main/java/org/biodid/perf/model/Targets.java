package org.biodid.perf.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The performance targets: the single source of truth for every build-failing assertion, read from
 * {@code targets.properties} on the classpath (or the file named by {@code -Dbiodid.perf.targets}).
 *
 * <p>Keys: {@code <operation>.p50|p95|p99|max} in milliseconds (each an exclusive upper bound),
 * {@code system.errorRatePercent}, {@code system.throughputRps} (exclusive lower bound),
 * {@code system.cpuPercent}, {@code system.rssMb}; and {@code bar.*}, the project's stricter bar that is
 * reported but never fails the build. Unknown or incomplete keys are errors, so a typo cannot silently drop
 * an assertion.
 *
 * @param operations per-operation latency targets, keyed by request name
 * @param errorRatePercent maximum error rate (exclusive), percent
 * @param throughputRps minimum throughput (exclusive), requests per second
 * @param cpuPercent maximum average service CPU under normal load, percent of the machine
 * @param rssMb maximum service resident memory with 1000 concurrent users, MiB
 * @param bar the stricter, reported-only bar: {@code <operation>.p95}, {@code system.errorRatePercent}, …
 */
public record Targets(Map<String, OperationTarget> operations,
                      double errorRatePercent,
                      double throughputRps,
                      double cpuPercent,
                      double rssMb,
                      Map<String, Double> bar) {

    /** Classpath resource holding the targets. */
    public static final String RESOURCE = "targets.properties";

    private static final Set<String> SYSTEM_KEYS = Set.of("errorRatePercent", "throughputRps", "cpuPercent", "rssMb");
    private static final List<String> METRICS = List.of("p50", "p95", "p99", "max");

    /**
     * Latency targets of one operation, in milliseconds; each is an exclusive upper bound.
     *
     * @param operation request name ({@code health}, {@code enroll}, {@code verify}, {@code generate})
     * @param p50 median
     * @param p95 95th percentile
     * @param p99 99th percentile
     * @param max maximum
     */
    public record OperationTarget(String operation, int p50, int p95, int p99, int max) {

        /**
         * The limit for a metric name.
         *
         * @param metric {@code p50}, {@code p95}, {@code p99} or {@code max}
         * @return limit in ms
         */
        public int limit(String metric) {
            return switch (metric) {
                case "p50" -> p50;
                case "p95" -> p95;
                case "p99" -> p99;
                case "max" -> max;
                default -> throw new IllegalArgumentException("unknown metric " + metric);
            };
        }
    }

    /**
     * Canonical constructor: immutable copies.
     */
    public Targets {
        operations = Collections.unmodifiableMap(new LinkedHashMap<>(operations));
        bar = Collections.unmodifiableMap(new TreeMap<>(bar));
    }

    /**
     * Load the targets: {@code -Dbiodid.perf.targets=<file>} when set, else the classpath resource.
     *
     * @return targets
     */
    public static Targets load() {
        Properties properties = new Properties();
        try {
            var file = PerfConfig.get("biodid.perf.targets");
            if (file.isPresent()) {
                try (Reader reader = Files.newBufferedReader(Path.of(file.get()), StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            } else {
                try (InputStream in = Targets.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                    if (in == null) {
                        throw new IllegalStateException("no " + RESOURCE + " on the classpath");
                    }
                    properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the targets file", e);
        }
        return parse(properties);
    }

    /**
     * Parse and validate.
     *
     * @param properties the file's content
     * @return targets
     * @throws IllegalArgumentException on unknown keys, missing values, non-positive or unordered limits
     */
    public static Targets parse(Properties properties) {
        Map<String, Map<String, String>> perOperation = new TreeMap<>();
        Map<String, Double> system = new TreeMap<>();
        Map<String, Double> bar = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            String value = properties.getProperty(key).trim();
            String[] parts = key.split("\\.");
            if (parts.length == 2 && parts[0].equals("system")) {
                if (!SYSTEM_KEYS.contains(parts[1])) {
                    errors.add("unknown key " + key);
                } else {
                    system.put(parts[1], number(key, value, errors));
                }
            } else if (parts.length == 3 && parts[0].equals("bar")) {
                bar.put(parts[1] + "." + parts[2], number(key, value, errors));
            } else if (parts.length == 2 && METRICS.contains(parts[1]) && parts[0].matches("[a-z][a-z_]*")) {
                perOperation.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1], value);
            } else {
                errors.add("unknown key " + key);
            }
        }
        Map<String, OperationTarget> operations = new LinkedHashMap<>();
        perOperation.forEach((operation, values) -> {
            int[] limits = new int[METRICS.size()];
            for (int i = 0; i < METRICS.size(); i++) {
                String metric = METRICS.get(i);
                String value = values.get(metric);
                if (value == null) {
                    errors.add(operation + "." + metric + " is missing");
                    continue;
                }
                double limit = number(operation + "." + metric, value, errors);
                if (limit <= 0 || limit != Math.rint(limit)) {
                    errors.add(operation + "." + metric + " must be a positive whole number of ms, was " + value);
                }
                limits[i] = (int) limit;
            }
            if (!(limits[0] <= limits[1] && limits[1] <= limits[2] && limits[2] <= limits[3])) {
                errors.add(operation + ": limits must satisfy p50 <= p95 <= p99 <= max");
            }
            operations.put(operation, new OperationTarget(operation, limits[0], limits[1], limits[2], limits[3]));
        });
        for (String key : SYSTEM_KEYS) {
            if (!system.containsKey(key)) {
                errors.add("system." + key + " is missing");
            }
        }
        if (operations.isEmpty()) {
            errors.add("no operation targets");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid targets: " + String.join("; ", errors));
        }
        return new Targets(operations, system.get("errorRatePercent"), system.get("throughputRps"),
                           system.get("cpuPercent"), system.get("rssMb"), bar);
    }

    /**
     * The targets of one operation.
     *
     * @param operation request name
     * @return its targets
     * @throws IllegalArgumentException when the file has none for it
     */
    public OperationTarget operation(String operation) {
        OperationTarget target = operations.get(operation);
        if (target == null) {
            throw new IllegalArgumentException("targets file has no limits for operation '" + operation + "'");
        }
        return target;
    }

    private static double number(String key, String value, List<String> errors) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            errors.add(key + " is not a number: " + value);
            return Double.NaN;
        }
    }
}
