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
import java.util.Base64;

/**
 * The helper-data key of a development start without a configured one: {@code <app.data.dir>/helper-data.key},
 * generated once (readable by the owner only) and reused by every later start.
 * <p>
 * Naming the file touches nothing; {@link #readOrCreate()} reads or writes it, and {@link Sealer#start()} is what
 * calls it, so that building the service graph writes no file.
 */
final class DevelopmentKeyFile {

    private static final System.Logger LOGGER = System.getLogger(DevelopmentKeyFile.class.getName());

    private final Path dataDir;

    /**
     * @param dataDir the data directory ({@code app.data.dir}); nothing is read or created yet
     */
    DevelopmentKeyFile(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * The key in the file, which is generated first when it does not exist yet.
     *
     * @return key
     * @throws UncheckedIOException when the file can be neither read nor created
     */
    SealingKey readOrCreate() {
        Path file = dataDir.resolve(SealingKeys.DEV_KEY_FILE);
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
