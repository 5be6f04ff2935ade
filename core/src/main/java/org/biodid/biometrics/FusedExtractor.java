package org.biodid.biometrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.biodid.biometrics.bch.BchCode;
import org.biodid.biometrics.bch.Bits;
import org.biodid.biometrics.feature.FeatureParameters;
import org.biodid.biometrics.feature.PairHistogram;
import org.biodid.biometrics.feature.ReliableBits;
import org.biodid.crypto.Blake2b;
import org.biodid.input.InvalidInputException;

/**
 * The fused code-offset fuzzy extractor: one secure sketch over all enrolled fingers together.
 * <p>
 * <b>Gen</b>: for each finger in ordinal order, select {@code b} reliable cells and read their bits; concatenate
 * them into w ({@code F * b} bits); choose the code's t from the enrollment's predicted genuine errors
 * ({@link ErrorBudget}, a rung of the finger count's ladder, recorded in the helper data); draw a uniformly random
 * codeword c of that {@link FusedCode};
 * publish {@code sketch = w XOR c}, the masks and a random salt; derive the master secret and a MAC key from the
 * whole w. <b>Rep</b>: every enrolled finger is required; w' = the fresh bits at the stored cells; decode
 * {@code w' XOR sketch} to c'; {@code w = c' XOR sketch}; check the MAC; only then derive the master secret.
 * <p>
 * The code corrects up to t errors <em>in total</em>: a finger that reads badly is carried by the others. And
 * there is nothing to test one finger against: there is no per-finger MAC or key, the decoder needs every block,
 * and for 4 or more fingers no parity check of the code involves one finger alone ({@link FusedCode}).
 * <p>
 * Derivations (BLAKE2b-256, salt = helper salt, personalization = {@link SubjectContext#personalization()}):
 * {@code master = H("biodid/fused-master" || 0x00 || u16 finger set || w)},
 * {@code mac key = H("biodid/fused-mac" || 0x00 || u16 finger set || w)}; the MAC is
 * {@code BLAKE2b-256(key = mac key, personalization "biodid:helpermac", helper bytes before the MAC)}. The
 * commitment, id_hash and proof key derive from the master as in {@link MasterSecret}.
 * <p>
 * Thread-safe.
 */
public final class FusedExtractor {

    private static final byte[] MASTER_LABEL = "biodid/fused-master\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAC_KEY_LABEL = "biodid/fused-mac\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAC_PERSONAL = Blake2b.personal("biodid:helpermac");

    private final ReliableBits features;
    private final SecureRandom random;

    /**
     * Creates the extractor.
     *
     * @param features feature transform geometry
     * @param random   source of codewords and salts
     */
    public FusedExtractor(FeatureParameters features, SecureRandom random) {
        this.features = new ReliableBits(new PairHistogram(features));
        this.random = random;
    }

    /**
     * The feature binarizer (also used by the evaluation's attacker, which has the same public code).
     *
     * @return features
     */
    public ReliableBits features() {
        return features;
    }

    /**
     * Gen: enrolls 2&ndash;10 fingers (validated by the caller).
     *
     * @param context wallet and network
     * @param scans   one impression per finger, any order
     * @return helper data and master secret
     */
    public Generated generate(SubjectContext context, List<FingerScan> scans) {
        List<FingerScan> sorted = new ArrayList<>(scans);
        sorted.sort(Comparator.comparing(FingerScan::finger));
        FusedCode layout = FusedCode.forFingers(sorted.size());
        int b = layout.bitsPerFinger();
        int maskWords = Bits.words(features.cells());
        long[] w = new long[Bits.words(layout.length())];
        byte[] masks = new byte[sorted.size() * FusedHelperData.maskBytes(features.cells())];
        long[] mask = new long[maskWords];
        long[] bits = new long[Bits.words(b)];
        List<FingerId> fingers = new ArrayList<>();
        double expectedFlips = 0;
        for (int f = 0; f < sorted.size(); f++) {
            expectedFlips += features.enroll(sorted.get(f).minutiae(), b, mask, bits, ErrorBudget.SCALE);
            Bits.insert(bits, w, f * b, b);
            byte[] maskBytes = Bits.toBytes(mask, features.cells());
            System.arraycopy(maskBytes, 0, masks, f * maskBytes.length, maskBytes.length);
            fingers.add(sorted.get(f).finger());
        }
        return generateFromBits(context, fingers, w, masks, ErrorBudget.choose(sorted.size(), expectedFlips));
    }

    /** Gen from already computed bits and masks with the finger count's default t (the seam for property tests). */
    Generated generateFromBits(SubjectContext context, List<FingerId> fingers, long[] w, byte[] masks) {
        return generateFromBits(context, fingers, w, masks, FusedCode.forFingers(fingers.size()));
    }

    /** Gen from already computed bits and masks with a code of the finger count's ladder. */
    Generated generateFromBits(SubjectContext context, List<FingerId> fingers, long[] w, byte[] masks,
                               FusedCode layout) {
        if (layout.fingers() != fingers.size()) {
            throw new IllegalArgumentException("code for " + layout.fingers() + " fingers, " + fingers.size() + " given");
        }
        BchCode code = layout.code();
        int n = layout.length();
        long[] message = new long[Bits.words(code.k())];
        for (int i = 0; i < message.length; i++) {
            message[i] = random.nextLong();
        }
        Bits.clearAbove(message, code.k());
        long[] codeword = new long[Bits.words(n)];
        code.encode(message, codeword);
        long[] sketch = new long[Bits.words(n)];
        Bits.xor(w, codeword, sketch);
        byte[] salt = new byte[FusedHelperData.SALT_BYTES];
        random.nextBytes(salt);
        FusedHelperData unsigned = new FusedHelperData(fingers, code.m(), code.t(), layout.bitsPerFinger(),
                features.cells(), salt, masks, Bits.toBytes(sketch, n), new byte[FusedHelperData.MAC_BYTES]);
        byte[] wBytes = Bits.toBytes(w, n);
        byte[] personal = context.personalization();
        byte[] macKey = derive(MAC_KEY_LABEL, unsigned, personal, wBytes);
        byte[] mac = Blake2b.keyed(32, macKey, null, MAC_PERSONAL, unsigned.authenticatedPart());
        FusedHelperData helper = new FusedHelperData(fingers, code.m(), code.t(), layout.bitsPerFinger(),
                features.cells(), salt, masks, unsigned.sketch(), mac);
        return new Generated(helper, MasterSecret.of(derive(MASTER_LABEL, helper, personal, wBytes)));
    }

