package org.biodid.compat;

import org.biodid.input.InvalidInputException;


/**
 * Where the enrolling client keeps the helper data ({@code storage} in the original request).
 */
public enum HelperStorage {
    /** The helper map is written into the metadata. */
    INLINE("inline"),
    /** The client stores it elsewhere; the metadata carries {@code helperData: null}. */
    EXTERNAL("external");

    private final String id;

    HelperStorage(String id) {
        this.id = id;
    }

    /**
     * Parses the request value.
     *
     * @param field the request field, for error reports
     * @param value {@code inline} or {@code external}
     * @return the storage mode
     * @throws InvalidInputException for any other value
     */
    public static HelperStorage parse(String field, String value) {
        for (HelperStorage storage : values()) {
            if (storage.id.equals(value)) {
                return storage;
            }
        }
        // The original secure server's message.
        throw new InvalidInputException(field, "Storage must be 'inline' or 'external'");
    }

    /**
     * The request and metadata text.
     *
     * @return {@code inline} or {@code external}
     */
    public String id() {
        return id;
    }
}
