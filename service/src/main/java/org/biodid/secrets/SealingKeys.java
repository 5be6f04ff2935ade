package org.biodid.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private SealingKeys() {
    }

    /**
     * Build the sealer from configuration. It reads configuration (and a configured key file) only: the development
     * key file is read or created by {@link Sealer#start()}.
     *
     * @param config     root configuration; {@code app.data.dir} and {@code app.helper.data.previous} are required
     *                   (application.yaml holds the defaults)
     * @param production whether {@code app.profile} is {@code production}
     * @return sealer with the current and previous keys, to be started before it seals or opens anything
     * @throws IllegalStateException in production without a configured key, or for a malformed key
     * @throws io.helidon.config.MissingValueException naming a key that is missing
     */
    public static Sealer sealer(Config config, boolean production) {
        Config helper = config.get("app.helper.data");
        Optional<SealingKey> current = configured(helper);
        if (current.isPresent()) {
            return new Sealer(current.get(), previous(helper));
        }
        if (production) {
            throw new IllegalStateException("The production profile needs a helper-data key: set "
                    + "APP_HELPER_DATA_KEY (base64 of 32 random bytes, e.g. `openssl rand -base64 32`) or "
                    + "APP_HELPER_DATA_KEYFILE. Refusing to start without one.");
        }
        DevelopmentKeyFile file = new DevelopmentKeyFile(Path.of(config.get("app.data.dir").asString().get()));
        return new Sealer(file, previous(helper));
    }

    private static List<SealingKey> previous(Config helper) {
        List<SealingKey> previous = new ArrayList<>();
        String list = helper.get("previous").asString().get();
        int i = 0;
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
                previous.add(SealingKey.parse("app.helper.data.previous[" + i++ + "]", entry));
            }
        }
        return previous;
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
}
