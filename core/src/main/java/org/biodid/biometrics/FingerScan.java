package org.biodid.biometrics;

import java.util.List;
import java.util.Objects;

/**
 * The minutiae of one finger from one capture.
 *
 * @param finger   which finger
 * @param minutiae its minutiae, in any order
 */
public record FingerScan(FingerId finger, List<Minutia> minutiae) {

    /**
     * Canonical constructor; copies the list.
     *
     * @param finger   which finger
     * @param minutiae its minutiae
     */
    public FingerScan {
        Objects.requireNonNull(finger, "finger");
        minutiae = List.copyOf(minutiae);
    }
}
