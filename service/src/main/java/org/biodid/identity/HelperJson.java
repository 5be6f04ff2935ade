package org.biodid.identity;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.FusedHelperData;
import org.biodid.biometrics.HelperDataVersionException;

/**
 * The helper data of an enrollment as JSON: {@code {"version": 2, "fingers": ["left_thumb", ...], "data":
 * "<base64url>"}}, one fused record for all enrolled fingers. The same text is returned once to the enrolling client
 * and stored, sealed (docs/security.md); it is confidential and goes nowhere else. Records stored by the per-finger
 * design (version 1, {@code {"left_thumb": {"version": 1, ...}}}) are refused with
 * {@link IdentityException.Reason#REENROLLMENT_REQUIRED}: they cannot be converted without the fingers.
 */
public final class HelperJson {

    private HelperJson() {
    }

    /**
     * @param mapper JSON mapper
     * @param helper the fused helper data
     * @return the JSON form
     */
    public static ObjectNode toJson(ObjectMapper mapper, FusedHelperData helper) {
        ObjectNode node = mapper.createObjectNode();
        node.put("version", helper.version());
        ArrayNode fingers = node.putArray("fingers");
        helper.fingers().forEach(finger -> fingers.add(finger.wireName()));
        node.put("data", helper.toBase64Url());
        return node;
    }

    /**
     * @param mapper JSON mapper
     * @param json   stored helper data
     * @return the fused helper data
     * @throws IdentityException with {@code REENROLLMENT_REQUIRED} for version-1 records
     */
    public static FusedHelperData fromStored(ObjectMapper mapper, String json) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
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
            throw new IdentityException(IdentityException.Reason.REENROLLMENT_REQUIRED, null,
                                        "This DID was enrolled with helper data version " + e.version()
                                                + ", which allowed offline guessing finger by finger; revoke it and "
                                                + "enroll again");
        }
    }

    /**
     * @param helper helper data
     * @return the enrolled fingers' wire names
     */
    public static List<String> fingerNames(FusedHelperData helper) {
        return helper.fingers().stream().map(FingerId::wireName).toList();
    }
}
