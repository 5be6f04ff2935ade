package org.biodid.compat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

import org.biodid.crypto.Blake2b;
import org.biodid.did.CardanoDid;
import org.biodid.did.DidDerivation;
import org.biodid.did.Network;

/**
 * The original servers' derivations, exactly as {@code compat-vectors.md} states them: commitment,
 * DID, helper entries, {@code id_hash} and verify.
 */
public final class CompatDerivation {

    /** The original's error when the helper map does not hash to the expected id hash. */
    public static final String HASH_MISMATCH = "Helper data hash mismatch";
    /** The original's error when too few submitted fingers have helper data. */
    public static final String INSUFFICIENT_MATCHES = "Insufficient matching fingerprints";

    /* Python sorts str keys by code point; String.compareTo sorts by UTF-16 unit, which differs above U+FFFF. */
    private static final Comparator<String> BY_CODE_POINT = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };

    private CompatDerivation() {
    }

    /**
     * The commitment: SHA-256 over the wallet address, then for each finger in request order its id
     * and {@code json.dumps} of its minutiae (all UTF-8).
     *
     * @param walletAddress the wallet address
     * @param fingers       the fingers in request order
     * @return 32 bytes
     */
    public static byte[] commitment(String walletAddress, List<Finger> fingers) {
        ByteArrayOutputStream material = new ByteArrayOutputStream(256);
        material.writeBytes(HelperEntry.utf8(walletAddress));
        for (Finger finger : fingers) {
            material.writeBytes(HelperEntry.utf8(finger.fingerId()));
            material.writeBytes(PythonJson.minutiae(finger.minutiae()).getBytes(StandardCharsets.US_ASCII));
        }
        return sha256(material.toByteArray());
    }

    /**
     * The DID the original writes for a commitment on the configured network ({@code preprod} and
     * {@code preview} written as {@code testnet}).
     *
     * @param commitment the commitment
     * @param network    the configured network
     * @return the DID
     */
    public static CardanoDid did(byte[] commitment, Network network) {
        return DidDerivation.deriveCompat(commitment, network);
    }

    /**
     * The helper map: one entry per distinct finger id, in order of first appearance (a Python
     * dict comprehension keeps the first position of a repeated key).
     *
     * @param fingers the fingers in request order
     * @return finger id to helper entry
     */
    public static SequencedMap<String, HelperEntry> helpers(List<Finger> fingers) {
        SequencedMap<String, HelperEntry> helpers = new LinkedHashMap<>();
        for (Finger finger : fingers) {
            helpers.computeIfAbsent(finger.fingerId(), HelperEntry::forFinger);
        }
        return helpers;
    }

    /**
     * The id hash: URL-safe Base64 (no padding) of BLAKE2b-256 over, for each key in sorted order,
     * {@code key + salt_b64 + auth_b64}.
     *
     * @param helpers finger id to helper entry (the key, not the entry's own finger id, is hashed)
     * @return the id hash
     */
    public static String idHash(Map<String, HelperEntry> helpers) {
        List<String> keys = new ArrayList<>(helpers.keySet());
        keys.sort(BY_CODE_POINT);
        StringBuilder material = new StringBuilder(keys.size() * 96);
        for (String key : keys) {
            HelperEntry entry = helpers.get(key);
            material.append(key).append(entry.saltB64()).append(entry.authB64());
        }
        return HelperEntry.base64Url(Blake2b.hash(32, HelperEntry.utf8(material.toString())));
    }

    /**
     * The original's simulated transaction hash: lower-case hex SHA-256 of
     * {@code did + ":" + enrollmentTimestamp + ":" + idHash} (UTF-8). The original's clients read it to
     * build an explorer link; no transaction exists. Anyone can recompute it from the answer itself.
     *
     * @param did                 the DID
     * @param enrollmentTimestamp the timestamp text exactly as in the metadata
     * @param idHash              the id hash
     * @return 64 lower-case hex digits
     */
    public static String txHash(String did, String enrollmentTimestamp, String idHash) {
        return HexFormat.of().formatHex(sha256(HelperEntry.utf8(did + ":" + enrollmentTimestamp + ":" + idHash)));
    }

    /**
     * The original verify: a submitted finger matches when its id is a key of the helper map; success
     * when the helper map hashes to the expected id hash and at least {@code min(2, helpers)} fingers
     * matched. No biometric comparison takes place (as in the original).
     *
     * @param fingerIds      submitted finger ids in request order
     * @param helpers        the helper map, not empty
     * @param expectedIdHash the expected id hash
     * @return the outcome
     */
    public static VerifyOutcome verify(List<String> fingerIds, Map<String, HelperEntry> helpers, String expectedIdHash) {
        if (helpers.isEmpty()) {
            // With no helpers min(2, 0) = 0 matches would do: a hole the basic server closed with a 400.
            throw new IllegalArgumentException("Verification requires helper data from enrollment");
        }
        List<String> matched = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (String fingerId : fingerIds) {
            (helpers.containsKey(fingerId) ? matched : unmatched).add(fingerId);
        }
        boolean hashMatches = MessageDigest.isEqual(HelperEntry.utf8(idHash(helpers)), HelperEntry.utf8(expectedIdHash));
        boolean enoughMatches = matched.size() >= Math.min(2, helpers.size());
        if (!hashMatches) {
            return new VerifyOutcome(false, matched, unmatched, HASH_MISMATCH);
        }
        if (!enoughMatches) {
            return new VerifyOutcome(false, matched, unmatched, INSUFFICIENT_MATCHES);
        }
        return new VerifyOutcome(true, matched, unmatched, null);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK provides SHA-256", e);
        }
    }
}
