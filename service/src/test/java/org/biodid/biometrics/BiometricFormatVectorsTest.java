package org.biodid.biometrics;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.biodid.biometrics.bch.Bits;
import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Known-answer vectors of the biometric and proof formats of helper-data version {@value FusedHelperData#VERSION}:
 * with deterministic randomness, a fixed person enrolls to fixed helper bytes, commitment, id_hash and proof key,
 * and a fixed request gives a fixed proof. A changed personalization label, field order or encoding turns this red,
 * while tests that recompute with the same code stay green: every stored enrollment and every independently written
 * wallet depends on these bytes.
 * <p>
 * <b>When the format version changes, regenerate these vectors deliberately</b> (and only then): they pin today's
 * format, not a wish. The master secret, the helper MAC and what derives from the master are also recomputed here by
 * a second implementation written from the documented formulas ({@link FusedExtractor}, {@link MasterSecret},
 * {@link ClientProof}, {@link SubjectContext}) on BouncyCastle's {@link Blake2bDigest} directly.
 */
class BiometricFormatVectorsTest {

    private static final String WALLET = TestFingers.WALLET;
    private static final String NETWORK = TestFingers.NETWORK;
    private static final long TIMESTAMP = 1_790_000_000L;
    private static final HexFormat HEX = HexFormat.of();

    /** SHA-256 of the version-2 helper data bytes (FusedHelperData#toBytes). */
    private static final String HELPER_SHA256 = "9fba7df4780b74206662c7a328bb5e3bd96f3cf9002390b6a1be9e4a0d568714";
    private static final String COMMITMENT = "d84598536cae30f75c90ff44d38fcf90587c39c682354539986cb13272c17e7e";
    private static final String ID_HASH = "750a7d53f680e7326e1823c4b37ff9046c26df453493fa15a352cbdd1ac0b5f0";
    private static final String PROOF_KEY = "92e0ab604ca52b31c8688bb56708b02085d036d7cbfa032ecca21ea7d4e1cf7b";
    private static final String PROOF = "5fa0d36c641621592928bf182b6bf8977e0c85b1f9c48c240eeab27f63919f61";

    @Test
    void enrollmentOfAFixedPersonGivesTheFixedBytes() throws Exception {
        Vectors v = Vectors.compute();
        assertThat(FusedHelperData.VERSION, is(2));
        assertThat(v.enrollment.helper().toBytes()[0], is((byte) 2));
        assertThat(HEX.formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(v.enrollment.helper().toBytes())), is(HELPER_SHA256));
        assertThat(HEX.formatHex(v.enrollment.commitment()), is(COMMITMENT));
        assertThat(HEX.formatHex(v.enrollment.idHash()), is(ID_HASH));
        assertThat(HEX.formatHex(v.enrollment.proofKey()), is(PROOF_KEY));
        assertThat(HEX.formatHex(ClientProof.create(v.enrollment.proofKey(), v.context, TIMESTAMP)), is(PROOF));
    }

    @Test
    void secondImplementationFromTheDocumentedFormulasAgrees() {
        Vectors v = Vectors.compute();
        FusedHelperData helper = v.enrollment.helper();
        // w: each finger's bits at its stored cells, blocks concatenated in finger order (what Rep reproduces)
        int b = helper.bitsPerFinger();
        long[] w = new long[Bits.words(helper.fingers().size() * b)];
        for (int f = 0; f < helper.fingers().size(); f++) {
            FingerId id = helper.fingers().get(f);
            FingerScan scan = v.scans.stream().filter(s -> s.finger() == id).findFirst().orElseThrow();
            long[] bits = new long[Bits.words(b)];
            v.engine.extractor().features().reproduce(scan.minutiae(),
                    Bits.fromBytes(helper.mask(f), helper.cells()), bits);
            Bits.insert(bits, w, f * b, b);
        }
        byte[] wBytes = Bits.toBytes(w, helper.fingers().size() * b);
        // personalization of every subject derivation: BLAKE2b-128(personal "biodid:context:1", subject encoding)
        byte[] context = blake2b(16, null, null, "biodid:context:1", subject());
        int set = 0;
        for (FingerId id : helper.fingers()) {
            set |= 1 << id.ordinal();
        }
        byte[] setBytes = {(byte) (set >>> 8), (byte) set};
        // master = BLAKE2b-256(salt, personal = context, "biodid/fused-master" 0x00 || u16be finger set || w)
        byte[] master = blake2b(32, null, helper.salt(), context,
                concat("biodid/fused-master\0".getBytes(StandardCharsets.US_ASCII), setBytes, wBytes));
        byte[] macKey = blake2b(32, null, helper.salt(), context,
                concat("biodid/fused-mac\0".getBytes(StandardCharsets.US_ASCII), setBytes, wBytes));
        assertThat(HEX.formatHex(blake2b(32, macKey, null, "biodid:helpermac", helper.authenticatedPart())),
                is(HEX.formatHex(helper.mac())));
        assertThat(HEX.formatHex(blake2b(32, master, null, "biodid:commit:01", new byte[0])), is(COMMITMENT));
        assertThat(HEX.formatHex(blake2b(32, master, null, "biodid:idhash:01", new byte[0])), is(ID_HASH));
        byte[] proofKey = blake2b(32, master, null, "biodid:proofkey1", new byte[0]);
        assertThat(HEX.formatHex(proofKey), is(PROOF_KEY));
        // proof = BLAKE2b-256(key = proof key, personalization "biodid:proof:v01", subject encoding || u64be timestamp)
        byte[] message = ByteBuffer.allocate(subject().length + 8).put(subject()).putLong(TIMESTAMP).array();
        byte[] proof = blake2b(32, proofKey, null, "biodid:proof:v01", message);
        assertThat(HEX.formatHex(proof), is(PROOF));
        assertThat(ClientProof.create(v.enrollment.proofKey(), v.context, TIMESTAMP), is(proof));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] subject() {
        byte[] wallet = WALLET.getBytes(StandardCharsets.UTF_8);
        byte[] network = NETWORK.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(3 + wallet.length + network.length)
                .putShort((short) wallet.length).put(wallet).put((byte) network.length).put(network).array();
    }

    private static byte[] blake2b(int size, byte[] key, byte[] salt, String personalization, byte[] data) {
        return blake2b(size, key, salt, personalization.getBytes(StandardCharsets.US_ASCII), data);
    }

    private static byte[] blake2b(int size, byte[] key, byte[] salt, byte[] personalization, byte[] data) {
        Blake2bDigest digest = new Blake2bDigest(key, size, salt, personalization);
        digest.update(data, 0, data.length);
        byte[] out = new byte[size];
        digest.doFinal(out, 0);
        return out;
    }

    /** A fixed person enrolled with randomness from a fixed seed. */
    private record Vectors(BiometricEngine engine, SubjectContext context, List<FingerScan> scans,
                           Enrollment enrollment) {

        static Vectors compute() {
            BiometricEngine engine = new BiometricEngine(BiometricParameters.DEFAULT, new SeededRandom(20261201L));
            List<FingerScan> scans = TestFingers.person(new SyntheticFingerprints(7L), 3, NoiseModel.DEFAULT,
                                                        new SplittableRandom(11));
            return new Vectors(engine, new SubjectContext(WALLET, NETWORK), scans,
                               engine.enroll(WALLET, NETWORK, scans));
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
