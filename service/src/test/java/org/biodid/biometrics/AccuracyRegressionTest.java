package org.biodid.biometrics;

import java.security.SecureRandom;
import java.util.List;
import java.util.SplittableRandom;

import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * A small, fixed-seed version of the evaluation, with bounds from measured behaviour (see docs/biometrics.md:
 * 0.125 % FRR and 1.8 % FAR per finger at the default noise): the statistical spread of a sample this size around the
 * documented rates, no more. A change that moves these numbers must also update the documented table.
 */
class AccuracyRegressionTest {

    private static final int PEOPLE = 120;
    private static final int IMPOSTORS = 600;

    @Test
    void errorRatesAtDefaultNoiseStayNearTheMeasuredOnes() {
        BiometricEngine engine = new BiometricEngine(BiometricParameters.DEFAULT, VerificationPolicy.ALL,
                new SecureRandom());
        FuzzyExtractor extractor = engine.extractor();
        SubjectContext context = new SubjectContext(TestFingers.WALLET, TestFingers.NETWORK);
        SyntheticFingerprints people = new SyntheticFingerprints(20261128L);
        SplittableRandom random = new SplittableRandom(1);
        Enrollment[] enrolled = new Enrollment[PEOPLE];
        int fingerRejects = 0;
        int identityRejects = 0;
        for (int p = 0; p < PEOPLE; p++) {
            enrolled[p] = engine.enroll(TestFingers.WALLET, TestFingers.NETWORK,
                    TestFingers.person(people, p, NoiseModel.DEFAULT, random));
            List<FingerScan> fresh = TestFingers.person(people, p, NoiseModel.DEFAULT, random);
            VerificationResult result = engine.verify(TestFingers.WALLET, TestFingers.NETWORK, enrolled[p].helpers(),
                    enrolled[p].commitment(), fresh);
            fingerRejects += result.unmatched().size();
            identityRejects += result.verified() ? 0 : 1;
        }
        int fingerAccepts = 0;
        int identityAccepts = 0;
        for (int a = 0; a < IMPOSTORS; a++) {
            List<FingerScan> other = TestFingers.person(people, 1_000_000 + a, NoiseModel.DEFAULT, random);
            Enrollment target = enrolled[a % PEOPLE];
            int ok = 0;
            for (FingerScan scan : other) {
                ok += extractor.reproduce(context, target.helpers().get(scan.finger()), scan).isPresent() ? 1 : 0;
            }
            fingerAccepts += ok;
            identityAccepts += engine.verify(TestFingers.WALLET, TestFingers.NETWORK, target.helpers(),
                    target.commitment(), other).verified() ? 1 : 0;
        }
        // Measured with these seeds (the counts are deterministic for a seed): 1 of 480 genuine fingers rejected, 1 of
        // 120 identities, 41 of 2,400 impostor fingers accepted (1.7 %), no impostor identity. The bounds are those a
        // sample of this size allows, at 3.3 standard deviations (Poisson for the rare rejects), around the rates the
        // full evaluation measured (docs/biometrics.md, 1.00 x default noise: FRR 0.125 % per finger and 0.5 % per
        // identity, FAR 1.813 % per finger of 400,000, 0 of 100,000 identities). A change that moves a count outside
        // them moved the rate itself, and must be re-measured and documented. The bounds come to: at most 3 finger
        // rejects (was 8), at most 3 identity rejects (was 6), 22 to 65 impostor finger accepts (was 10 to 96).
        assertThat(fingerRejects, lessThanOrEqualTo(upperBound(4 * PEOPLE, 0.00125)));
        assertThat(identityRejects, lessThanOrEqualTo(upperBound(PEOPLE, 0.005)));
        assertThat(fingerAccepts, lessThanOrEqualTo(upperBound(4 * IMPOSTORS, 0.01813)));
        assertThat(fingerAccepts, greaterThanOrEqualTo(lowerBound(4 * IMPOSTORS, 0.01813)));
        assertThat(identityAccepts, is(0));
    }

    private static final double Z = 3.3;

    /** mean + Z sd of a binomial count, the sd never below that of a Poisson count of at least 1 (rare events). */
    private static int upperBound(int n, double p) {
        double mean = n * p;
        return (int) Math.floor(mean + Z * Math.sqrt(Math.max(1.0, mean * (1 - p))));
    }

    private static int lowerBound(int n, double p) {
        double mean = n * p;
        return (int) Math.ceil(mean - Z * Math.sqrt(mean * (1 - p)));
    }
}
