package org.biodid.secrets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-256 key that seals enrollment secrets, with its public id.
 * <p>
 * The id is derived from the key ({@code hk_} and 12 hex digits of its SHA-256), so an operator cannot pair a key
 * with the wrong id, and 48 bits of a hash say nothing useful about 256 bits of key.
 *
 * @param id  public key id, stored with every ciphertext
 * @param key the AES key
 */
public record SealingKey(String id, SecretKey key) {

    /** Key length in bytes (AES-256). */
    public static final int LENGTH = 32;

    /**
     * Parse a base64 (standard or URL alphabet) encoded 32-byte key.
     *
     * @param source where the text came from, for the error message (never the key itself)
     * @param base64 the encoded key
     * @return the key
     * @throws IllegalArgumentException when it is not base64 of exactly 32 bytes
     */
    public static SealingKey parse(String source, String base64) {
        byte[] raw;
        String text = base64.strip();
        try {
            raw = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": not base64");
        }
        if (raw.length != LENGTH) {
            throw new IllegalArgumentException(source + ": must be " + LENGTH + " bytes (base64 of "
                    + LENGTH + " random bytes), got " + raw.length);
        }
        return of(raw);
    }

    /**
     * @param raw 32 key bytes
     * @return the key with its derived id
     */
    public static SealingKey of(byte[] raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return new SealingKey("hk_" + HexFormat.of().formatHex(digest, 0, 6), new SecretKeySpec(raw, "AES"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        // Never the key.
        return "SealingKey[" + id + "]";
    }
}
