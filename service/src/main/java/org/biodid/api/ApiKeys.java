package org.biodid.api;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.biodid.store.ApiKeyRepository;

/**
 * API keys: from {@code app.api.keys} ({@code APP_API_KEYS="key1:enroll+verify+admin,key2:verify"}) and from the
 * {@code api_keys} table.
 * <p>
 * Only SHA-256 hashes are kept, in memory and at rest. A presented key is hashed and compared against every
 * configured hash with {@link MessageDigest#isEqual}, without stopping at the first match, so timing says nothing
 * about which key nearly matched. Keys are never logged; their public id is a prefix of the hash.
 */
public final class ApiKeys {

    private static final System.Logger LOGGER = System.getLogger(ApiKeys.class.getName());

    private final List<ConfiguredKey> configured;
    private final ApiKeyRepository repository;

    private ApiKeys(List<ConfiguredKey> configured, ApiKeyRepository repository) {
        this.configured = List.copyOf(configured);
        this.repository = repository;
    }

    /**
     * Load the configured keys.
     *
     * @param spec       {@code key:scopes} entries separated by commas, may be empty
     * @param repository keys in the database
     * @return the key registry
     * @throws IllegalArgumentException when the specification is malformed (the service refuses to start)
     */
    public static ApiKeys create(String spec, ApiKeyRepository repository) {
        List<ConfiguredKey> keys = new ArrayList<>();
        if (spec != null && !spec.isBlank()) {
            for (String entry : spec.split(",")) {
                String trimmed = entry.trim();
                int colon = trimmed.lastIndexOf(':');
                if (colon < 1 || colon == trimmed.length() - 1) {
                    throw new IllegalArgumentException("app.api.keys: each entry must be key:scope+scope "
                            + "(entry " + (keys.size() + 1) + " is not)");
                }
                String key = trimmed.substring(0, colon);
                if (key.length() < 16) {
                    throw new IllegalArgumentException("app.api.keys: entry " + (keys.size() + 1)
                            + " has a key shorter than 16 characters");
                }
                byte[] hash = sha256(key);
                keys.add(new ConfiguredKey(hash, keyId(hash), Scope.parseAll(trimmed.substring(colon + 1))));
            }
        }
        return new ApiKeys(keys, repository);
    }

    /**
     * Make sure some key exists. In production, refuse to run without configured keys; in development, create a key
     * with every scope on first start, store its hash and print the key once.
     *
     * @param production whether this is the production profile
     * @param clock      clock for the creation time
     * @return the new key, when one was created
     * @throws IllegalStateException in production without keys
     */
    public Optional<String> ensureSomeKey(boolean production, Clock clock) {
        if (!configured.isEmpty()) {
            return Optional.empty();
        }
        if (production) {
            throw new IllegalStateException("The production profile needs API keys: set APP_API_KEYS "
                    + "(key:enroll+verify+admin,…). Refusing to start without them.");
        }
        if (repository.countActive() > 0) {
            return Optional.empty();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String key = "bd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        byte[] hash = sha256(key);
        repository.insert(keyId(hash), HexFormat.of().formatHex(hash), Scope.joinAll(EnumSet.allOf(Scope.class)),
                          clock.instant());
        LOGGER.log(Level.WARNING, "No API key was configured, so one with all scopes was created for development. "
                + "It is shown only now; only its hash is stored:\n\n    X-API-Key: " + key + "\n\n"
                + "Set APP_API_KEYS to use your own keys (required with APP_PROFILE=production).");
        return Optional.of(key);
    }

    /**
     * Identify the caller of a key.
     *
     * @param presented the {@code X-API-Key} value
     * @return the caller, if the key is known
     */
    public Optional<Caller> authenticate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 256) {
            return Optional.empty();
        }
        byte[] hash = sha256(presented);
        ConfiguredKey match = null;
        for (ConfiguredKey key : configured) {
            // No early exit: every configured hash is compared.
            if (MessageDigest.isEqual(key.hash, hash)) {
                match = key;
            }
        }
        if (match != null) {
            return Optional.of(new Caller(match.keyId, match.scopes));
        }
        return repository.findByHash(HexFormat.of().formatHex(hash))
                .map(stored -> new Caller(stored.keyId(), Scope.parseAll(stored.scopes())));
    }

    /**
     * Public id of a key: a prefix of its hash, enough to tell keys apart in logs and audit lines.
     *
     * @param hash SHA-256 of the key
     * @return key id
     */
    static String keyId(byte[] hash) {
        return "key_" + HexFormat.of().formatHex(hash, 0, 6);
    }

    static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record ConfiguredKey(byte[] hash, String keyId, Set<Scope> scopes) {
    }
}
