package org.biodid.api;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What an API key may do.
 */
public enum Scope {
    /** Enroll fingerprints into a new DID. */
    ENROLL,
    /** Verify a subject, list a wallet's DIDs, derive DIDs. */
    VERIFY,
    /** Revoke DIDs. */
    ADMIN;

    /**
     * @return the name used in configuration and the database
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parse {@code enroll+verify+admin}.
     *
     * @param text scopes joined with {@code +}
     * @return the scopes
     * @throws IllegalArgumentException for an unknown or missing scope
     */
    public static Set<Scope> parseAll(String text) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String part : text.split("\\+")) {
            String name = part.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                scopes.add(Scope.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown scope '" + part.trim() + "' (enroll, verify, admin)");
            }
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("no scope given");
        }
        return scopes;
    }

    /**
     * @param scopes scopes
     * @return them joined with {@code +}
     */
    public static String joinAll(Set<Scope> scopes) {
        return String.join("+", scopes.stream().map(Scope::wireName).toList());
    }
}
