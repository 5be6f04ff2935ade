package org.biodid.biometrics;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Known-answer vectors of the biometric and proof formats of helper-data version {@value HelperData#VERSION}: with
 * deterministic randomness, a fixed person enrolls to fixed helper bytes, finger keys, commitment, id_hash and proof
 * key, and a fixed request gives a fixed proof. A changed personalization label, field order or encoding turns this red, while
 * tests that recompute with the same code stay green: every stored enrollment and every independently written
 * wallet depends on these bytes.
 * <p>
 * <b>When the format version changes, regenerate these vectors deliberately</b> (and only then): they pin today's
 * format, not a wish. The proof, the master secret and what derives from it are also recomputed here by a second
 * implementation written from the documented formulas ({@link ClientProof}, {@link MasterSecret},
 * {@link SubjectContext#encode()}) on BouncyCastle's {@link Blake2bDigest} directly.
 */
class BiometricFormatVectorsTest {

    private static final String WALLET = TestFingers.WALLET;
    private static final String NETWORK = TestFingers.NETWORK;
    private static final long TIMESTAMP = 1_790_000_000L;
    private static final HexFormat HEX = HexFormat.of();

    /** version 1 helper data of the left thumb (base64url of HelperData#toBytes), then SHA-256 over all four in order. */
    private static final String HELPER_LEFT_THUMB =
            "AQAIKgD_BmBoQf6NYc3pi8z4u_3E7dWCAYACAAAAAAAAGAAIAAAYgACAAACAFAARAABYAAEAAACAIBAQgJABAAEI"
            + "BHiAIQAAAICYAAEBAQAABAgMIAAAABIAAIAAIQABBAEASIQkAAIAEUBD4AOxAAUEQRiLgCQQIgABFECgAx3DDQSA"
            + "GBEBEJAAABAQAKRBF-M5BIAZMQAAgAAAABBIrIEfZxkYg03RBAAAAACAGkPsAg5mBdzBCAAEBAgAAAC-UQAIAAAF"
            + "loFBAAAAAAAAAFJIAAAAAAAGgQEAAAAAAAAAEAAAjIPsnitxUc6_hTBSU2bBr2lPfuYmUez3p0VbwzaK_ROhTBh5"
            + "X3TI0rMEs_3X9Yxl41AOSOFqvIUP51vFlh0G3Q";
    private static final String HELPERS_SHA256 = "e5eb30a8357cbb1ed392b73cb3ecfc2430285b0ad8e9fbac8f5f990e7b9202bb";
    private static final String COMMITMENT = "8e7466cb17d8f12f94f2ae7e40a19da43f57f1ad5082e6e783b14fd36c991ef2";
    private static final String ID_HASH = "75b75ec89dea89bf9178ca45ff2b5fe7e984f64b1dd0969ed5f9f408b9d9067a";
    private static final String PROOF_KEY = "190d994886bf39b7fd7e6c389c96a036d026c2bf026c02c4eaab301a6ec0ce84";
    /** Finger keys, reproduced from the helper data and the enrollment scans. */
    private static final Map<FingerId, String> FINGER_KEYS = Map.of(
            FingerId.LEFT_THUMB, "a40e1cec0c2d71dcf6b03f45d2b13b63cde6727e92af49d07b9fde10d239e153",
            FingerId.LEFT_INDEX, "ff1db893413545e97986fdba4d3fa107be237cddfa26fb3d00bcb6d5846c93fe",
            FingerId.RIGHT_THUMB, "2df64b133d45702252dcfdfd2d79de37d5370c6254873149d9190d3fbf95aea3",
            FingerId.RIGHT_INDEX, "e66a59c406bcf0ccf3b3d7da8ee20736469d8b04de9ad85fd89569abb5e913d2");
    private static final String PROOF = "b5fb50bb5275144790c14c621ab4f8402b244c2db1635acac714c8e1f7f57919";

    @Test
    void enrollmentOfAFixedPersonGivesTheFixedBytes() throws Exception {
        Vectors v = Vectors.compute();
        assertThat(HelperData.VERSION, is(1));
        assertThat(v.enrollment.helpers().get(FingerId.LEFT_THUMB).toBase64Url(), is(HELPER_LEFT_THUMB));
        assertThat(v.helpersSha256(), is(HELPERS_SHA256));
        assertThat(HEX.formatHex(v.enrollment.commitment()), is(COMMITMENT));
        assertThat(HEX.formatHex(v.enrollment.idHash()), is(ID_HASH));
        assertThat(HEX.formatHex(v.enrollment.proofKey()), is(PROOF_KEY));
        assertThat(HEX.formatHex(ClientProof.create(v.enrollment.proofKey(), v.context, TIMESTAMP)), is(PROOF));
    }

    @Test
    void secondImplementationFromTheDocumentedFormulasAgrees() {
        Vectors v = Vectors.compute();
        // Finger keys as a wallet gets them: reproduced from the public helper data and the enrollment scans.
        Map<FingerId, byte[]> keys = new EnumMap<>(FingerId.class);
        for (FingerScan scan : v.scans) {
            keys.put(scan.finger(), v.engine.extractor()
                    .reproduce(v.context, v.enrollment.helpers().get(scan.finger()), scan).orElseThrow());
        }
        Map<FingerId, String> keysHex = new EnumMap<>(FingerId.class);
        keys.forEach((finger, key) -> keysHex.put(finger, HEX.formatHex(key)));
        assertThat(keysHex, is(FINGER_KEYS));
        // master = BLAKE2b-256(personalization "biodid:master:01", subject encoding || for each finger in ordinal
        // order: ordinal || finger key); the subject encoding is u16be len(wallet) || wallet || u8 len(network) || network
        ByteArrayOutputStream material = new ByteArrayOutputStream();
        material.writeBytes(subject());
        keys.forEach((finger, key) -> {
            material.write(finger.ordinal());
            material.writeBytes(key);
        });
        byte[] master = blake2b(null, "biodid:master:01", material.toByteArray());
        assertThat(HEX.formatHex(blake2b(master, "biodid:commit:01", new byte[0])), is(COMMITMENT));
        assertThat(HEX.formatHex(blake2b(master, "biodid:idhash:01", new byte[0])), is(ID_HASH));
        byte[] proofKey = blake2b(master, "biodid:proofkey1", new byte[0]);
        assertThat(HEX.formatHex(proofKey), is(PROOF_KEY));

        // proof = BLAKE2b-256(key = proof key, personalization "biodid:proof:v01", subject encoding || u64be timestamp)
        byte[] message = ByteBuffer.allocate(subject().length + 8).put(subject()).putLong(TIMESTAMP).array();
        byte[] proof = blake2b(proofKey, "biodid:proof:v01", message);
        assertThat(HEX.formatHex(proof), is(PROOF));
        assertThat(ClientProof.create(v.enrollment.proofKey(), v.context, TIMESTAMP), is(proof));
    }

    private static byte[] subject() {
        byte[] wallet = WALLET.getBytes(StandardCharsets.UTF_8);
        byte[] network = NETWORK.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(3 + wallet.length + network.length)
                .putShort((short) wallet.length).put(wallet).put((byte) network.length).put(network).array();
    }

    private static byte[] blake2b(byte[] key, String personalization, byte[] data) {
        Blake2bDigest digest = new Blake2bDigest(key, 32, null, personalization.getBytes(StandardCharsets.US_ASCII));
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    /** A fixed person enrolled with randomness from a fixed seed. */
    private record Vectors(BiometricEngine engine, SubjectContext context, List<FingerScan> scans,
                           Enrollment enrollment) {

        static Vectors compute() {
            BiometricEngine engine = new BiometricEngine(BiometricParameters.DEFAULT, VerificationPolicy.ALL,
                                                         new SeededRandom(20261201L));
            List<FingerScan> scans = TestFingers.person(new SyntheticFingerprints(7L), 3, NoiseModel.DEFAULT,
                                                        new SplittableRandom(11));
            return new Vectors(engine, new SubjectContext(WALLET, NETWORK), scans,
                               engine.enroll(WALLET, NETWORK, scans));
        }

        String helpersSha256() throws Exception {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            enrollment.helpers().values().forEach(h -> sha.update(h.toBytes()));
            return HEX.formatHex(sha.digest());
        }
    }

    /** Deterministic "secure" randomness for vectors only: every byte comes from a seeded SplittableRandom. */
    private static final class SeededRandom extends SecureRandom {

        private final transient SplittableRandom source;

        SeededRandom(long seed) {
            this.source = new SplittableRandom(seed);
        }

        @Override
        public void nextBytes(byte[] bytes) {
            source.nextBytes(bytes);
        }
    }
}
