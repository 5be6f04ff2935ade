package org.biodid.did;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@code did:cardano:<network>:<id>} identifier, where {@code id} is the Base58 (Bitcoin alphabet)
 * text of a 32-byte BLAKE2b digest.
 * <p>
 * {@code network} is the name written in the DID. DIDs of the new API carry the real network name;
 * DIDs made by the compatibility routes carry {@code mainnet} or {@code testnet} only, as the
 * original toolkit did (see {@link Network#compatDidName()}). Both parse.
 *
 * @param network          the network named in the DID
 * @param methodSpecificId the Base58 digest
 */
public record CardanoDid(Network network, String methodSpecificId) {

    /** The DID method this service serves. */
    public static final String METHOD = "cardano";

    /** Length of the digest the identifier encodes. */
    public static final int DIGEST_BYTES = 32;

    private static final String PREFIX = "did:" + METHOD + ":";

    /*
     * Generic DID syntax (W3C DID Core 3.1): did:<method-name>:<method-specific-id>, method name of
     * lower-case letters and digits, id of idchars, pct-encoded and ':' (not ending with ':').
     */
    private static final Pattern GENERIC_DID = Pattern.compile(
            "did:[a-z0-9]+:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2}|:)*(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})");

    /** Longest DID string accepted, far above a real one (~65 characters), to bound parsing work. */
    private static final int MAX_LENGTH = 256;

    /**
     * Creates a DID, checking that the identifier is the Base58 text of a 32-byte digest.
     *
     * @param network          the network named in the DID
     * @param methodSpecificId the Base58 digest
     */
    public CardanoDid {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(methodSpecificId, "methodSpecificId");
        if (!isDigestText(methodSpecificId)) {
            throw new IllegalArgumentException("Method-specific id is not the Base58 text of a 32-byte digest");
        }
    }

    /**
     * Creates the DID of a digest.
     *
     * @param network the network named in the DID
     * @param digest  the 32-byte digest
     * @return the DID
     */
    public static CardanoDid ofDigest(Network network, byte[] digest) {
        if (digest.length != DIGEST_BYTES) {
            throw new IllegalArgumentException("Digest must be " + DIGEST_BYTES + " bytes");
        }
        return new CardanoDid(network, Base58.encode(digest));
    }

    /**
     * Parses and validates a DID string.
     *
     * @param did the DID text, for example {@code did:cardano:testnet:Gq7PJJ…}
     * @return the DID
     * @throws DidParseException with {@link DidParseException.Reason#UNSUPPORTED_METHOD} for a valid
     *                           DID of another method, {@link DidParseException.Reason#MALFORMED}
     *                           for anything else that is not a valid {@code did:cardano} DID
     */
    public static CardanoDid parse(String did) {
        if (did == null || did.length() > MAX_LENGTH || !GENERIC_DID.matcher(did).matches()) {
            throw new DidParseException(DidParseException.Reason.MALFORMED, "Not a valid DID");
        }
        if (!did.startsWith(PREFIX)) {
            throw new DidParseException(DidParseException.Reason.UNSUPPORTED_METHOD,
                                        "Only the did:cardano method is supported");
        }
        String rest = did.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new DidParseException(DidParseException.Reason.MALFORMED,
                                        "Expected did:cardano:<network>:<id>");
        }
        Network network = Network.find(rest.substring(0, colon));
        if (network == null) {
            throw new DidParseException(DidParseException.Reason.MALFORMED,
                                        "Unknown network; expected mainnet, testnet, preprod or preview");
        }
        String id = rest.substring(colon + 1);
        if (!isDigestText(id)) {
            throw new DidParseException(DidParseException.Reason.MALFORMED,
                                        "Identifier is not the Base58 text of a 32-byte digest");
        }
        return new CardanoDid(network, id);
    }

    /**
     * The digest this DID encodes.
     *
     * @return 32 bytes
     */
    public byte[] digest() {
        return Base58.decode(methodSpecificId);
    }

    /**
     * The DID string.
     *
     * @return {@code did:cardano:<network>:<id>}
     */
    @Override
    public String toString() {
        return PREFIX + network.id() + ":" + methodSpecificId;
    }

    /*
     * Requires the canonical encoding: decoding then re-encoding must give the same text, so that
     * one digest has exactly one DID (no extra leading '1's).
     */
    private static boolean isDigestText(String text) {
        if (text.isEmpty() || text.length() > 64) {
            return false;
        }
        try {
            byte[] bytes = Base58.decode(text);
            return bytes.length == DIGEST_BYTES && Base58.encode(bytes).equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
