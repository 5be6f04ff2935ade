package org.biodid.testing;

import java.util.Base64;

/**
 * The helper-data sealing key every test service uses, so that services started by different tests (and two
 * instances of one test) open each other's rows in the shared test database.
 */
public final class TestKeys {

    /** Base64 of 32 bytes 0x00..0x1f: a test key, never a real one. */
    public static final String HELPER_DATA_KEY = Base64.getEncoder().encodeToString(bytes(32, 0));

    private TestKeys() {
    }

    static byte[] bytes(int n, int first) {
        byte[] raw = new byte[n];
        for (int i = 0; i < n; i++) {
            raw[i] = (byte) (first + i);
        }
        return raw;
    }
}
