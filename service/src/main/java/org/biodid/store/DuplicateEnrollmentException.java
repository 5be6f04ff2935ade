package org.biodid.store;

/**
 * The wallet already controls an active DID: the database's unique constraint refused the second enrollment.
 */
public final class DuplicateEnrollmentException extends RuntimeException {

    /**
     * @param message what collided
     */
    public DuplicateEnrollmentException(String message) {
        super(message, null, false, false);
    }
}
