package org.biodid.identity;

import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.HelperData;

/**
 * The helper data of an enrollment as JSON: {@code {"left_thumb": {"version": 1, "data": "<base64url>"}}}.
 * The same text is returned once to the enrolling client and stored, sealed (docs/security.md); it is confidential and
 * goes nowhere else.
 */
public final class HelperJson {

    private HelperJson() {
    }

    /**
     * @param mapper    JSON mapper
     * @param helpers helper data per finger
     * @return the JSON form
     */
    public static ObjectNode toJson(ObjectMapper mapper, Map<FingerId, HelperData> helpers) {
        ObjectNode node = mapper.createObjectNode();
        helpers.forEach((finger, helper) -> node.putObject(finger.wireName())
                .put("version", helper.version())
                .put("data", helper.toBase64Url()));
        return node;
    }

    /**
     * @param mapper JSON mapper
     * @param json   stored helper data
     * @return helper data per finger
     */
    public static Map<FingerId, HelperData> fromStored(ObjectMapper mapper, String json) {
        try {
            JsonNode node = mapper.readTree(json);
            Map<FingerId, HelperData> helpers = new EnumMap<>(FingerId.class);
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                FingerId finger = FingerId.parse("helpers", field.getKey());
                helpers.put(finger, HelperData.fromBase64Url("helpers." + field.getKey(),
                                                             field.getValue().get("data").asText()));
            }
            return helpers;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored helper data is not valid JSON", e);
        }
    }
}
