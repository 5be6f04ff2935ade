package org.biodid.biometrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;

import org.biodid.biometrics.bch.BchCode;
import org.biodid.biometrics.bch.Bits;
import org.biodid.biometrics.feature.PairHistogram;
import org.biodid.biometrics.feature.ReliableBits;
import org.biodid.crypto.Blake2b;
import org.biodid.input.InvalidInputException;

/**
 * The code-offset fuzzy extractor for one finger.
 * <p>
 * The per-finger design (helper data version 1) that the fused sketch replaced: it lets helper data be tested
 * finger by finger. It lives in the test kit only, so that the evaluation can measure that attack and compare
 * the designs; the service never runs it.
 * <p>
 * <b>Gen</b>: w = the finger's n-bit vector (reliable cells selected on this impression); draw a uniformly
 * random BCH codeword c (random message from {@link SecureRandom}, systematic encoding); publish
 * {@code sketch = w XOR c}, the selection mask and a random salt; derive the finger key and a MAC key from w.
 * <b>Rep</b>: w' = the fresh vector at the same cells; decode {@code w' XOR sketch} to a codeword c'; then
 * {@code w = c' XOR sketch}; recompute the MAC key from w and check the MAC. Only then is the key returned.
 * <p>
 * Derivations (BLAKE2b-256, salt = helper salt, personalization = {@link SubjectContext#personalization()}):
 * {@code finger key = H(label "biodid/finger-key" || 0x00 || finger ordinal || w)},
 * {@code mac key = H(label "biodid/helper-mac" || 0x00 || finger ordinal || w)};
 * the MAC is {@code BLAKE2b-256(key = mac key, personalization "biodid:helpermac", helper bytes before MAC)}.
 * <p>
 * Thread-safe.
 */
public final class FuzzyExtractor {

    private static final byte[] FINGER_KEY_LABEL = "biodid/finger-key\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAC_KEY_LABEL = "biodid/helper-mac\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAC_PERSONAL = Blake2b.personal("biodid:helpermac");

    private final BiometricParameters parameters;
    private final BchCode code;
    private final ReliableBits features;
    private final SecureRandom random;

    /**
     * Creates the extractor.
     *
     * @param parameters pipeline parameters
     * @param random     source of codewords and salts
     */
    public FuzzyExtractor(BiometricParameters parameters, SecureRandom random) {
        this.parameters = parameters;
        this.code = BchCode.shortened(parameters.m(), parameters.t(), parameters.n());
        this.features = new ReliableBits(new PairHistogram(parameters.features()));
        this.random = random;
    }

    /**
     * The BCH code in use.
     *
     * @return code
     */
    public BchCode code() {
        return code;
    }

    /**
     * Gen: enrolls one finger.
     *
     * @param context wallet and network
     * @param scan    enrollment impression (validated by the caller)
     * @return helper data and finger key
     */
    public Generated generate(SubjectContext context, FingerScan scan) {
        long[] mask = new long[Bits.words(features.cells())];
        long[] w = new long[Bits.words(parameters.n())];
        features.enroll(scan.minutiae(), parameters.n(), mask, w);
        return generateFromBits(context, scan.finger(), w, mask);
    }

    /** Gen from an already computed bit vector and selection mask (also the seam for property tests). */
    Generated generateFromBits(SubjectContext context, FingerId finger, long[] w, long[] mask) {
        int n = parameters.n();

        long[] message = new long[Bits.words(code.k())];
        for (int i = 0; i < message.length; i++) {
            message[i] = random.nextLong();
        }
        Bits.clearAbove(message, code.k());
        long[] codeword = new long[Bits.words(n)];
        code.encode(message, codeword);
        long[] sketch = new long[Bits.words(n)];
        Bits.xor(w, codeword, sketch);

        byte[] salt = new byte[HelperData.SALT_BYTES];
        random.nextBytes(salt);
        byte[] personal = context.personalization();
        byte[] wBytes = Bits.toBytes(w, n);
        byte[] macKey = derive(MAC_KEY_LABEL, salt, personal, finger, wBytes);
        HelperData unsigned = new HelperData(HelperData.VERSION, finger, code.m(), code.t(), n, features.cells(),
                salt, Bits.toBytes(mask, features.cells()), Bits.toBytes(sketch, n), new byte[HelperData.MAC_BYTES]);
        byte[] mac = Blake2b.keyed(32, macKey, null, MAC_PERSONAL, unsigned.authenticatedPart());
        HelperData helper = new HelperData(HelperData.VERSION, finger, code.m(), code.t(), n, features.cells(),
                salt, unsigned.mask(), unsigned.sketch(), mac);
        return new Generated(helper, derive(FINGER_KEY_LABEL, salt, personal, finger, wBytes));
    }

