package org.biodid.identity;

/**
 * What an enrollment answers: the created DID with its receipt (including the CIP-20 metadata), or, for a retry with
 * the same idempotency key, the stored first answer.
 *
 * @param status   HTTP-style status of the answer (201 for a created DID)
 * @param body     the JSON answer, byte for byte what the first request got
 * @param did      the enrolled DID, or {@code null} when the stored answer is not a created DID
 * @param replayed whether this is a stored earlier answer
 */
public record EnrollAnswer(int status, String body, String did, boolean replayed) {

    /** Status of a created enrollment. */
    public static final int CREATED = 201;
}
