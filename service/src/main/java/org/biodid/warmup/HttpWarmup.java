package org.biodid.warmup;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The second half of the warm-up: once the server listens, it sends itself requests over loopback, so that the
 * HTTP path (Helidon's parser and writer, the filters, JSON bodies) is compiled before readiness says UP.
 * <p>
 * Only routes that need no credentials and store nothing are called: the health endpoints, and the compatibility
 * routes when they are on (they touch no database). The API routes share the HTTP path and the biometric code,
 * which {@link Warmup} runs in process. The requests show in the request metrics, as a burst at start.
 */
public final class HttpWarmup {

    private static final System.Logger LOGGER = System.getLogger(HttpWarmup.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FINGERS = {"left_thumb", "left_index", "right_thumb", "right_index"};

    private static final Duration COMPILER_POLL = Duration.ofMillis(50);
    private static final int COMPILER_IDLE_POLLS = 4;

    private final int requests;
    private final Duration budget;
    private final boolean compat;

    /**
     * @param requests requests to send; 0 sends none
     * @param budget   the longest the warm-up may take, whatever the count
     * @param compat   whether the compatibility routes are served
     */
    public HttpWarmup(int requests, Duration budget, boolean compat) {
        this.requests = requests;
        this.budget = budget;
        this.compat = compat;
    }

    /**
     * Send the requests to the server on this host's loopback; a failure ends the warm-up early, never the start.
     *
     * @param port the server's port
     * @return requests answered
     */
    public int run(int port) {
        if (requests <= 0) {
            return 0;
        }
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        SplittableRandom random = new SplittableRandom(20261202L);
        int sent = 0;
        try (LoopbackClient client = new LoopbackClient(port)) {
            while (sent < requests && System.nanoTime() < deadline) {
                boolean lowerCase = (sent & 1) == 0;
                if (compat) {
                    JsonNode enrolled = JSON.readTree(client.exchange(
                            "POST", "/api/biometric/generate", JSON.writeValueAsBytes(generateBody(random)),
                            lowerCase));
                    client.exchange("POST", "/api/biometric/verify", JSON.writeValueAsBytes(verifyBody(enrolled)),
                                    !lowerCase);
                    sent += 2;
                }
                client.exchange("GET", "/health/live", null, lowerCase);
                sent++;
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Warm-up over HTTP stopped after " + sent + " requests: " + e);
        }
        long requestsDone = System.nanoTime();
        long idleAfter = awaitIdleCompiler(deadline);
        LOGGER.log(System.Logger.Level.INFO, String.format("Warm-up: %d requests over HTTP in %d ms, then %d ms "
                + "until the JIT compiler was idle", sent, (requestsDone - start) / 1_000_000, idleAfter));
        return sent;
    }

    /**
     * The JIT keeps compiling what the requests made hot for a while after them, on the same cores the first
     * clients' requests would need. Wait until it has been idle for a moment (or the budget is spent).
     *
     * @return milliseconds waited
     */
    private static long awaitIdleCompiler(long deadline) {
        long start = System.nanoTime();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return 0;
        }
        long last = jit.getTotalCompilationTime();
        int quiet = 0;
        try {
            while (quiet < COMPILER_IDLE_POLLS && System.nanoTime() < deadline) {
                Thread.sleep(COMPILER_POLL);
                long now = jit.getTotalCompilationTime();
                quiet = now == last ? quiet + 1 : 0;
                last = now;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** An enrollment request in the original servers' form: four fingers of random points, a made-up wallet. */
    private static ObjectNode generateBody(SplittableRandom random) {
        ObjectNode body = JSON.createObjectNode();
        body.put("wallet_address", "addr_test1warmup" + random.nextInt(1_000_000));
        body.put("storage", "inline");
        body.put("format", "json");
        body.set("fingers", fingers(random));
        return body;
    }

    private static ObjectNode verifyBody(JsonNode enrolled) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode fingers = body.putArray("fingers");
        enrolled.get("helpers").fieldNames().forEachRemaining(
                finger -> fingers.addObject().put("finger_id", finger).putArray("minutiae").addArray()
                        .add(100.5).add(200.25).add(45.0));
        body.set("helpers", enrolled.get("helpers"));
        body.put("expected_id_hash", enrolled.get("id_hash").asText());
        return body;
    }

    private static ArrayNode fingers(SplittableRandom random) {
        ArrayNode fingers = JSON.createArrayNode();
        for (String finger : FINGERS) {
            ArrayNode minutiae = fingers.addObject().put("finger_id", finger).putArray("minutiae");
            int count = 10 + random.nextInt(30);
            for (int i = 0; i < count; i++) {
                minutiae.addArray().add(Math.round(random.nextDouble(500) * 10) / 10.0)
                        .add(Math.round(random.nextDouble(500) * 10) / 10.0)
                        .add(random.nextDouble(360));
            }
        }
        return fingers;
    }
}
