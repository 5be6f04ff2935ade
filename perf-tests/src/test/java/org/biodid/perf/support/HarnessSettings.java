package org.biodid.perf.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.biodid.perf.model.PerfConfig;

/**
 * Everything a run reads from system properties or the environment ({@link PerfConfig}), read once.
 *
 * @param baseUrls the instances to load (several: round robin per virtual user); empty when the harness starts
 *                 the service
 * @param externalBaseUrl the first of them, or null
 * @param port loopback port of the service the harness starts (-1 for an external one)
 * @param baseUrl where requests go (the first instance)
 * @param apiKey API key
 * @param profile JDK Flight Recorder on the service
 * @param serviceJar the service the harness starts
 * @param serviceJvmArgs its JVM options
 * @param projectDir repository root (commit and branch of the run)
 * @param tolerancePercent baseline tolerance
 * @param slackMs baseline slack
 * @param failOnRegression a regression fails the run
 * @param baselineRuns how many passing runs make the baseline
 * @param maxInFlight requests waiting for the service beyond which the run stops
 * @param allowInconclusive an inconclusive verdict does not fail the build
 * @param failOnHarnessChecks the verdict sets the exit status (false: report only)
 * @param walletSigned enrolments carry a CIP-30 wallet signature and the service started by the harness requires it
 *                     ({@code biodid.service.requireWalletSignature}, default true)
 */
public record HarnessSettings(List<String> baseUrls,
                              String externalBaseUrl,
                              int port,
                              String baseUrl,
                              String apiKey,
                              boolean profile,
                              Path serviceJar,
                              List<String> serviceJvmArgs,
                              Path projectDir,
                              double tolerancePercent,
                              double slackMs,
                              boolean failOnRegression,
                              int baselineRuns,
                              int maxInFlight,
                              boolean allowInconclusive,
                              boolean failOnHarnessChecks,
                              boolean walletSigned) {

    /**
     * The service's JVM options unless {@code biodid.serviceJvmArgs} says otherwise: 256 MiB initial, 1 GiB max, G1
     * (the JVM's own choice on a machine like this one: 2 cores, 24 GiB). ZGC's concurrent threads
     * took the CPU the still-compiling service needed: right after the warm-up the same build answered 4-6 % of
     * the mixed workload with 503 (pool waits) on ZGC and none on G1, and ZGC held 1 GiB RSS where G1 held 340 MiB
     * (docs/performance.md, "Collector and warm-up").
     */
    public static final String DEFAULT_SERVICE_JVM_ARGS = "-Xms256m -Xmx1g -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError";

    /**
     * Read the settings.
     *
     * @return settings
     */
    public static HarnessSettings read() {
        List<String> baseUrls = PerfConfig.get("biodid.baseUrls")
                .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(u -> !u.isEmpty())
                        .map(u -> u.replaceAll("/+$", "")).toList())
                .orElse(List.of());
        String external = PerfConfig.get("biodid.baseUrl").map(u -> u.replaceAll("/+$", ""))
                .or(() -> baseUrls.stream().findFirst())
                .orElse(null);
        int port = external == null ? freeLoopbackPort() : -1;
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        return new HarnessSettings(
                baseUrls, external, port, external != null ? external : "http://127.0.0.1:" + port,
                PerfConfig.get("biodid.apiKey").orElseGet(() -> "perf-" + HexFormat.of().formatHex(key)),
                PerfConfig.getBoolean("biodid.profile", false),
                PerfConfig.getPath("biodid.serviceJar", "../service/target/biodid-service.jar"),
                Arrays.stream(PerfConfig.get("biodid.serviceJvmArgs", DEFAULT_SERVICE_JVM_ARGS).split("\\s+"))
                        .filter(s -> !s.isBlank()).toList(),
                PerfConfig.getPath("biodid.perf.projectDir", ".."),
                PerfConfig.getDouble("biodid.perf.tolerancePercent", 20),
                PerfConfig.getDouble("biodid.perf.slackMs", 2),
                PerfConfig.getBoolean("biodid.perf.failOnRegression", false),
                PerfConfig.getInt("biodid.perf.baselineRuns", 5),
                PerfConfig.getInt("biodid.perf.maxInFlight", 2000),
                PerfConfig.getBoolean("biodid.perf.allowInconclusive", false),
                PerfConfig.getBoolean("biodid.perf.failOnHarnessChecks", true),
                PerfConfig.getBoolean("biodid.service.requireWalletSignature", true));
    }

    /**
     * Whether the harness starts the service itself.
     *
     * @return true unless a base URL was given
     */
    public boolean startsService() {
        return externalBaseUrl == null;
    }

    /** A currently free port on the loopback interface (the service's; its URL goes into every request). */
    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
