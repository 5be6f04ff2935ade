package org.biodid.api;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.biodid.store.EnrollmentRecord;

/**
 * W3C DID documents and DID Resolution results for enrolled {@code did:cardano} identifiers, modelled on the DIF
 * Universal Resolver's driver contract.
 * <p>
 * A biometric DID is controlled by itself: the document names its controlling wallet in {@code alsoKnownAs}
 * (as a CAIP-10-style {@code cardano:<network>:<address>} URI) and carries the public identity hash, never helper
 * data or any biometric value.
 */
final class DidDocuments {

    static final String DID_V1_CONTEXT = "https://www.w3.org/ns/did/v1";
    static final String MEDIA_DID = "application/did";
    static final String MEDIA_DID_LD = "application/did+ld+json";
    static final String MEDIA_RESOLUTION = "application/did-resolution";

    private DidDocuments() {
    }

    static ObjectNode document(EnrollmentRecord e) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.putArray("@context").add(DID_V1_CONTEXT);
        doc.put("id", e.did());
        doc.put("controller", e.did());
        doc.putArray("alsoKnownAs").add("cardano:" + e.network() + ":" + e.walletAddress());
        doc.putObject("biometric").put("idHash", e.idHash());
        return doc;
    }

    static ObjectNode metadata(EnrollmentRecord e) {
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.put("created", iso(e.createdAt()));
        meta.put("updated", iso(e.revoked() ? e.revokedAt() : e.createdAt()));
        meta.put("deactivated", e.revoked());
        return meta;
    }

    static ObjectNode resolution(EnrollmentRecord e, String contentType) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("didDocument", document(e));
        result.set("didDocumentMetadata", metadata(e));
        result.putObject("didResolutionMetadata").put("contentType", contentType);
        return result;
    }

    /**
     * Extension members for a resolver error, so that the problem body is also a valid resolution result.
     */
    static void addResolutionError(ObjectNode problem, String w3cError, String message) {
        problem.putNull("didDocument");
        problem.putObject("didDocumentMetadata");
        ObjectNode error = problem.putObject("didResolutionMetadata").putObject("error");
        error.put("type", "https://www.w3.org/ns/did#" + w3cError);
        error.put("title", message);
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

}
