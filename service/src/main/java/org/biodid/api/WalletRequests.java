package org.biodid.api;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.biodid.did.WalletAddress;
import org.biodid.wallet.DataSignature;
import org.biodid.wallet.WalletAction;

/**
 * Turns request bodies of the wallet routes (and the {@code wallet_signature} of enrollment) into checked commands.
 */
final class WalletRequests {

    /** Field holding a CIP-30 {@code signData} answer. */
    static final String SIGNATURE_FIELD = "wallet_signature";
    private static final Set<String> CHALLENGE_FIELDS = Set.of("wallet_address", "action");
    private static final Set<String> SIGNED_FIELDS = Set.of("wallet_address", SIGNATURE_FIELD);
    private static final Set<String> SIGNATURE_FIELDS = Set.of("signature", "key");
    /** Far above any COSE_Sign1 of a challenge (about 300 bytes), far below the body limit. */
    private static final int MAX_HEX = 8192;

    private WalletRequests() {
    }

    /**
     * @param wallet wallet
     * @param action action the challenge is for
     */
    record ChallengeRequest(WalletAddress wallet, WalletAction action) {
    }

    /**
     * @param wallet    wallet
     * @param signature its CIP-30 answer over a challenge
     */
    record Signed(WalletAddress wallet, DataSignature signature) {
    }

    static ChallengeRequest challenge(JsonNode body) {
        JsonFields.object(body, "", CHALLENGE_FIELDS);
        WalletAddress wallet = WalletAddress.parse("wallet_address",
                                                   JsonFields.requiredText(body, "wallet_address", ""));
        String actionText = JsonFields.requiredText(body, "action", "");
        WalletAction action = WalletAction.parse(actionText).orElseThrow(
                () -> ApiException.invalidField("action", "must be one of " + WalletAction.wireNames()));
        return new ChallengeRequest(wallet, action);
    }

    static Signed signed(JsonNode body) {
        JsonFields.object(body, "", SIGNED_FIELDS);
        WalletAddress wallet = WalletAddress.parse("wallet_address",
                                                   JsonFields.requiredText(body, "wallet_address", ""));
        return new Signed(wallet, signature(body, ""));
    }

    /**
     * @param parent object that may hold {@code wallet_signature}
     * @param path   its path
     * @return the signature, or {@code null} when absent (whether one is required is decided later, with a code of
     *         its own)
     */
    static DataSignature signature(JsonNode parent, String path) {
        JsonNode node = parent.get(SIGNATURE_FIELD);
        if (node == null || node.isNull()) {
            return null;
        }
        String field = JsonFields.join(path, SIGNATURE_FIELD);
        JsonFields.object(node, field, SIGNATURE_FIELDS);
        return new DataSignature(hex(node, "signature", field), hex(node, "key", field));
    }

    private static String hex(JsonNode parent, String name, String path) {
        String text = JsonFields.requiredText(parent, name, path);
        if (text.isEmpty() || text.length() > MAX_HEX) {
            throw ApiException.invalidField(JsonFields.join(path, name),
                                            "must be hex-encoded CBOR of 1 to " + MAX_HEX / 2 + " bytes");
        }
        return text;
    }
}