    /**
     * Rep: reproduces the master secret, or nothing when the fresh impressions are too far from the enrolled
     * ones in total, a finger is missing, the helper data was altered, or it belongs to another wallet or network.
     *
     * @param context   wallet and network
     * @param helper    helper data from Gen
     * @param scans     fresh impressions (validated by the caller); every enrolled finger is needed
     * @param workspace decoder scratch space of the helper's code ({@link #codeOf(FusedHelperData)}), one thread
     * @return the master secret, or empty
     * @throws InvalidInputException if the helper data was made with other parameters
     */
    public Optional<MasterSecret> reproduce(SubjectContext context, FusedHelperData helper, List<FingerScan> scans,
                                            BchCode.Workspace workspace) {
        FusedCode layout = checkParameters(helper);
        List<FingerId> fingers = helper.fingers();
        if (scans.size() != fingers.size()) {
            return Optional.empty();
        }
        int b = layout.bitsPerFinger();
        long[] word = new long[Bits.words(layout.length())];
        long[] bits = new long[Bits.words(b)];
        ReliableBits.Scratch scratch = features.borrow();
        try {
            for (int f = 0; f < fingers.size(); f++) {
                FingerScan scan = find(scans, fingers.get(f));
                if (scan == null) {
                    return Optional.empty();
                }
                long[] mask = Bits.fromBytes(helper.mask(f), features.cells());
                if (Bits.distance(mask, new long[mask.length]) != b) {
                    // a mask with the wrong number of cells can only come from tampering
                    return Optional.empty();
                }
                features.reproduce(scan.minutiae(), mask, bits, scratch);
                Bits.insert(bits, word, f * b, b);
            }
        } finally {
            features.release(scratch);
        }
        return reproduceFromBits(context, helper, word, workspace);
    }

    /**
     * Rep from an already computed fresh vector: the finger blocks concatenated in the helper's finger order. This
     * is also what an offline attacker runs on guessed bits (the evaluation's attack uses it).
     *
     * @param context   wallet and network
     * @param helper    helper data
     * @param word      the bits; consumed (overwritten)
     * @param workspace decoder scratch space
     * @return the master secret, or empty
     */
    public Optional<MasterSecret> reproduceFromBits(SubjectContext context, FusedHelperData helper, long[] word,
                                             BchCode.Workspace workspace) {
        FusedCode layout = checkParameters(helper);
        int n = layout.length();
        long[] sketch = Bits.fromBytes(helper.sketch(), n);
        Bits.xor(word, sketch, word);
        if (layout.code().decode(word, workspace) < 0) {
            return Optional.empty();
        }
        Bits.xor(word, sketch, word);
        byte[] wBytes = Bits.toBytes(word, n);
        byte[] personal = context.personalization();
        byte[] mac = Blake2b.keyed(32, derive(MAC_KEY_LABEL, helper, personal, wBytes), null, MAC_PERSONAL,
                helper.authenticatedPart());
        if (!MessageDigest.isEqual(mac, helper.mac())) {
            return Optional.empty();
        }
        return Optional.of(MasterSecret.of(derive(MASTER_LABEL, helper, personal, wBytes)));
    }

    /**
     * The code helper data was made with: its finger count's code for the recorded t, which must be on that count's
     * ladder (helper data from before the ladder recorded the default t, which is on it).
     *
     * @param helper helper data
     * @return the code; its {@link BchCode#newWorkspace()} is the workspace Rep needs
     * @throws InvalidInputException if the helper data was made with other parameters
     */
    public FusedCode codeOf(FusedHelperData helper) {
        return checkParameters(helper);
    }

    private FusedCode checkParameters(FusedHelperData helper) {
        FusedCode layout = FusedCode.of(helper.fingers().size(), helper.t()).orElse(null);
        if (layout == null || helper.m() != layout.code().m() || helper.bitsPerFinger() != layout.bitsPerFinger()
                || helper.cells() != features.cells()) {
            throw new InvalidInputException("helpers", "helper data was made with other parameters (" + helper + ")");
        }
        return layout;
    }

    private static FingerScan find(List<FingerScan> scans, FingerId finger) {
        for (FingerScan scan : scans) {
            if (scan.finger() == finger) {
                return scan;
            }
        }
        return null;
    }

    private static byte[] derive(byte[] label, FusedHelperData helper, byte[] personal, byte[] w) {
        int set = FusedHelperData.fingerSet(helper.fingers());
        return Blake2b.keyed(32, null, helper.salt(), personal, label, new byte[] {(byte) (set >>> 8), (byte) set}, w);
    }

    /**
     * Output of Gen.
     *
     * @param helper helper data (confidential: it allows guessing all fingers at once offline, see the docs)
     * @param master the master secret
     */
    public record Generated(FusedHelperData helper, MasterSecret master) {
    }
}
