package org.biodid.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.helidon.config.Config;

/**
 * Where the sealing keys come from, in this order:
 * <ol>
 *     <li>{@code app.helper.data.key} ({@code APP_HELPER_DATA_KEY}): base64 of 32 random bytes;</li>
 *     <li>{@code app.helper.data.keyfile} ({@code APP_HELPER_DATA_KEYFILE}): a file holding that text (a mounted
 *     secret, a file only the service user can read);</li>
 *     <li>outside production only: {@code <app.data.dir>/helper-data.key}, generated once on first start, like the
 *     development API key. {@code APP_PROFILE=production} refuses to start without 1 or 2.</li>
 * </ol>
 * {@code app.helper.data.previous} ({@code APP_HELPER_DATA_PREVIOUS}) lists retired keys, comma-separated, that still
 * open old ciphertexts; the service re-seals those rows under the current key.
 */
public final class SealingKeys {

    /** The development key file under the data directory. */
    public static final String DEV_KEY_FILE = "helper-data.key";

    private static final System.Logger LOGGER = System.getLogger(SealingKeys.class.getName());

    private SealingKeys() {
    }

    /**
     * Build the sealer from configuration.
     *
     * @param config     root configuration; {@code app.data.dir} and {@code app.helper.data.previous} are required
     *                   (application.yaml holds the defaults)
     * @param production whether {@code app.profile} is {@code production}
     * @return sealer with the current and previous keys
     * @throws IllegalStateException in production without a configured key, or for a malformed key
     * @throws io.helidon.config.MissingValueException naming a key that is missing
     */
    public static Sealer sealer(Config config, boolean production) {
        Config helper = config.get("app.helper.data");
        SealingKey current = configured(helper).orElseGet(() -> {
            if (production) {
                throw new IllegalStateException("The production profile needs a helper-data key: set "
                        + "APP_HELPER_DATA_KEY (base64 of 32 random bytes, e.g. `openssl rand -base64 32`) or "
                        + "APP_HELPER_DATA_KEYFILE. Refusing to start without one.");
            }
            return developmentKey(Path.of(config.get("app.data.dir").asString().get()));
        });
        List<SealingKey> previous = new ArrayList<>();
        String list = helper.get("previous").asString().get();
        int i = 0;
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
                previous.add(SealingKey.parse("app.helper.data.previous[" + i++ + "]", entry));
            }
        }
        LOGGER.log(Level.INFO, "Enrollment secrets are sealed under key " + current.id()
                + (previous.isEmpty() ? "" : "; previous keys " + previous.stream().map(SealingKey::id).toList()));
        Sealer sealer = new Sealer(current, previous);
        // Self-check, and the JCE's one-time start-up cost paid here rather than by the first enrollment.
        if (sealer.open(sealer.seal(new byte[] {1}, "self-check"), "self-check")[0] != 1) {
            throw new IllegalStateException("AES-GCM self-check failed");
        }
        return sealer;
    }

    private static Optional<SealingKey> configured(Config helper) {
        Optional<String> inline = helper.get("key").asString().asOptional().filter(s -> !s.isBlank());
        if (inline.isPresent()) {
            return Optional.of(SealingKey.parse("app.helper.data.key", inline.get()));
        }
        Optional<String> file = helper.get("keyfile").asString().asOptional().filter(s -> !s.isBlank());
        if (file.isPresent()) {
            try {
                return Optional.of(SealingKey.parse("app.helper.data.keyfile " + file.get(),
                                                    Files.readString(Path.of(file.get()), StandardCharsets.US_ASCII)));
            } catch (IOException e) {
                throw new IllegalStateException("app.helper.data.keyfile: cannot read " + file.get() + ": "
                        + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    /**
     * The development key: read from the data directory, or generated there once (readable by the owner only).
     *
     * @param dataDir data directory
     * @return key
     */
    static SealingKey developmentKey(Path dataDir) {
        Path file = dataDir.resolve(DEV_KEY_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] raw = new byte[SealingKey.LENGTH];
                new SecureRandom().nextBytes(raw);
                String text = Base64.getEncoder().encodeToString(raw) + "\n";
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException raced) {
                    return SealingKey.parse(file.toString(), Files.readString(file, StandardCharsets.US_ASCII));
                }
                Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
                SealingKey key = SealingKey.parse(file.toString(), text);
                LOGGER.log(Level.WARNING, "No helper-data key was configured, so a development key (" + key.id()
                        + ") was generated in " + file.toAbsolutePath() + ". Losing it makes every enrollment "
                        + "unverifiable; set APP_HELPER_DATA_KEY (required with APP_PROFILE=production).");
                return key;
            }
            return SealingKey.parse(file.toString(), Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the development helper-data key " + file, e);
        }
    }
}
