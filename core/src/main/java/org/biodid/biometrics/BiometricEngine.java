package org.biodid.biometrics;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import org.biodid.biometrics.bch.BchCode;
import org.biodid.input.InvalidInputException;

/**
 * The facade the HTTP layer calls: enroll fingers into helper data and a commitment, verify fresh scans
 * against them, and reproduce the client proof key (the reference for what a wallet computes).
 * <p>
 * All enrolled fingers are protected by one fused sketch ({@link FusedExtractor}): a verification succeeds when
 * the fresh scans of <em>all</em> enrolled fingers are, in total, within the code's correction capability, and
 * there is no per-finger outcome (so {@link VerificationResult#matched()} lists every enrolled finger or none).
 * There is no k-of-n policy any more: a strong finger carries a weak one within the total error budget, which
 * is what k-of-n was for, without letting fingers be checked one by one.
 * <p>
 * Thread-safe; construct once.
 */
public final class BiometricEngine {

    private final FusedExtractor extractor;

    /**
     * Creates an engine.
     *
     * @param parameters pipeline parameters (the feature geometry is used; the code follows the finger count,
     *                   see {@link FusedCode})
     * @param random     randomness for codewords and salts
     */
    public BiometricEngine(BiometricParameters parameters, SecureRandom random) {
        this.extractor = new FusedExtractor(parameters.features(), random);
    }

    /**
     * An engine with default parameters and a fresh {@link SecureRandom}.
     *
     * @return engine
     */
    public static BiometricEngine create() {
        return new BiometricEngine(BiometricParameters.DEFAULT, new SecureRandom());
    }

    /**
     * The fused extractor.
     *
     * @return extractor
     */
    public FusedExtractor extractor() {
        return extractor;
    }

    /**
     * Enrolls 2&ndash;10 fingers.
     *
     * @param wallet  wallet address
     * @param network network
     * @param scans   one scan per finger
     * @return helper data, commitment, id_hash, proof key
     * @throws InvalidInputException on invalid input, naming the field
     */
    public Enrollment enroll(String wallet, String network, List<FingerScan> scans) {
        BiometricValidation.validateFingers("fingers", scans);
        FusedExtractor.Generated generated = extractor.generate(new SubjectContext(wallet, network), scans);
        MasterSecret master = generated.master();
        return new Enrollment(generated.helper(), master.commitment(), master.idHash(), master.proofKey());
    }

    /**
     * Verifies fresh scans.
     *
     * @param wallet           wallet address
     * @param network          network
     * @param storedHelper     helper data from enrollment
     * @param storedCommitment commitment from enrollment
     * @param fresh            fresh scans, 1&ndash;10 distinct enrolled fingers; all enrolled ones are needed
     *                         for a success
     * @return verified (with every enrolled finger as matched) or not (with none)
     * @throws InvalidInputException on invalid input, naming the field
     */
    public VerificationResult verify(String wallet, String network, FusedHelperData storedHelper,
                                     byte[] storedCommitment, List<FingerScan> fresh) {
        SubjectContext context = new SubjectContext(wallet, network);
        Optional<MasterSecret> master = reproduce(context, storedHelper, fresh);
        boolean commitmentMatches = master.isPresent()
                && MessageDigest.isEqual(master.get().commitment(), storedCommitment);
        List<FingerId> enrolled = storedHelper.fingers();
        return commitmentMatches
                ? new VerificationResult(true, enrolled, List.of(), true)
                : new VerificationResult(false, List.of(), enrolled, false);
    }

    /**
     * What a wallet computes for the {@code biometric_hash} form: reproduces the master secret from every
     * enrolled finger and derives the proof key.
     *
     * @param wallet       wallet address
     * @param network      network
     * @param storedHelper helper data
     * @param fresh        fresh scans of every enrolled finger
     * @return the proof key, or empty
     */
    public Optional<byte[]> reproduceProofKey(String wallet, String network, FusedHelperData storedHelper,
                                              List<FingerScan> fresh) {
        return reproduce(new SubjectContext(wallet, network), storedHelper, fresh).map(MasterSecret::proofKey);
    }

    private Optional<MasterSecret> reproduce(SubjectContext context, FusedHelperData helper, List<FingerScan> fresh) {
        BiometricValidation.checkFingerCount("fingers", fresh == null ? 0 : fresh.size(), 1);
        for (int i = 0; i < fresh.size(); i++) {
            FingerScan scan = fresh.get(i);
            String field = "fingers[" + i + "]";
            if (scan == null) {
                throw new InvalidInputException(field, "must not be null");
            }
            BiometricValidation.validateFinger(field, scan);
        }
        BiometricValidation.checkDistinct("fingers", fresh);
        for (int i = 0; i < fresh.size(); i++) {
            if (!helper.fingers().contains(fresh.get(i).finger())) {
                throw new InvalidInputException("fingers[" + i + "].finger_id",
                                                fresh.get(i).finger().wireName() + " is not enrolled");
            }
        }
        if (fresh.size() != helper.fingers().size()) {
            return Optional.empty();
        }
        // the helper's own code: its t is a rung of the finger count's ladder, chosen at Gen
        BchCode code = extractor.codeOf(helper).code();
        BchCode.Workspace workspace = code.borrowWorkspace();
        try {
            return extractor.reproduce(context, helper, fresh, workspace);
        } finally {
            code.release(workspace);
        }
    }
}
