package org.biodid.compat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

import org.biodid.crypto.Blake2b;

/**
 * The per-finger helper data of the original servers ({@code HelperDataEntry}).
 * <p>
 * The original derives it from the finger id alone (no biometric input), so it is the same for every
 * person: this is reproduced for compatibility, not endorsed.
 *
 * @param fingerId  the finger id
 * @param saltB64   URL-safe Base64 (no padding) of BLAKE2b-128 over {@code "salt:" + fingerId}
 * @param authB64   URL-safe Base64 (no padding) of BLAKE2b-256 over {@code "auth:" + fingerId}
 * @param gridSize  quantisation grid, always {@value #GRID_SIZE} in the original
 * @param angleBins angle bins, always {@value #ANGLE_BINS} in the original
 */
public record HelperEntry(String fingerId, String saltB64, String authB64, double gridSize, int angleBins) {

    /** Grid size the original writes. */
    public static final double GRID_SIZE = 0.05;
    /** Angle bins the original writes. */
    public static final int ANGLE_BINS = 32;

    private static final Base64.Encoder BASE64_URL = Base64.getUrlEncoder().withoutPadding();

    /**
     * Creates an entry.
     *
     * @param fingerId  the finger id
     * @param saltB64   the salt text
     * @param authB64   the auth text
     * @param gridSize  the grid size
     * @param angleBins the angle bins
     */
    public HelperEntry {
        Objects.requireNonNull(fingerId, "fingerId");
        Objects.requireNonNull(saltB64, "saltB64");
        Objects.requireNonNull(authB64, "authB64");
    }

    /**
     * The entry the original generates for a finger id.
     *
     * @param fingerId the finger id
     * @return the deterministic entry
     */
    public static HelperEntry forFinger(String fingerId) {
        return new HelperEntry(fingerId,
                               base64Url(Blake2b.hash(16, utf8("salt:" + fingerId))),
                               base64Url(Blake2b.hash(32, utf8("auth:" + fingerId))),
                               GRID_SIZE,
                               ANGLE_BINS);
    }

    static String base64Url(byte[] bytes) {
        return BASE64_URL.encodeToString(bytes);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