    /**
     * Rep: reproduces one finger's key, or nothing when the fresh impression is too far from the enrolled one,
     * the helper data was altered, or it belongs to another wallet or network.
     *
     * @param context wallet and network
     * @param helper  helper data from Gen
     * @param scan    fresh impression of the same finger
     * @return the finger key, or empty
     * @throws InvalidInputException if the helper data was made with other parameters or for another finger
     */
    public Optional<byte[]> reproduce(SubjectContext context, HelperData helper, FingerScan scan) {
        return reproduce(context, helper, scan, code.newWorkspace());
    }

    /**
     * Rep with caller-provided decoder scratch space (see {@link BchCode#newWorkspace()}).
     *
     * @param context   wallet and network
     * @param helper    helper data from Gen
     * @param scan      fresh impression of the same finger
     * @param workspace decoder scratch space of this extractor's code, used by one thread at a time
     * @return the finger key, or empty
     */
    public Optional<byte[]> reproduce(SubjectContext context, HelperData helper, FingerScan scan,
                                      BchCode.Workspace workspace) {
        int n = parameters.n();
        if (helper.m() != code.m() || helper.t() != code.t() || helper.n() != n || helper.cells() != features.cells()) {
            throw new InvalidInputException("helpers." + helper.finger().wireName(),
                    "helper data was made with other parameters (" + helper + ")");
        }
        if (helper.finger() != scan.finger()) {
            throw new InvalidInputException("helpers." + helper.finger().wireName(), "helper data is for another finger");
        }
        long[] mask = Bits.fromBytes(helper.mask(), features.cells());
        if (Bits.distance(mask, new long[mask.length]) != n) {
            // a mask with the wrong number of cells can only come from tampering
            return Optional.empty();
        }
        long[] word = new long[Bits.words(n)];
        features.reproduce(scan.minutiae(), mask, word);
        return reproduceFromBits(context, helper, word, workspace);
    }

    /** Rep from an already computed fresh bit vector (also the seam for property tests); consumes {@code word}. */
    Optional<byte[]> reproduceFromBits(SubjectContext context, HelperData helper, long[] word,
                                       BchCode.Workspace workspace) {
        int n = parameters.n();
        long[] sketch = Bits.fromBytes(helper.sketch(), n);
        Bits.xor(word, sketch, word);
        if (code.decode(word, workspace) < 0) {
            return Optional.empty();
        }
        Bits.xor(word, sketch, word);
        byte[] wBytes = Bits.toBytes(word, n);
        byte[] personal = context.personalization();
        byte[] macKey = derive(MAC_KEY_LABEL, helper.salt(), personal, helper.finger(), wBytes);
        byte[] mac = Blake2b.keyed(32, macKey, null, MAC_PERSONAL, helper.authenticatedPart());
        if (!MessageDigest.isEqual(mac, helper.mac())) {
            return Optional.empty();
        }
        return Optional.of(derive(FINGER_KEY_LABEL, helper.salt(), personal, helper.finger(), wBytes));
    }

    private static byte[] derive(byte[] label, byte[] salt, byte[] personal, FingerId finger, byte[] w) {
        return Blake2b.keyed(32, null, salt, personal, label, new byte[] {(byte) finger.ordinal()}, w);
    }

    /**
     * Output of Gen for one finger.
     *
     * @param helper    public helper data
     * @param fingerKey the finger's 32-byte key (secret)
     */
    public record Generated(HelperData helper, byte[] fingerKey) {
    }
}
