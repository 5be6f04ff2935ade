package org.biodid.biometrics.feature;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The selection of the most reliable cells agrees with a full sort.
 */
class ReliableBitsTest {

    @Test
    void selectLargestMatchesSorting() {
        SplittableRandom random = new SplittableRandom(12);
        for (int trial = 0; trial < 500; trial++) {
            int length = 1 + random.nextInt(700);
            int count = random.nextInt(length + 1);
            long[] keys = random.longs(length).distinct().toArray();
            length = keys.length;
            count = Math.min(count, length);
            long[] expected = keys.clone();
            Arrays.sort(expected);
            ReliableBits.selectLargest(keys, length, count);
            long[] top = Arrays.copyOfRange(keys, length - count, length);
            Arrays.sort(top);
            assertThat(Arrays.equals(top, Arrays.copyOfRange(expected, length - count, length)), is(true));
        }
    }
}
