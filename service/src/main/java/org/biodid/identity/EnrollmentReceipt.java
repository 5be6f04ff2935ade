package org.biodid.identity;

import java.io.UncheckedIOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answer to a created enrollment, with the CIP-20 (label 674) metadata the wallet puts on chain. It is stored as
 * text, so a retry gets it byte for byte.
 */
final class EnrollmentReceipt {

    private EnrollmentReceipt() {
    }

    static String json(ObjectMapper mapper, String did, EnrollCommand command, String idHash, ObjectNode helpers,
                       Instant now) {
        String wallet = command.wallet().text();
        ObjectNode body = mapper.createObjectNode();
        body.put("did", did);
        body.put("wallet_address", wallet);
        body.put("network", command.network().id());
        body.put("id_hash", idHash);
        body.set("helpers", helpers);
        ObjectNode cip20 = body.putObject("metadata").putObject("674");
        cip20.put("version", "1.1");
        cip20.put("did", did);
        cip20.putArray("controllers").add(wallet);
        ObjectNode biometric = cip20.putObject("biometric");
        biometric.put("idHash", idHash);
        // Helper data is confidential (docs/security.md): the wallet keeps it, the chain never sees it.
        biometric.put("helperStorage", "external");
        biometric.putNull("helperData");
        cip20.put("enrollmentTimestamp", now.toString());
        cip20.put("revoked", false);
        cip20.putNull("revokedAt");
        body.put("created_at", now.toString());
        return body.toString();
    }

    static String did(ObjectMapper mapper, String receipt) {
        try {
            return mapper.readTree(receipt).get("did").asText();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
