package org.biodid.api;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.helidon.http.Status;

import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.FusedHelperData;
import org.biodid.biometrics.HelperDataVersionException;

/**
 * The helper data of an enrollment as JSON: {@code {"version": 2, "fingers": ["left_thumb", ...], "data":
 * "<base64url>"}}, one fused record for all enrolled fingers. Records stored by the per-finger design (version
 * 1, {@code {"left_thumb": {"version": 1, ...}}}) are refused with 409 {@code REENROLLMENT_REQUIRED}.
 */
final class HelperJson {

    private HelperJson() {
    }

    static ObjectNode toJson(FusedHelperData helper) {
        ObjectNode node = JsonBodies.MAPPER.createObjectNode();
        node.put("version", helper.version());
        ArrayNode fingers = node.putArray("fingers");
        helper.fingers().forEach(finger -> fingers.add(finger.wireName()));
        node.put("data", helper.toBase64Url());
        return node;
    }

    static FusedHelperData fromStored(String json) {
        JsonNode node;
        try {
            node = JsonBodies.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored helper data is not valid JSON", e);
        }
        JsonNode data = node.get("data");
        try {
            if (data == null || !data.isTextual()) {
                throw new HelperDataVersionException(1);
            }
            return FusedHelperData.fromBase64Url("helpers", data.asText());
        } catch (HelperDataVersionException e) {
            throw new ApiException(Status.CONFLICT_409, "REENROLLMENT_REQUIRED", "Re-enrollment required",
                                   "This DID was enrolled with helper data version " + e.version()
                                           + ", which allowed offline guessing finger by finger; revoke it and "
                                           + "enroll again", List.of());
        }
    }

    static List<String> fingerNames(FusedHelperData helper) {
        return helper.fingers().stream().map(FingerId::wireName).toList();
    }
}
