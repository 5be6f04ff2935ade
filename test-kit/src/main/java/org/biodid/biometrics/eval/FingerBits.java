package org.biodid.biometrics.eval;

import java.util.List;

import org.biodid.biometrics.Minutia;
import org.biodid.biometrics.feature.FeatureParameters;
import org.biodid.biometrics.feature.PairHistogram;
import org.biodid.biometrics.feature.ReliableBits;
import org.biodid.biometrics.feature.WideBlurBits;

/** One finger's bits at enrollment and at reproduction: the service's transform or an evaluation variant of it. */
interface FingerBits {

    int cells();

    void enroll(List<Minutia> minutiae, int n, long[] mask, long[] bits);

    void reproduce(List<Minutia> minutiae, long[] mask, long[] bits);

    /** The service's transform ({@link ReliableBits}) for 0 passes, otherwise {@link WideBlurBits}. */
    static FingerBits of(FeatureParameters features, int blurPasses) {
        if (blurPasses == 0) {
            ReliableBits bits = new ReliableBits(new PairHistogram(features));
            return new FingerBits() {
                public int cells() {
                    return bits.cells();
                }

                public void enroll(List<Minutia> minutiae, int n, long[] mask, long[] out) {
                    bits.enroll(minutiae, n, mask, out);
                }

                public void reproduce(List<Minutia> minutiae, long[] mask, long[] out) {
                    bits.reproduce(minutiae, mask, out);
                }
            };
        }
        WideBlurBits bits = new WideBlurBits(features, blurPasses);
        return new FingerBits() {
            public int cells() {
                return bits.cells();
            }

            public void enroll(List<Minutia> minutiae, int n, long[] mask, long[] out) {
                bits.enroll(minutiae, n, mask, out);
            }

            public void reproduce(List<Minutia> minutiae, long[] mask, long[] out) {
                bits.reproduce(minutiae, mask, out);
            }
        };
    }
}
