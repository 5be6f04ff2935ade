package org.biodid.warmup;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.biodid.biometrics.FingerId;

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
    private static final String[] FINGERS = Warmup.FINGERS.stream().map(FingerId::wireName).toArray(String[]::new);

    /** Requests per round: few enough that the compiler's queue stays short while they run. */
    private static final int ROUND = 400;
    /** A round during which the JIT compiled for no longer than this found the hot paths compiled. */
    private static final long SETTLED_COMPILE_MS = 10;

    private final int requests;
    private final Duration budget;
    private final boolean compat;

    /**
     * @param requests the fewest requests to send; 0 sends none
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
     * <p>
     * The requests go in small rounds, each followed by a wait until the JIT compiler is idle ({@link JitCompiler}
     * says why), and rounds continue after {@code requests} until one makes the compiler work for no more than a few
     * milliseconds. JIT logging of an unpaced warm-up showed BLAKE2b's update method 14,000 calls into it still
     * unprofiled; it was optimized only under the first real client's requests, which waited for the compiler.
     *
     * @param port the server's port
     * @return what was sent and answered
     */
    public Outcome run(int port) {
        if (requests <= 0) {
            return new Outcome(0, 0, false);
        }
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        JitCompiler jit = new JitCompiler();
        Traffic traffic = new Traffic(new SplittableRandom(20261202L));
        int rounds = 0;
        long lastRoundCompiled = -1;
        boolean failed = false;
        try (LoopbackClient client = new LoopbackClient(port)) {
            boolean settled = false;
            while (!(traffic.answered >= requests && settled) && System.nanoTime() < deadline) {
                long before = jit.compiledMillis();
                traffic.send(client, Math.min(ROUND, requests), deadline);
                rounds++;
                jit.awaitIdle(deadline);
                lastRoundCompiled = jit.compiledMillis() - before;
                // a JVM that does not report compilation time reads 0, so one round settles it
                settled = lastRoundCompiled <= SETTLED_COMPILE_MS;
            }
        } catch (IOException | RuntimeException e) {
            failed = true;
            LOGGER.log(System.Logger.Level.WARNING,
                       "Warm-up over HTTP stopped after " + traffic.answered + " requests: " + e);
        }
        LOGGER.log(System.Logger.Level.INFO, String.format(
                "Warm-up: %d requests over HTTP in %d rounds, %d ms; the JIT compiled for %d ms during the last round",
                traffic.answered, rounds, (System.nanoTime() - start) / 1_000_000, lastRoundCompiled));
        return new Outcome(traffic.answered, rounds, failed);
    }

    /**
     * What a warm-up did.
     *
     * @param answered requests answered with 200
     * @param rounds   rounds started
     * @param failed   whether a request failed, which ended the warm-up early
     */
    public record Outcome(int answered, int rounds, boolean failed) {
    }

    /** The warm-up's requests, over one keep-alive connection, and how many were answered. */
    private final class Traffic {

        private final SplittableRandom random;
        private int answered;

        private Traffic(SplittableRandom random) {
            this.random = random;
        }

        /** Send about {@code count} requests (whole groups of them); each one answered is counted at once. */
        private void send(LoopbackClient client, int count, long deadline) throws IOException {
            int target = answered + count;
            while (answered < target && System.nanoTime() < deadline) {
                boolean lowerCase = (answered & 1) == 0;
                if (compat) {
                    ObjectNode enroll = generateBody(random);
                    JsonNode enrolled = JSON.readTree(client.exchange(
                            "POST", "/api/biometric/generate", JSON.writeValueAsBytes(enroll), lowerCase));
                    answered++;
                    client.exchange("POST", "/api/biometric/verify",
                                    JSON.writeValueAsBytes(verifyBody(enroll, enrolled, random.nextBoolean())),
                                    !lowerCase);
                    answered++;
                }
                client.exchange("GET", "/health/live", null, lowerCase);
                answered++;
            }
        }
    }

    /** An enrollment request in the original servers' form: two to four fingers of random points, a made-up wallet. */
    private static ObjectNode generateBody(SplittableRandom random) {
        ObjectNode body = JSON.createObjectNode();
        body.put("wallet_address", "addr_test1warmup" + random.nextInt(1_000_000));
        body.put("storage", "inline");
        body.put("format", "json");
        body.set("fingers", fingers(random));
        return body;
    }

    /** A verification of the enrollment: with its own fingers (a match), or with one made-up point per finger. */
    private static ObjectNode verifyBody(ObjectNode enroll, JsonNode enrolled, boolean genuine) {
        ObjectNode body = JSON.createObjectNode();
        if (genuine) {
            body.set("fingers", enroll.get("fingers"));
        } else {
            ArrayNode fingers = body.putArray("fingers");
            enrolled.get("helpers").fieldNames().forEachRemaining(
                    finger -> fingers.addObject().put("finger_id", finger).putArray("minutiae").addArray()
                            .add(100.5).add(200.25).add(45.0));
        }
        body.set("helpers", enrolled.get("helpers"));
        body.put("expected_id_hash", enrolled.get("id_hash").asText());
        return body;
    }

    private static ArrayNode fingers(SplittableRandom random) {
        ArrayNode fingers = JSON.createArrayNode();
        int count = 2 + random.nextInt(FINGERS.length - 1);
        for (String finger : Arrays.copyOf(FINGERS, count)) {
            ArrayNode minutiae = fingers.addObject().put("finger_id", finger).putArray("minutiae");
            int points = 10 + random.nextInt(30);
            for (int i = 0; i < points; i++) {
                minutiae.addArray().add(Math.round(random.nextDouble(500) * 10) / 10.0)
                        .add(Math.round(random.nextDouble(500) * 10) / 10.0)
                        .add(random.nextDouble(360));
            }
        }
        return fingers;
    }
}
