package org.biodid.biometrics.synthetic;

import java.util.List;
import java.util.SplittableRandom;

import org.biodid.biometrics.BiometricValidation;
import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.FingerScan;
import org.biodid.biometrics.Minutia;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * The generator is deterministic, realistic in count and spacing, and produces valid input.
 */
class SyntheticFingerprintsTest {

    @Test
    void mastersAreDeterministicAndRealistic() {
        SyntheticFingerprints a = new SyntheticFingerprints(3);
        SyntheticFingerprints b = new SyntheticFingerprints(3);
        for (int i = 0; i < 50; i++) {
            List<Minutia> master = a.master(i);
            assertThat(master, is(b.master(i)));
            assertThat(master.size(), both(greaterThanOrEqualTo(30)).and(lessThanOrEqualTo(60)));
            for (int j = 0; j < master.size(); j++) {
                for (int k = j + 1; k < master.size(); k++) {
                    double d = Math.hypot(master.get(j).x() - master.get(k).x(), master.get(j).y() - master.get(k).y());
                    assertThat(d >= SyntheticFingerprints.MIN_SPACING, is(true));
                }
            }
            BiometricValidation.validateFinger("f", new FingerScan(FingerId.LEFT_THUMB, master));
        }
    }

    @Test
    void peopleAndImpostorsAreValidInput() {
        SyntheticFingerprints people = new SyntheticFingerprints(8);
        List<FingerScan> scans = people.person(3, List.of(FingerId.LEFT_THUMB, FingerId.RIGHT_LITTLE),
                NoiseModel.DEFAULT, new SplittableRandom(8));
        BiometricValidation.validateFingers("fingers", scans);
        assertThat(scans.get(1).finger(), is(FingerId.RIGHT_LITTLE));
        assertThat(people.impostor(0), is(people.impostor(0)));
        assertThat(people.impostor(0).equals(people.master(0)), is(false));
    }

    @Test
    void impressionsFollowTheNoiseModelAndStayValid() {
        SyntheticFingerprints people = new SyntheticFingerprints(4);
        SplittableRandom random = new SplittableRandom(4);
        int masterTotal = 0;
        int impressionTotal = 0;
        for (int i = 0; i < 200; i++) {
            List<Minutia> master = people.master(i);
            List<Minutia> impression = SyntheticFingerprints.impression(master, NoiseModel.DEFAULT, random);
            BiometricValidation.validateFinger("f", new FingerScan(FingerId.LEFT_THUMB, impression));
            masterTotal += master.size();
            impressionTotal += impression.size();
        }
        // 10 % dropped, 5 % spurious: about 95 % of the master's count
        double ratio = (double) impressionTotal / masterTotal;
        assertThat(ratio > 0.92 && ratio < 0.98, is(true));
        List<Minutia> master = people.master(0);
        assertThat(SyntheticFingerprints.impression(master, NoiseModel.NONE, random).size(), is(master.size()));
    }
}
