package org.biodid.testing;

import java.util.List;

import org.biodid.secrets.Sealer;
import org.biodid.secrets.SealingKey;

/**
 * Sealers for tests that read or write sealed rows directly, under the key every test service uses.
 */
public final class TestSealers {

    private TestSealers() {
    }

    /**
     * @return a sealer with {@link TestKeys#HELPER_DATA_KEY}
     */
    public static Sealer sealer() {
        return new Sealer(SealingKey.parse("test", TestKeys.HELPER_DATA_KEY), List.of());
    }
}
