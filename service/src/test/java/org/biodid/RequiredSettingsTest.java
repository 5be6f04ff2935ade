package org.biodid;

import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.MissingValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.biodid.budget.BudgetSettings;
import org.biodid.connection.Linger;
import org.biodid.limits.RateLimiters;
import org.biodid.secrets.SealingKeys;
import org.biodid.testing.TestConfigs;
import org.biodid.testing.TestKeys;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * application.yaml is the one place a setting's default lives: without it, the settings read in Java fall back to
 * nothing and name the key that is missing.
 */
class RequiredSettingsTest {

    private static final Config EMPTY = Config.empty();

    @Test
    void withoutApplicationYamlEachSettingNamesItsMissingKey() {
        assertMissing("app.verify.failures.limit", () -> BudgetSettings.from(EMPTY.get("app.verify.failures")));
        assertMissing("app.linger.time", () -> Linger.from(EMPTY));
        assertMissing("app.rate.limit.rps", () -> RateLimiters.create(EMPTY, null));
        assertMissing("app.data.dir", () -> SealingKeys.sealer(EMPTY, false));
        Config keyOnly = Config.just(ConfigSources.create(Map.of("app.helper.data.key", TestKeys.HELPER_DATA_KEY)));
        assertMissing("app.helper.data.previous", () -> SealingKeys.sealer(keyOnly, false));
    }

    @Test
    void applicationYamlHasEveryOneOfThem() {
        Config yaml = TestConfigs.applicationYaml(Map.of("app.helper.data.key", TestKeys.HELPER_DATA_KEY));
        BudgetSettings.from(yaml.get("app.verify.failures"));
        Linger.from(yaml);
        RateLimiters.create(yaml, null).close();
        SealingKeys.sealer(yaml, false);
    }

    private static void assertMissing(String key, Executable read) {
        assertThat(assertThrows(MissingValueException.class, read).getMessage(), containsString(key));
    }
}
