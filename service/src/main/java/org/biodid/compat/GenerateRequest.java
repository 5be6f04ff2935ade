package org.biodid.compat;

import java.util.List;
import java.util.Objects;

/**
 * A validated {@code POST /api/biometric/generate} request.
 *
 * @param fingers       1 to 10 fingers in request order
 * @param walletAddress the wallet address, 10 to 200 characters
 * @param storage       where the client keeps the helper data
 */
public record GenerateRequest(List<Finger> fingers, String walletAddress, HelperStorage storage) {

    /**
     * Creates a request.
     *
     * @param fingers       the fingers
     * @param walletAddress the wallet address
     * @param storage       the helper storage
     */
    public GenerateRequest {
        fingers = List.copyOf(fingers);
        Objects.requireNonNull(walletAddress, "walletAddress");
        Objects.requireNonNull(storage, "storage");
    }
}
