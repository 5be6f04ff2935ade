package org.biodid;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import org.biodid.testing.LogCapture;
import org.biodid.testing.TestDatabases;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code APP_REQUIRE_WALLET_SIGNATURE}: the production profile refuses to start with it off, and a development start
 * with it off says so in the log.
 */
class WalletSignatureSwitchTest {

    private static final String KEY = "test-key-switch-admin-0001:enroll+verify+admin";

    @Test
    void productionRefusesToStartWithoutWalletSignatures() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Wiring.create(
                TestDatabases.postgresConfig(Map.of("app.profile", "production", "app.api.keys", KEY,
                                                    "app.require.wallet.signature", "false")), List.of()));
        assertThat(e.getMessage(), containsString("APP_REQUIRE_WALLET_SIGNATURE=false"));
        // the same production configuration with signatures required starts
        Wiring.create(TestDatabases.postgresConfig(Map.of("app.profile", "production", "app.api.keys", KEY,
                                                          "app.require.wallet.signature", "true")), List.of())
                .close();
    }

    @Test
    void developmentWarnsWhenSignaturesAreOff() {
        assertThat(warningsWhenStartedWith("false"), hasSize(1));
        assertThat(warningsWhenStartedWith("false").getFirst(), containsString("does NOT require the wallet's"));
        assertThat(warningsWhenStartedWith("true"), empty());
    }

    private static List<String> warningsWhenStartedWith(String required) {
        try (LogCapture warnings = LogCapture.of(ApiServices.class.getName(), Level.WARNING)) {
            Wiring.create(TestDatabases.postgresConfig(Map.of("app.api.keys", KEY,
                                                              "app.require.wallet.signature", required)), List.of())
                    .close();
            return warnings.lines().stream().filter(l -> l.contains("APP_REQUIRE_WALLET_SIGNATURE")).toList();
        }
    }
}
