package org.biodid.secrets;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM sealing with the JDK's provider, under the current key, opening under the current or any previous key.
 * <p>
 * Sealed form: {@code 0x01 ‖ u8 len(id) ‖ id (ASCII) ‖ 12-byte random IV ‖ ciphertext ‖ 16-byte tag}. The associated
 * data names the purpose and the row (for example {@code "helpers|<did>"}), so a ciphertext copied to another row or
 * column does not open.
 * <p>
 * A sealer built over the development key file knows its current key only once {@link #start()} has read or created
 * that file, so that building the service graph writes nothing; nothing seals or opens before the service starts.
 */
public final class Sealer {

    private static final System.Logger LOGGER = System.getLogger(Sealer.class.getName());
    private static final byte FORMAT = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Optional<DevelopmentKeyFile> developmentKeyFile;
    private final List<SealingKey> previous;
    private final SecureRandom random = new SecureRandom();
    private volatile Keys keys;

    /**
     * @param current  key that seals
     * @param previous keys that only open (rotation)
     */
    public Sealer(SealingKey current, List<SealingKey> previous) {
        this.developmentKeyFile = Optional.empty();
        this.previous = List.copyOf(previous);
        this.keys = Keys.of(current, this.previous);
    }

    /**
     * @param developmentKeyFile where {@link #start()} finds (or first creates) the key that seals
     * @param previous           keys that only open (rotation)
     */
    Sealer(DevelopmentKeyFile developmentKeyFile, List<SealingKey> previous) {
        this.developmentKeyFile = Optional.of(developmentKeyFile);
        this.previous = List.copyOf(previous);
    }

    /**
     * Make the keys ready: read or create the development key file when that is where the current key comes from,
     * log the key ids, and check that a value seals and opens again (which also pays the JCE's one-time start-up
     * cost here rather than in the first enrollment).
     *
     * @return this sealer
     * @throws java.io.UncheckedIOException when the development key file can be neither read nor created
     * @throws IllegalArgumentException     when that file does not hold a key
     */
    public synchronized Sealer start() {
        if (keys == null) {
            keys = Keys.of(developmentKeyFile.orElseThrow().readOrCreate(), previous);
        }
        LOGGER.log(Level.INFO, "Enrollment secrets are sealed under key " + currentKeyId()
                + (previous.isEmpty() ? "" : "; previous keys " + previous.stream().map(SealingKey::id).toList()));
        if (open(seal(new byte[] {1}, "self-check"), "self-check")[0] != 1) {
            throw new IllegalStateException("AES-GCM self-check failed");
        }
        return this;
    }

    /**
     * @return id of the key new ciphertexts are sealed under
     */
    public String currentKeyId() {
        return keys().current().id();
    }

    /**
     * Seal bytes under the current key.
     *
     * @param plaintext secret
     * @param context   associated data: purpose and row
     * @return sealed form
     */
    public byte[] seal(byte[] plaintext, String context) {
        SealingKey current = keys().current();
        byte[] id = current.id().getBytes(StandardCharsets.US_ASCII);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] body = cipher.doFinal(plaintext);
            byte[] out = new byte[2 + id.length + IV_BYTES + body.length];
            out[0] = FORMAT;
            out[1] = (byte) id.length;
            System.arraycopy(id, 0, out, 2, id.length);
            System.arraycopy(iv, 0, out, 2 + id.length, IV_BYTES);
            System.arraycopy(body, 0, out, 2 + id.length + IV_BYTES, body.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * @param text    UTF-8 secret
     * @param context associated data
     * @return sealed form
     */
    public byte[] sealText(String text, String context) {
        return seal(text.getBytes(StandardCharsets.UTF_8), context);
    }

    /**
     * The key id a sealed value names.
     *
     * @param sealed sealed form
     * @return key id
     * @throws SealedDataException when the form is not ours
     */
    public static String keyIdOf(byte[] sealed) {
        if (sealed == null || sealed.length < 2 || sealed[0] != FORMAT || sealed.length < 2 + sealed[1] + IV_BYTES) {
            throw new SealedDataException("sealed value has an unknown format");
        }
        return new String(sealed, 2, sealed[1], StandardCharsets.US_ASCII);
    }

    /**
     * Open a sealed value.
     *
     * @param sealed  sealed form
     * @param context the associated data it was sealed with
     * @return the secret
     * @throws SealedDataException when its key is not configured, or it was altered or moved
     */
    public byte[] open(byte[] sealed, String context) {
        String id = keyIdOf(sealed);
        SealingKey key = Optional.ofNullable(keys().byId().get(id)).orElseThrow(() -> new SealedDataException(
                "sealed under key " + id + ", which is neither APP_HELPER_DATA_KEY nor in APP_HELPER_DATA_PREVIOUS"));
        int offset = 2 + id.length();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, sealed, offset, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, offset + IV_BYTES, sealed.length - offset - IV_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SealedDataException("sealed value under key " + id + " fails authentication (altered, or "
                    + "moved from another row)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * @param sealed  sealed form
     * @param context associated data
     * @return the UTF-8 secret
     */
    public String openText(byte[] sealed, String context) {
        return new String(open(sealed, context), StandardCharsets.UTF_8);
    }

    private Keys keys() {
        Keys known = keys;
        if (known == null) {
            throw new IllegalStateException("The development helper-data key is read or created when the service "
                                                    + "starts; nothing seals or opens before that");
        }
        return known;
    }

    /** The key that seals, and every key that opens by its id. */
    private record Keys(SealingKey current, Map<String, SealingKey> byId) {
        static Keys of(SealingKey current, List<SealingKey> previous) {
            Map<String, SealingKey> byId = new LinkedHashMap<>();
            byId.put(current.id(), current);
            previous.forEach(key -> byId.putIfAbsent(key.id(), key));
            return new Keys(current, Map.copyOf(byId));
        }
    }
}
