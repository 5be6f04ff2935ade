package org.biodid.wallet;

/**
 * A wallet signature or challenge that does not authorise the request. The HTTP layer answers it as problem details
 * with the {@link Reason}'s status and stable code.
 */
public final class WalletProofException extends RuntimeException {

    private final Reason reason;

    /**
     * @param reason what is wrong
     * @param detail explanation safe to show to the client
     */
    public WalletProofException(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    /**
     * @return what is wrong
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Every way a wallet proof fails, with the HTTP status and the problem code clients can switch on.
     */
    public enum Reason {
        /** The request carries no {@code wallet_signature} where one is required. */
        REQUIRED(400, "WALLET_SIGNATURE_REQUIRED", "Wallet signature required"),
        /** {@code signature} or {@code key} is not a well-formed CIP-8 COSE_Sign1 / Ed25519 COSE_Key. */
        MALFORMED(400, "WALLET_SIGNATURE_MALFORMED", "Malformed wallet signature"),
        /** The signed payload is not a challenge of this service. */
        PAYLOAD_MALFORMED(400, "CHALLENGE_MALFORMED", "Malformed challenge payload"),
        /** No challenge with the signed nonce exists (never issued, or long expired and deleted). */
        UNKNOWN(400, "CHALLENGE_UNKNOWN", "Unknown challenge"),
        /** The challenge's lifetime has passed. */
        EXPIRED(400, "CHALLENGE_EXPIRED", "Challenge expired"),
        /** The challenge was already redeemed once. */
        REUSED(409, "CHALLENGE_REUSED", "Challenge reused"),
        /** The challenge was issued for another action. */
        WRONG_ACTION(400, "CHALLENGE_WRONG_ACTION", "Challenge for another action"),
        /** The signature's address (or the challenge's) is not the request's wallet address. */
        ADDRESS_MISMATCH(403, "WALLET_ADDRESS_MISMATCH", "Wallet address mismatch"),
        /** The address's payment credential is not the BLAKE2b-224 hash of the signing key. */
        KEY_MISMATCH(403, "WALLET_KEY_MISMATCH", "Signing key does not control the address"),
        /** The Ed25519 signature does not verify. */
        BAD_SIGNATURE(403, "WALLET_SIGNATURE_INVALID", "Invalid wallet signature");

        private final int status;
        private final String code;
        private final String title;

        Reason(int status, String code, String title) {
            this.status = status;
            this.code = code;
            this.title = title;
        }

        /**
         * @return HTTP status
         */
        public int status() {
            return status;
        }

        /**
         * @return stable problem code
         */
        public String code() {
            return code;
        }

        /**
         * @return problem title
         */
        public String title() {
            return title;
        }
    }
}
