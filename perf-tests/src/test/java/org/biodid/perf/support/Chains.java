package org.biodid.perf.support;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;

import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The building blocks of every workload: one chain per operation, each a single request whose name is the
 * operation ({@code health}, {@code enroll}, {@code verify}, {@code generate} — the keys of the targets file),
 * whose status and body are checked (a wrong answer is a KO), and whose response time is handed to the
 * {@link RunRecorder} when the request is measured. Warm-up requests run the same chains inside the
 * {@code warmup} group, which keeps them out of the per-request assertions and out of the recorder.
 */
public final class Chains {

    /** Weights of the mixed workload, percent: health ×5, verify ×3, enroll ×1, generate ×1. */
    public static final double HEALTH_WEIGHT = 50;
    /** Verify weight. */
    public static final double VERIFY_WEIGHT = 30;
    /** Enroll weight. */
    public static final double ENROLL_WEIGHT = 10;
    /** Generate weight. */
    public static final double GENERATE_WEIGHT = 10;

    private static final List<String> FINGERS = List.of("left_thumb", "left_index", "left_middle", "left_ring",
                                                        "left_little", "right_thumb", "right_index",
                                                        "right_middle", "right_ring", "right_little");
    /** Impostor captures come from identities far beyond any that a run enrols. */
    private static final long IMPOSTOR_OFFSET = 1L << 40;
    private static final String RT = "biodid.rt";
    private static final String T0 = "biodid.t0";

    private final RunRecorder recorder;
    private final IdentityPool pool;
    private final FingerprintSource prints;
    private final String apiKey;
    private final double impostorShare;
    private final int fingers;
    private final long runNonce;

    /**
     * Chains bound to one run.
     *
     * @param recorder where measured responses go
     * @param pool enrolled identities
     * @param prints fingerprint population
     * @param apiKey value of {@code X-API-Key}
     * @param impostorShare share of verifications sent with another identity's finger (expect {@code false})
     * @param fingers fingers per enrolment and verification (2–10)
     * @param runNonce makes wallet addresses unique per run
     */
    public Chains(RunRecorder recorder, IdentityPool pool, FingerprintSource prints, String apiKey,
                  double impostorShare, int fingers, long runNonce) {
        if (fingers < 2 || fingers > FINGERS.size()) {
            throw new IllegalArgumentException("fingers must be 2..10");
        }
        this.recorder = recorder;
        this.pool = pool;
        this.prints = prints;
        this.apiKey = apiKey;
        this.impostorShare = impostorShare;
        this.fingers = fingers;
        this.runNonce = runNonce;
    }

    /**
     * {@code GET /health}: 200 with {@code status UP}.
     *
     * @param measured record it (false in warm-up)
     * @return chain
     */
    public ChainBuilder health(boolean measured) {
        return timed("health", measured, null,
                     http("health").get("/health"),
                     status().is(200),
                     jsonPath("$.status").is("UP"));
    }

    /**
     * {@code POST /api/v1/did/generate} with a random 32-byte commitment: 200 and exactly the DID derived
     * client-side (BLAKE2b-256, base58btc).
     *
     * @param measured record it
     * @return chain
     */
    public ChainBuilder generate(boolean measured) {
        return exec(session -> {
            byte[] commitment = Dids.commitment(new SplittableRandom(ThreadLocalRandom.current().nextLong()));
            return session.set("generate.body", "{\"commitment\":\"" + Dids.hex(commitment)
                            + "\",\"network\":\"testnet\"}")
                    .set("generate.did", Dids.expectedDid(commitment, "testnet"));
        }).exec(timed("generate", measured, null,
                      http("generate").post("/api/v1/did/generate")
                              .header("X-API-Key", apiKey)
                              .body(StringBody("#{generate.body}")).asJson(),
                      status().is(200),
                      jsonPath("$.did").isEL("#{generate.did}"),
                      jsonPath("$.network").is("testnet")));
    }

