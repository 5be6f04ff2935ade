package org.biodid.biometrics;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.biodid.biometrics.bch.BchCode;
import org.biodid.input.InvalidInputException;

/**
 * The facade the HTTP layer calls: enroll fingers into helper data and a commitment, verify fresh scans
 * against them, and reproduce the client proof key (the reference for what a wallet computes).
 * <p>
 * Thread-safe; construct once.
 */
public final class BiometricEngine {

    private final FuzzyExtractor extractor;
    private final VerificationPolicy policy;

    /**
     * Creates an engine.
     *
     * @param parameters pipeline parameters
     * @param policy     verification policy
     * @param random     randomness for codewords and salts
     */
    public BiometricEngine(BiometricParameters parameters, VerificationPolicy policy, SecureRandom random) {
        this.extractor = new FuzzyExtractor(parameters, random);
        this.policy = policy;
    }

    /**
     * An engine with default parameters, the all-fingers policy and a fresh {@link SecureRandom}.
     *
     * @return engine
     */
    public static BiometricEngine create() {
        return new BiometricEngine(BiometricParameters.DEFAULT, VerificationPolicy.ALL, new SecureRandom());
    }

    /**
     * The per-finger extractor.
     *
     * @return extractor
     */
    public FuzzyExtractor extractor() {
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
        SubjectContext context = new SubjectContext(wallet, network);
        Map<FingerId, HelperData> helpers = new EnumMap<>(FingerId.class);
        Map<FingerId, byte[]> keys = new EnumMap<>(FingerId.class);
        for (FingerScan scan : scans) {
            FuzzyExtractor.Generated generated = extractor.generate(context, scan);
            helpers.put(scan.finger(), generated.helper());
            keys.put(scan.finger(), generated.fingerKey());
        }
        MasterSecret master = MasterSecret.combine(context, keys);
        return new Enrollment(helpers, master.commitment(), master.idHash(), master.proofKey());
    }

    /**
     * Verifies a fresh scan.
     *
     * @param wallet           wallet address
     * @param network          network
     * @param storedHelpers    helper data from enrollment
     * @param storedCommitment commitment from enrollment
     * @param fresh            fresh scans, 1&ndash;10 distinct enrolled fingers
     * @return which fingers matched and whether the policy is satisfied
     * @throws InvalidInputException on invalid input, naming the field
     */
    public VerificationResult verify(String wallet, String network, Map<FingerId, HelperData> storedHelpers,
                                     byte[] storedCommitment, List<FingerScan> fresh) {
        SubjectContext context = new SubjectContext(wallet, network);
        Map<FingerId, byte[]> keys = reproduceAll(context, storedHelpers, fresh);
        List<FingerId> matched = new ArrayList<>();
        List<FingerId> unmatched = new ArrayList<>();
        for (FingerId id : FingerId.values()) {
            if (keys.containsKey(id)) {
                matched.add(id);
            } else if (storedHelpers.containsKey(id)) {
                unmatched.add(id);
            }
        }
        boolean all = unmatched.isEmpty() && !matched.isEmpty();
        boolean commitmentMatches = all
                && MessageDigest.isEqual(MasterSecret.combine(context, keys).commitment(), storedCommitment);
        boolean verified = policy.requiresAll()
                ? commitmentMatches
                : matched.size() >= policy.required(storedHelpers.size());
        return new VerificationResult(verified, matched, unmatched, commitmentMatches);
    }

    /**
     * What a wallet computes for the {@code biometric_hash} form: reproduces every enrolled finger and derives the
     * proof key; empty unless all reproduce.
     *
     * @param wallet        wallet address
     * @param network       network
     * @param storedHelpers public helper data
     * @param fresh         fresh scans of every enrolled finger
     * @return the proof key, or empty
     */
    public Optional<byte[]> reproduceProofKey(String wallet, String network, Map<FingerId, HelperData> storedHelpers,
                                              List<FingerScan> fresh) {
        SubjectContext context = new SubjectContext(wallet, network);
        Map<FingerId, byte[]> keys = reproduceAll(context, storedHelpers, fresh);
        if (keys.size() != storedHelpers.size()) {
            return Optional.empty();
        }
        return Optional.of(MasterSecret.combine(context, keys).proofKey());
    }

    private Map<FingerId, byte[]> reproduceAll(SubjectContext context, Map<FingerId, HelperData> storedHelpers,
                                               List<FingerScan> fresh) {
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
            if (!storedHelpers.containsKey(fresh.get(i).finger())) {
                throw new InvalidInputException("fingers[" + i + "].finger_id",
                                                  fresh.get(i).finger().wireName() + " is not enrolled");
            }
        }
        Map<FingerId, byte[]> keys = new EnumMap<>(FingerId.class);
        BchCode.Workspace workspace = extractor.code().newWorkspace();
        for (FingerScan scan : fresh) {
            extractor.reproduce(context, storedHelpers.get(scan.finger()), scan, workspace)
                    .ifPresent(key -> keys.put(scan.finger(), key));
        }
        return keys;
    }
}
