package org.biodid.compat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated {@code POST /api/biometric/verify} request.
 *
 * @param fingers        1 to 10 fingers in request order (their minutiae are validated but, as in the
 *                       original, not compared with anything)
 * @param helpers        1 to 10 helper entries by finger id, in request order
 * @param expectedIdHash the id hash the helper map must hash to
 */
public record VerifyRequest(List<Finger> fingers, Map<String, HelperEntry> helpers, String expectedIdHash) {

    /**
     * Creates a request.
     *
     * @param fingers        the fingers
     * @param helpers        the helper map
     * @param expectedIdHash the expected id hash
     */
    public VerifyRequest {
        fingers = List.copyOf(fingers);
        helpers = Collections.unmodifiableMap(new LinkedHashMap<>(helpers));
        Objects.requireNonNull(expectedIdHash, "expectedIdHash");
    }

    /**
     * The submitted finger ids in request order.
     *
     * @return finger ids
     */
    public List<String> fingerIds() {
        return fingers.stream().map(Finger::fingerId).toList();
    }
}
