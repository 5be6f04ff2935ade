package org.biodid.testing;

import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/**
 * The service's own {@code application.yaml} (from the classpath) under a test's keys, without environment
 * variables or system properties: the one place a default lives is the yaml, so tests that build a setting from
 * configuration start from it rather than repeating its values.
 */
public final class TestConfigs {

    private TestConfigs() {
    }

    /**
     * {@code application.yaml} with the given keys taking precedence.
     *
     * @param overrides keys taking precedence
     * @return configuration
     */
    public static Config applicationYaml(Map<String, String> overrides) {
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(overrides))
                .addSource(ConfigSources.classpath("application.yaml"))
                .build();
    }
}
