package org.biodid.biometrics;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;
import org.biodid.input.InvalidInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Serialization round trips and tamper detection on every byte of the helper data.
 */
class HelperDataTest {

    private static final SubjectContext CONTEXT = new SubjectContext(TestFingers.WALLET, TestFingers.NETWORK);
    private static FuzzyExtractor extractor;
    private static FingerScan scan;
    private static FuzzyExtractor.Generated generated;

    @BeforeAll
    static void enroll() {
        extractor = new FuzzyExtractor(BiometricParameters.DEFAULT, new SecureRandom());
        List<Minutia> minutiae = SyntheticFingerprints.impression(
                new SyntheticFingerprints(5).master(1), NoiseModel.DEFAULT, new SplittableRandom(5));
        scan = new FingerScan(FingerId.RIGHT_RING, minutiae);
        generated = extractor.generate(CONTEXT, scan);
    }

    @Test
    void binaryAndBase64UrlRoundTrip() {
        HelperData helper = generated.helper();
        assertThat(HelperData.fromBytes("h", helper.toBytes()), is(helper));
        assertThat(HelperData.fromBase64Url("h", helper.toBase64Url()), is(helper));
        assertThat(helper.toBase64Url().matches("[A-Za-z0-9_-]+"), is(true));
        // compact: header, salt, mask, sketch and MAC
        assertThat(helper.toBytes().length, lessThan(300));
    }

    @Test
    void untouchedHelperReproducesTheKey() {
        Optional<byte[]> key = extractor.reproduce(CONTEXT, generated.helper(), scan);
        assertThat(key.isPresent(), is(true));
        assertThat(Arrays.equals(key.get(), generated.fingerKey()), is(true));
    }

    @Test
    void everyFlippedBitIsDetected() {
        byte[] bytes = generated.helper().toBytes();
        int rejectedAtParse = 0;
        for (int i = 0; i < bytes.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = bytes.clone();
                tampered[i] ^= (byte) (1 << bit);
                try {
                    HelperData helper = HelperData.fromBytes("helpers.right_ring", tampered);
                    FingerScan fresh = new FingerScan(helper.finger(), scan.minutiae());
                    assertThat("byte " + i + " bit " + bit, extractor.reproduce(CONTEXT, helper, fresh).isPresent(),
                            is(false));
                } catch (InvalidInputException e) {
                    // header fields (version, m, t, n, cells) and the sketch's spare bit
                    rejectedAtParse++;
                    assertThat(e.field().startsWith("helpers."), is(true));
                }
            }
        }
        assertThat(rejectedAtParse > 0, is(true));
    }

    @Test
    void otherWalletOrNetworkReproducesNothing() {
        assertThat(extractor.reproduce(new SubjectContext(TestFingers.WALLET + "x", TestFingers.NETWORK),
                generated.helper(), scan).isPresent(), is(false));
        assertThat(extractor.reproduce(new SubjectContext(TestFingers.WALLET, "mainnet"),
                generated.helper(), scan).isPresent(), is(false));
    }

    @Test
    void malformedInputsNameTheField() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> HelperData.fromBase64Url("helpers.left_thumb", "!!!"));
        assertThat(e.field(), is("helpers.left_thumb"));
        byte[] bytes = generated.helper().toBytes();
        assertThrows(InvalidInputException.class,
                () -> HelperData.fromBytes("h", Arrays.copyOf(bytes, bytes.length - 1)));
        assertThrows(InvalidInputException.class,
                () -> HelperData.fromBytes("h", Arrays.copyOf(bytes, bytes.length + 1)));
    }
}
