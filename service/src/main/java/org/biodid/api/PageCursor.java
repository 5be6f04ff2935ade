package org.biodid.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.biodid.did.CardanoDid;
import org.biodid.store.EnrollmentRepository;

/**
 * Keyset cursor of {@code GET /api/v1/did}: base64url of {@code <created epoch millis>:<did>}, opaque to clients.
 */
final class PageCursor {

    private PageCursor() {
    }

    static String encode(EnrollmentRepository.PageKey key) {
        String raw = key.createdAt().toEpochMilli() + ":" + key.did();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static EnrollmentRepository.PageKey decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            Instant created = Instant.ofEpochMilli(Long.parseLong(raw.substring(0, colon)));
            String did = raw.substring(colon + 1);
            CardanoDid.parse(did);
            return new EnrollmentRepository.PageKey(created, did);
        } catch (RuntimeException e) {
            throw ApiException.invalidField("cursor", "is not a cursor returned by this service");
        }
    }
}
