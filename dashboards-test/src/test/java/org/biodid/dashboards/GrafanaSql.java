package org.biodid.dashboards;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What Grafana's PostgreSQL datasource does to a raw SQL query before sending it: template variables first
 * (the frontend's {@code interpolateVariable}: a single-value variable is inserted as is, a multi-value or
 * <em>All</em>-capable one is single-quoted, quotes doubled, comma-joined), then the backend macros.
 */
final class GrafanaSql {

    private static final Pattern MACRO = Pattern.compile("\\$__(\\w+)\\(([^()]*)\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\[\\[(\\w+)]]|\\$(\\w+)");

    /** A variable's selected value(s) and whether Grafana quotes it (multi or includeAll). */
    record Value(List<String> values, boolean quoted) {

        static Value single(String value) {
            return new Value(List.of(value), false);
        }
    }

    private final Instant from;
    private final Instant to;

    GrafanaSql(Instant from, Instant to) {
        this.from = from.truncatedTo(ChronoUnit.SECONDS);
        this.to = to.truncatedTo(ChronoUnit.SECONDS);
    }

    String expand(String sql, Map<String, Value> variables) {
        return macros(variables(sql, variables));
    }

    static String variables(String sql, Map<String, Value> variables) {
        Matcher m = VARIABLE.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            Value value = variables.get(name);
            String replacement;
            if (value == null) {
                replacement = m.group();  // a macro ($__timeFilter) or unknown: left for the next step
            } else if (value.quoted()) {
                replacement = value.values().stream().map(v -> "'" + v.replace("'", "''") + "'")
                        .collect(Collectors.joining(","));
            } else {
                replacement = value.values().getFirst();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    String macros(String sql) {
        Matcher m = MACRO.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String[] args = m.group(2).isBlank() ? new String[0] : m.group(2).split(",");
            for (int i = 0; i < args.length; i++) {
                args[i] = args[i].trim();
            }
            String replacement = switch (m.group(1)) {
                case "time" -> args[0] + " AS \"time\"";
                case "timeEpoch" -> "extract(epoch from " + args[0] + ") AS \"time\"";
                case "timeFilter" -> args[0] + " BETWEEN '" + rfc3339(from) + "' AND '" + rfc3339(to) + "'";
                case "timeFrom" -> "'" + rfc3339(from) + "'";
                case "timeTo" -> "'" + rfc3339(to) + "'";
                case "timeGroup" -> timeGroup(args);
                case "timeGroupAlias" -> timeGroup(args) + " AS \"time\"";
                case "unixEpochFilter" -> args[0] + " >= " + from.getEpochSecond() + " AND " + args[0] + " <= " + to.getEpochSecond();
                case "unixEpochFrom" -> String.valueOf(from.getEpochSecond());
                case "unixEpochTo" -> String.valueOf(to.getEpochSecond());
                default -> throw new IllegalArgumentException("macro $__" + m.group(1) + " is not supported by this expander");
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        String result = out.toString();
        if (result.contains("$")) {
            throw new IllegalArgumentException("unexpanded $ left in the query:\n" + result);
        }
        return result;
    }

    private static String timeGroup(String[] args) {
        long seconds = interval(args[1].replace("'", ""));
        return "floor(extract(epoch from " + args[0] + ")/" + seconds + ")*" + seconds;
    }

    static long interval(String text) {
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h|d|w)").matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("interval " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Math.max(1, n / 1000);
            case "s" -> n;
            case "m" -> n * 60;
            case "h" -> n * 3600;
            case "d" -> n * 86400;
            default -> n * 604800;
        };
    }

    private static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
