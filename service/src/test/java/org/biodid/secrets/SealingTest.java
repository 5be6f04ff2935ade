package org.biodid.secrets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.helidon.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.biodid.testing.TestConfigs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * AES-GCM sealing and where its keys come from.
 */
class SealingTest {

    private static final byte[] SECRET = "{\"left_thumb\":{\"version\":1,\"data\":\"AQID\"}}"
            .getBytes(StandardCharsets.UTF_8);

    private static SealingKey key(int seed) {
        byte[] raw = new byte[32];
        java.util.Arrays.fill(raw, (byte) seed);
        return SealingKey.of(raw);
    }

    private static Config config(Map<String, String> values) {
        return TestConfigs.applicationYaml(values);
    }

    @Test
    void sealsUnderTheCurrentKeyWithItsIdAndOpensOnlyWithTheSameContext() {
        Sealer sealer = new Sealer(key(1), List.of());
        byte[] sealed = sealer.seal(SECRET, "biodid:helpers|did:a");
        assertThat(Sealer.keyIdOf(sealed), is(key(1).id()));
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1).contains("left_thumb"), is(false));
        assertThat(sealer.open(sealed, "biodid:helpers|did:a"), is(SECRET));
        assertThat("random IV: the same secret seals differently", sealer.seal(SECRET, "c"),
                   not(sealer.seal(SECRET, "c")));
        assertThrows(SealedDataException.class, () -> sealer.open(sealed, "biodid:helpers|did:b"));
        for (int i = 2; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThrows(SealedDataException.class, () -> sealer.open(tampered, "biodid:helpers|did:a"),
                         "byte " + i);
        }
    }

    @Test
    void previousKeysOpenButDoNotSeal() {
        byte[] old = new Sealer(key(1), List.of()).seal(SECRET, "x");
        Sealer rotated = new Sealer(key(2), List.of(key(1)));
        assertThat(rotated.open(old, "x"), is(SECRET));
        assertThat(Sealer.keyIdOf(rotated.seal(SECRET, "x")), is(key(2).id()));
        SealedDataException unknown = assertThrows(SealedDataException.class,
                                                   () -> new Sealer(key(3), List.of()).open(old, "x"));
        assertThat(unknown.getMessage(), containsString(key(1).id()));
    }

    @Test
    void productionRefusesToStartWithoutAKey(@TempDir Path dir) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SealingKeys.sealer(
                config(Map.of("app.data.dir", dir.toString())), true));
        assertThat(refused.getMessage(), containsString("APP_HELPER_DATA_KEY"));
        assertThat(Files.exists(dir.resolve(SealingKeys.DEV_KEY_FILE)), is(false));
    }

    @Test
    void configuredKeyFileAndPreviousKeysAreRead(@TempDir Path dir) throws Exception {
        String current = Base64.getEncoder().encodeToString(new byte[32]);
        String previous = Base64.getUrlEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
                14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        Sealer fromValue = SealingKeys.sealer(config(Map.of("app.helper.data.key", current,
                                                            "app.helper.data.previous", previous)), true);
        assertThat(fromValue.currentKeyId(), is(SealingKey.of(new byte[32]).id()));
        Path file = dir.resolve("key");
        Files.writeString(file, current + "\n");
        assertThat(SealingKeys.sealer(config(Map.of("app.helper.data.keyfile", file.toString())), true)
                           .currentKeyId(), is(fromValue.currentKeyId()));
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class, () -> SealingKeys.sealer(
                config(Map.of("app.helper.data.key", "AAEC")), false));
        assertThat(shortKey.getMessage(), containsString("32 bytes"));
        assertThat("the key never appears in the message", shortKey.getMessage().contains("AAEC"), is(false));
    }

    @Test
    void developmentKeyIsGeneratedOnceUnderTheDataDirectoryWhenTheSealerStarts(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data");
        Config config = config(Map.of("app.data.dir", dataDir.toString()));
        Sealer sealer = SealingKeys.sealer(config, false);
        assertThat("building the sealer creates nothing", Files.exists(dataDir), is(false));
        assertThrows(IllegalStateException.class, () -> sealer.seal(SECRET, "x"));
        String first = sealer.start().currentKeyId();
        Path file = dataDir.resolve(SealingKeys.DEV_KEY_FILE);
        assertThat(Files.exists(file), is(true));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), is("rw-------"));
        assertThat(sealer.open(sealer.seal(SECRET, "x"), "x"), is(SECRET));
        assertThat("the same key on the next start", SealingKeys.sealer(config, false).start().currentKeyId(),
                   is(first));
    }
}
