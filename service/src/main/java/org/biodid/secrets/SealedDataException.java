package org.biodid.secrets;

/**
 * A sealed value cannot be opened: its key is not configured, or it was altered. A configuration or integrity
 * problem of the server, never the client's fault.
 */
public final class SealedDataException extends RuntimeException {

    /**
     * @param message what is wrong (names key ids, never keys or plaintext)
     */
    public SealedDataException(String message) {
        super(message);
    }
}
