package org.biodid.compat;

import java.util.List;
import java.util.Objects;

/**
 * One finger of a compatibility request ({@code FingerData} in the original).
 *
 * @param fingerId the client's finger identifier, for example {@code left_thumb}
 * @param minutiae the minutiae in request order
 */
public record Finger(String fingerId, List<CompatMinutia> minutiae) {

    /**
     * Creates a finger.
     *
     * @param fingerId the client's finger identifier
     * @param minutiae the minutiae in request order
     */
    public Finger {
        Objects.requireNonNull(fingerId, "fingerId");
        minutiae = List.copyOf(minutiae);
    }
}
