package org.biodid.biometrics;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.biodid.biometrics.synthetic.NoiseModel;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;

/**
 * Shared fixtures: synthetic people with four fingers.
 */
final class TestFingers {

    static final String WALLET = "addr_test1qz2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer3jcu5d8ps7zex2k2xt3uqxgjqnnj83ws8lhrn648jjxtwq2ytjqp";
    static final String NETWORK = "testnet";
    static final FingerId[] FOUR = {FingerId.LEFT_THUMB, FingerId.LEFT_INDEX, FingerId.RIGHT_THUMB, FingerId.RIGHT_INDEX};

    private TestFingers() {
    }

    static List<FingerScan> person(SyntheticFingerprints people, long person, NoiseModel noise, SplittableRandom random) {
        List<FingerScan> scans = new ArrayList<>();
        for (int i = 0; i < FOUR.length; i++) {
            scans.add(new FingerScan(FOUR[i], SyntheticFingerprints.impression(people.master(person * 4 + i), noise, random)));
        }
        return scans;
    }
}
