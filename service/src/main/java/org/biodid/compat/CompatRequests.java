package org.biodid.compat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.biodid.input.InvalidInputException;

/**
 * Reads and validates the original request shapes from parsed JSON.
 * <p>
 * Limits follow the original secure server: 1 to 10 fingers, minutiae as non-empty lists of
 * {@code [x, y, angle]} numbers, wallet address of 10 to 200 characters, {@code expected_id_hash} of
 * at least 32 characters, {@code storage} {@code inline} or {@code external}. Integers are accepted
 * where floats are expected (as the original's models coerce them). Stricter than the original, and
 * documented in {@code docs/compat.md}: numbers must be JSON numbers (the original would also coerce
 * numeric strings), non-finite values and text that is not well-formed Unicode are rejected, string
 * lengths are bounded, verify takes at most 10 fingers and 10 helper entries, and an empty helper map
 * is refused (the basic server's rule; with no helpers zero matching fingers would do). Unknown
 * fields are ignored, as the original's models ignore them. Every failure names the offending field.
 */
public final class CompatRequests {

    static final int MIN_FINGERS = 1;
    static final int MAX_FINGERS = 10;
    static final int MIN_WALLET = 10;
    static final int MAX_WALLET = 200;
    static final int MAX_FINGER_ID = 64;
    static final int MIN_ID_HASH = 32;
    static final int MAX_ID_HASH = 128;
    static final int MAX_HELPER_TEXT = 128;

    private CompatRequests() {
    }

    /**
     * Reads a generate request.
     *
     * @param body the parsed request body
     * @return the validated request
     * @throws InvalidInputException naming the offending field
     */
    public static GenerateRequest generate(JsonNode body) {
        requireObject("body", body);
        List<Finger> fingers = fingers(body.get("fingers"));
        String wallet = boundedString("wallet_address", body.get("wallet_address"), MIN_WALLET, MAX_WALLET);
        HelperStorage storage = HelperStorage.INLINE;
        if (body.has("storage")) {
            storage = HelperStorage.parse("storage", string("storage", body.get("storage")));
        }
        if (body.has("format")) {
            // Accepted and ignored, as in the original (it only ever answers JSON).
            string("format", body.get("format"));
        }
        return new GenerateRequest(fingers, wallet, storage);
    }

    /**
     * Reads a verify request.
     *
     * @param body the parsed request body
     * @return the validated request
     * @throws InvalidInputException naming the offending field
     */
    public static VerifyRequest verify(JsonNode body) {
        requireObject("body", body);
        List<Finger> fingers = fingers(body.get("fingers"));
        Map<String, HelperEntry> helpers = helpers(body.get("helpers"));
        String expected = boundedString("expected_id_hash", body.get("expected_id_hash"), MIN_ID_HASH, MAX_ID_HASH);
        return new VerifyRequest(fingers, helpers, expected);
    }

    private static List<Finger> fingers(JsonNode node) {
        String field = "fingers";
        requireArray(field, node);
        if (node.size() < MIN_FINGERS || node.size() > MAX_FINGERS) {
            throw new InvalidInputException(field, "must hold " + MIN_FINGERS + " to " + MAX_FINGERS + " fingers");
        }
        List<Finger> fingers = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String path = field + "[" + i + "]";
            JsonNode finger = node.get(i);
            requireObject(path, finger);
            String fingerId = boundedString(path + ".finger_id", finger.get("finger_id"), 1, MAX_FINGER_ID);
            fingers.add(new Finger(fingerId, minutiae(path + ".minutiae", finger.get("minutiae"))));
        }
        return fingers;
    }

    private static List<CompatMinutia> minutiae(String field, JsonNode node) {
        requireArray(field, node);
        if (node.isEmpty()) {
            // The original secure server's message.
            throw new InvalidInputException(field, "Minutiae list cannot be empty");
        }
        List<CompatMinutia> minutiae = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String path = field + "[" + i + "]";
            JsonNode point = node.get(i);
            if (point == null || !point.isArray() || point.size() != 3) {
                throw new InvalidInputException(path, "Each minutia must have [x, y, angle]");
            }
            minutiae.add(new CompatMinutia(number(path + "[0]", point.get(0)),
                                     number(path + "[1]", point.get(1)),
                                     number(path + "[2]", point.get(2))));
        }
        return minutiae;
    }

    private static Map<String, HelperEntry> helpers(JsonNode node) {
        String field = "helpers";
        requireObject(field, node);
        if (node.isEmpty()) {
            // The original basic server's message.
            throw new InvalidInputException(field, "Verification requires helper data from enrollment");
        }
        if (node.size() > MAX_FINGERS) {
            throw new InvalidInputException(field, "must hold at most " + MAX_FINGERS + " entries");
        }
        Map<String, HelperEntry> helpers = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String key = entry.getKey();
            if (!isWellFormed(key)) {
                throw new InvalidInputException(field, "keys must be well-formed Unicode");
            }
            String path = field + "." + key;
            JsonNode value = entry.getValue();
            requireObject(path, value);
            helpers.put(key, new HelperEntry(
                    boundedString(path + ".finger_id", value.get("finger_id"), 0, MAX_FINGER_ID),
                    boundedString(path + ".salt_b64", value.get("salt_b64"), 0, MAX_HELPER_TEXT),
                    boundedString(path + ".auth_b64", value.get("auth_b64"), 0, MAX_HELPER_TEXT),
                    number(path + ".grid_size", value.get("grid_size")),
                    integer(path + ".angle_bins", value.get("angle_bins"))));
        }
        return helpers;
    }

    private static double number(String field, JsonNode node) {
        if (node == null || !node.isNumber()) {
            throw new InvalidInputException(field, "must be a number");
        }
        // Integral nodes convert with correct rounding, as Python's float(int) does.
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(field, "must be a finite number within the range of a double");
        }
        return value;
    }

    private static int integer(String field, JsonNode node) {
        // Like the original's int field: integers, and floats without a fractional part.
        if (node != null && node.isNumber()) {
            if (node.canConvertToInt() && node.isIntegralNumber()) {
                return node.intValue();
            }
            double value = node.doubleValue();
            if (node.isFloatingPointNumber() && value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE) {
                return (int) value;
            }
        }
        throw new InvalidInputException(field, "must be an integer");
    }

    private static String boundedString(String field, JsonNode node, int min, int max) {
        String value = string(field, node);
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw new InvalidInputException(field, "must be " + min + " to " + max + " characters long");
        }
        return value;
    }

    private static String string(String field, JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new InvalidInputException(field, "must be a string");
        }
        String value = node.textValue();
        if (!isWellFormed(value)) {
            // A lone surrogate has no UTF-8 form: the original failed with a 500 here.
            throw new InvalidInputException(field, "must be well-formed Unicode");
        }
        return value;
    }

    private static void requireObject(String field, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(field, "must be a JSON object");
        }
    }

    private static void requireArray(String field, JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new InvalidInputException(field, "must be an array");
        }
    }

    private static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
