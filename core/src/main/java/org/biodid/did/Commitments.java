package org.biodid.did;

import java.util.Base64;
import java.util.HexFormat;

import org.biodid.input.InvalidInputException;

/**
 * Reads the {@code commitment} of {@code POST /api/v1/did/generate}: hex or unpadded URL-safe Base64
 * of 16 to 64 bytes.
 * <p>
 * Every hex string is also valid Base64url text, so the forms are told apart by a fixed rule: text
 * of even length made only of hex digits is hex; anything else is Base64url. Clients that send
 * Base64url should therefore not rely on a value that happens to look like hex (or should send hex).
 */
public final class Commitments {

    /** Name of the request field, used in error reports. */
    public static final String FIELD = "commitment";
    /** Shortest accepted commitment in bytes. */
    public static final int MIN_BYTES = 16;
    /** Longest accepted commitment in bytes. */
    public static final int MAX_BYTES = 64;

    private Commitments() {
    }

    /**
     * Decodes a commitment.
     *
     * @param text hex or unpadded Base64url text
     * @return 16 to 64 bytes
     * @throws InvalidInputException naming {@code commitment} if the text is neither form or the
     *                               length is out of range
     */
    public static byte[] decode(String text) {
        if (text == null || text.isEmpty() || text.length() > 2 * MAX_BYTES) {
            throw invalid();
        }
        byte[] bytes;
        if (isHex(text)) {
            bytes = HexFormat.of().parseHex(text);
        } else {
            if (text.indexOf('=') >= 0) {
                throw invalid();
            }
            try {
                bytes = Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw invalid();
            }
        }
        if (bytes.length < MIN_BYTES || bytes.length > MAX_BYTES) {
            throw invalid();
        }
        return bytes;
    }

    private static boolean isHex(String text) {
        if (text.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0 || text.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException(FIELD, "must be hex or unpadded base64url of "
                + MIN_BYTES + " to " + MAX_BYTES + " bytes");
    }
}
