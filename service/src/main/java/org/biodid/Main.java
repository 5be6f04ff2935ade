package org.biodid;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.WebServer;

import org.biodid.observe.ShutdownSafeLogManager;

/**
 * Starts the BioDID service: configuration from {@code application.yaml} with environment overrides
 * ({@code SERVER_PORT}, {@code DB_CONNECTION_URL}, …), everything else from {@link Wiring}.
 */
public final class Main {

    static {
        // before the first logger exists: the JDK reads this once, when logging starts
        System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
    }

    private static final System.Logger LOGGER = System.getLogger(Main.class.getName());

    private Main() {
    }

    /**
     * Start the server.
     *
     * @param args ignored; configuration comes from files and the environment
     */
    public static void main(String[] args) {
        long started = System.nanoTime();
        LogConfig.configureRuntime();
        Config config = Config.create();
        Wiring wiring = Wiring.create(config, List.of(), Clock.systemUTC(), Metrics.globalRegistry()).start();
        WebServer server = WebServer.builder()
                .update(wiring::server)
                .build()
                .start();
        LOGGER.log(Level.INFO, String.format("BioDID service listening on http://%s:%d (port %d) after %d ms",
                                             config.get("server.host").asString().get(),
                                             server.port(), server.port(),
                                             (System.nanoTime() - started) / 1_000_000));
        wiring.warmUpOverHttp(server.port());
        LOGGER.log(Level.INFO, String.format("BioDID service ready after %d ms",
                                             (System.nanoTime() - started) / 1_000_000));
        if (wiring.compatEnabled()) {
            LOGGER.log(Level.WARNING, "Compatibility routes /api/biometric/generate and /api/biometric/verify are ON "
                    + "(APP_COMPAT_ENABLED=true). They reproduce the original Python servers exactly, and the "
                    + "original verify checks NO biometrics: it only compares helper-data hashes. Do not use them "
                    + "to authenticate anyone.");
        }
    }
}
