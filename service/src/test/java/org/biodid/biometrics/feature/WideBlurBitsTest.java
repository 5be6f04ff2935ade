package org.biodid.biometrics.feature;

import java.util.List;
import java.util.SplittableRandom;

import org.biodid.biometrics.Minutia;
import org.biodid.biometrics.bch.Bits;
import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.Population;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The evaluation's wider-blur variant is the service's transform at one pass (so what it measures at more passes
 * differs from the service only by the threshold), and more passes really change the selection.
 */
class WideBlurBitsTest {

    @Test
    void onePassIsTheServicesTransformAndMorePassesAreNot() {
        ReliableBits service = new ReliableBits(new PairHistogram(FeatureParameters.DEFAULT));
        WideBlurBits onePass = new WideBlurBits(FeatureParameters.DEFAULT, 1);
        WideBlurBits fourPasses = new WideBlurBits(FeatureParameters.DEFAULT, 4);
        SyntheticFingerprints fingers = Population.named("box-mixed").fingers(13);
        SplittableRandom random = new SplittableRandom(13);
        int words = Bits.words(service.cells());
        int differentMasks = 0;
        for (int i = 0; i < 20; i++) {
            List<Minutia> enrollment = SyntheticFingerprints.impression(fingers.master(i), NoiseModel.DEFAULT, random);
            List<Minutia> probe = SyntheticFingerprints.impression(fingers.master(i), NoiseModel.DEFAULT, random);
            long[] mask = new long[words];
            long[] bits = new long[Bits.words(255)];
            long[] mask1 = new long[words];
            long[] bits1 = new long[Bits.words(255)];
            service.enroll(enrollment, 255, mask, bits);
            onePass.enroll(enrollment, 255, mask1, bits1);
            assertThat(mask1, is(mask));
            assertThat(bits1, is(bits));
            service.reproduce(probe, mask, bits);
            onePass.reproduce(probe, mask, bits1);
            assertThat(bits1, is(bits));
            long[] mask4 = new long[words];
            fourPasses.enroll(enrollment, 255, mask4, new long[Bits.words(255)]);
            differentMasks += Bits.distance(mask4, mask) > 0 ? 1 : 0;
        }
        assertThat(differentMasks, is(20));
    }
}
