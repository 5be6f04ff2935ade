package org.biodid.wallet;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a wallet signature authorises: each challenge is for one action and is worthless for the others.
 */
public enum WalletAction {
    /** Bind fingers to the wallet: {@code POST /api/v1/did/enroll}. */
    ENROLL("enroll"),
    /** Get the helper data of the wallet's DID again (a wallet on a new device). */
    FETCH_HELPER_DATA("fetch-helper-data"),
    /** Revoke the wallet's active DID. */
    REVOKE("revoke");

    private final String wireName;

    WalletAction(String wireName) {
        this.wireName = wireName;
    }

    /**
     * @return the name used in requests, challenge payloads and the database
     */
    public String wireName() {
        return wireName;
    }

    /**
     * @param text a wire name
     * @return the action, or empty when there is none of that name
     */
    public static Optional<WalletAction> parse(String text) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(text)).findFirst();
    }

    /**
     * @return the wire names, comma-separated, for error messages
     */
    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(WalletAction::wireName).toList());
    }
}
