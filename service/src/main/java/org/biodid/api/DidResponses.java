package org.biodid.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.biodid.did.CardanoDid;
import org.biodid.did.Network;
import org.biodid.identity.DidPage;
import org.biodid.identity.Verification;
import org.biodid.store.EnrollmentRecord;

/**
 * The JSON bodies of the DID routes' answers (see {@code docs/api.md}).
 */
final class DidResponses {

    private final ObjectMapper mapper;

    DidResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode verification(Verification v) {
        ObjectNode node = mapper.createObjectNode();
        node.put("verified", v.verified());
        node.put("did", v.did());
        node.put("wallet_address", v.walletAddress());
        node.put("method", v.method());
        // Only on success: a failure must not say which fingers were close (the adaptive attacker's hill-climbing
        // signal); after a success the caller has shown every finger the policy requires (docs/security.md).
        if (v.verified()) {
            ArrayNode fingers = node.putArray("matched_fingers");
            v.matchedFingers().forEach(fingers::add);
        }
        if (v.reason() == null) {
            node.putNull("reason");
        } else {
            node.put("reason", v.reason());
        }
        node.put("checked_at", v.checkedAt().toString());
        return node;
    }

    ObjectNode generated(CardanoDid did, Network network) {
        ObjectNode body = mapper.createObjectNode();
        body.put("did", did.toString());
        body.put("network", network.id());
        return body;
    }

    ObjectNode revoked(EnrollmentRecord enrollment) {
        ObjectNode body = mapper.createObjectNode();
        body.put("did", enrollment.did());
        body.put("revoked", true);
        body.put("revoked_at", enrollment.revokedAt().toString());
        body.set("didDocumentMetadata", DidDocuments.metadata(enrollment));
        return body;
    }

    ObjectNode page(String wallet, DidPage page) {
        ObjectNode body = mapper.createObjectNode();
        body.put("wallet_address", wallet);
        ArrayNode dids = body.putArray("dids");
        for (EnrollmentRecord e : page.dids()) {
            ObjectNode item = dids.addObject();
            item.put("did", e.did());
            item.put("network", e.network());
            item.put("created_at", e.createdAt().toString());
            item.put("revoked", e.revoked());
            item.put("revoked_at", DidDocuments.iso(e.revokedAt()));
        }
        if (page.next().isPresent()) {
            body.put("next_cursor", PageCursor.encode(page.next().get()));
        } else {
            body.putNull("next_cursor");
        }
        return body;
    }
}