    /**
     * {@code POST /api/v1/did/enroll}: a new identity (fresh wallet address, one capture of each finger);
     * 201 with a testnet DID for that wallet, its id hash and helper data. The identity joins the pool that
     * verifications draw from.
     *
     * @param measured record it
     * @return chain
     */
    public ChainBuilder enroll(boolean measured) {
        return exec(session -> {
            long identity = pool.nextIdentity();
            String wallet = Dids.testnetAddress(runNonce, identity);
            SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
            String body = "{\"wallet_address\":\"" + wallet + "\",\"network\":\"testnet\",\"fingers\":"
                    + fingersJson(identity, random) + "}";
            return session.set("enroll.identity", identity).set("enroll.wallet", wallet).set("enroll.body", body);
        }).exec(timed("enroll", measured,
                      session -> pool.add(new IdentityPool.Enrolled(session.getLong("enroll.identity"),
                                                                    session.getString("enroll.wallet"),
                                                                    session.getString("enroll.did"))),
                      http("enroll").post("/api/v1/did/enroll")
                              .header("X-API-Key", apiKey)
                              .body(StringBody("#{enroll.body}")).asJson(),
                      status().is(201),
                      jsonPath("$.did").ofString().saveAs("enroll.did"),
                      jsonPath("$.did").ofString().transform(did -> did.startsWith("did:cardano:testnet:"))
                              .is(true),
                      jsonPath("$.wallet_address").isEL("#{enroll.wallet}"),
                      jsonPath("$.id_hash").exists(),
                      jsonPath("$.helpers").exists()));
    }

    /**
     * {@code POST /api/v1/did/verify} with a fresh capture ({@code fingers} form): a random enrolled
     * identity's own fingers (expect {@code verified: true}), or, for the impostor share, another person's
     * fingers against that identity's wallet (expect {@code verified: false}). 200 and the expected outcome,
     * DID and method, else KO.
     *
     * @param measured record it
     * @return chain
     */
    public ChainBuilder verify(boolean measured) {
        return exec(session -> {
            IdentityPool.Enrolled subject = pool.random();
            SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
            boolean impostor = random.nextDouble() < impostorShare;
            long capturedFrom = impostor ? IMPOSTOR_OFFSET + subject.identity() : subject.identity();
            String body = "{\"wallet_address\":\"" + subject.wallet() + "\",\"timestamp\":"
                    + Instant.now().getEpochSecond() + ",\"fingers\":" + fingersJson(capturedFrom, random) + "}";
            return session.set("verify.body", body)
                    .set("verify.did", subject.did())
                    .set("verify.expected", !impostor);
        }).exec(timed("verify", measured, null,
                      http("verify").post("/api/v1/did/verify")
                              .header("X-API-Key", apiKey)
                              .body(StringBody("#{verify.body}")).asJson(),
                      status().is(200),
                      jsonPath("$.verified").ofBoolean().is(session -> session.getBoolean("verify.expected")),
                      jsonPath("$.did").isEL("#{verify.did}"),
                      jsonPath("$.method").is("fingers")));
    }

    /**
     * One request of the mixed workload: health ×5, verify ×3, enroll ×1, generate ×1.
     *
     * @param measured record it
     * @return chain
     */
    public ChainBuilder mixed(boolean measured) {
        return randomSwitch().on(
                percent(HEALTH_WEIGHT).then(health(measured)),
                percent(VERIFY_WEIGHT).then(verify(measured)),
                percent(ENROLL_WEIGHT).then(enroll(measured)),
                percent(GENERATE_WEIGHT).then(generate(measured)));
    }

    private ChainBuilder timed(String operation, boolean measured, Consumer<Session> onSuccess,
                               HttpRequestActionBuilder request, CheckBuilder... checks) {
        // The response time is saved by the first check, so it is there even when a later check fails.
        HttpRequestActionBuilder checked = request.check(responseTimeInMillis().saveAs(RT)).check(checks);
        return exec(session -> session.remove(RT).set(T0, System.currentTimeMillis()))
                .exec(checked)
                .exec(session -> {
                    boolean ok = !session.isFailed();
                    if (measured) {
                        long start = session.getLong(T0);
                        long responseTime = session.contains(RT) ? session.getLong(RT)
                                : System.currentTimeMillis() - start; // no response at all (connection error)
                        recorder.record(operation, start, responseTime, ok);
                    }
                    if (ok && onSuccess != null) {
                        onSuccess.accept(session);
                    }
                    // One request per outcome: a KO is counted once, here and by Gatling, not carried on.
                    return session.markAsSucceeded();
                });
    }

    private String fingersJson(long identity, SplittableRandom random) {
        StringBuilder json = new StringBuilder(fingers * 1200).append('[');
        for (int finger = 0; finger < fingers; finger++) {
            if (finger > 0) {
                json.append(',');
            }
            json.append("{\"finger_id\":\"").append(FINGERS.get(finger)).append("\",\"minutiae\":[");
            List<double[]> minutiae = prints.impression(identity, finger, random);
            for (int i = 0; i < minutiae.size(); i++) {
                double[] m = minutiae.get(i);
                if (i > 0) {
                    json.append(',');
                }
                json.append(String.format(Locale.ROOT, "[%.1f,%.1f,%.1f]", m[0], m[1], m[2] >= 359.95 ? 0.0 : m[2]));
            }
            json.append("]}");
        }
        return json.append(']').toString();
    }
}
