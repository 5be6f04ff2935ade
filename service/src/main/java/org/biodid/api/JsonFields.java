package org.biodid.api;

import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading request fields with errors that name them: {@code fingers[1].minutiae[4]: must be a number}.
 */
final class JsonFields {

    private JsonFields() {
    }

    static JsonNode object(JsonNode node, String path, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw ApiException.invalidField(path.isEmpty() ? "$" : path, "must be a JSON object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.invalidField(join(path, name), "is not a known field");
            }
        }
        return node;
    }

    static String requiredText(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw ApiException.invalidField(join(path, name), "is required");
        }
        if (!node.isTextual()) {
            throw ApiException.invalidField(join(path, name), "must be a string");
        }
        return node.textValue();
    }

    static String optionalText(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.invalidField(join(path, name), "must be a string");
        }
        return node.textValue();
    }

    static JsonNode requiredArray(JsonNode parent, String name, String path, int min, int max) {
        JsonNode node = parent.get(name);
        String field = join(path, name);
        if (node == null || node.isNull()) {
            throw ApiException.invalidField(field, "is required");
        }
        if (!node.isArray()) {
            throw ApiException.invalidField(field, "must be an array");
        }
        if (node.size() < min || node.size() > max) {
            throw ApiException.invalidField(field, "must have between " + min + " and " + max + " items");
        }
        return node;
    }

    static long requiredLong(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        String field = join(path, name);
        if (node == null || node.isNull()) {
            throw ApiException.invalidField(field, "is required");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ApiException.invalidField(field, "must be an integer (epoch seconds)");
        }
        return node.longValue();
    }

    static double number(JsonNode node, String field) {
        if (node == null || !node.isNumber()) {
            throw ApiException.invalidField(field, "must be a number");
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw ApiException.invalidField(field, "must be a finite number");
        }
        return value;
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
