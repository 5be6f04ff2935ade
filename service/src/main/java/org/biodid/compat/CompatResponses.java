package org.biodid.compat;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the original response shapes, with the original's field names and field order.
 */
public final class CompatResponses {

    /** Schema version the original writes into the metadata. */
    static final String METADATA_VERSION = "1.1";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CompatResponses() {
    }

    /**
     * The {@code GenerateResponse}.
     *
     * @param enrollment the derived values
     * @return {@code {did, id_hash, wallet_address, helpers, metadata_cip30_inline, tx_hash}}
     */
    public static ObjectNode generate(CompatEnrollment enrollment) {
        ObjectNode helpers = helperMap(enrollment.helpers());
        ObjectNode biometric = JSON.objectNode();
        biometric.put("idHash", enrollment.idHash());
        biometric.put("helperStorage", enrollment.storage().id());
        if (enrollment.storage() == HelperStorage.INLINE) {
            biometric.set("helperData", helpers.deepCopy());
        } else {
            biometric.putNull("helperData");
        }
        ObjectNode metadata = JSON.objectNode();
        metadata.put("version", METADATA_VERSION);
        metadata.put("walletAddress", enrollment.walletAddress());
        metadata.set("controllers", JSON.arrayNode().add(enrollment.walletAddress()));
        metadata.put("enrollmentTimestamp", enrollment.enrollmentTimestamp());
        metadata.set("biometric", biometric);
        metadata.put("revoked", false);
        metadata.putNull("revokedAt");

        ObjectNode response = JSON.objectNode();
        response.put("did", enrollment.did());
        response.put("id_hash", enrollment.idHash());
        response.put("wallet_address", enrollment.walletAddress());
        response.set("helpers", helpers);
        response.set("metadata_cip30_inline", metadata);
        response.put("tx_hash", enrollment.txHash());
        return response;
    }

    /**
     * The {@code VerifyResponse}.
     *
     * @param outcome the verify outcome
     * @return {@code {success, matched_fingers, unmatched_fingers, error}}
     */
    public static ObjectNode verify(VerifyOutcome outcome) {
        ObjectNode response = JSON.objectNode();
        response.put("success", outcome.success());
        response.set("matched_fingers", strings(outcome.matchedFingers()));
        response.set("unmatched_fingers", strings(outcome.unmatchedFingers()));
        if (outcome.error() == null) {
            response.putNull("error");
        } else {
            response.put("error", outcome.error());
        }
        return response;
    }

    private static ObjectNode helperMap(Map<String, HelperEntry> helpers) {
        ObjectNode map = JSON.objectNode();
        helpers.forEach((fingerId, entry) -> {
            ObjectNode node = map.putObject(fingerId);
            node.put("finger_id", entry.fingerId());
            node.put("salt_b64", entry.saltB64());
            node.put("auth_b64", entry.authB64());
            node.put("grid_size", entry.gridSize());
            node.put("angle_bins", entry.angleBins());
        });
        return map;
    }

    private static ArrayNode strings(Iterable<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
