package org.biodid.perf.support;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.http;

import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.FingerScan;

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

    private static final List<FingerId> FINGERS = List.of(FingerId.values());
    /** Impostor captures come from identities far beyond any that a run enrols. */
    private static final long IMPOSTOR_OFFSET = 1L << 40;
    private static final String RT = "biodid_rt";
    private static final String T0 = "biodid_t0";
    private static final String ST = "biodid_status";
    private static final String SENT = "biodid_sent";
    /** Verification kinds: what answer is right, and whether a rejection is a biometric outcome. */
    private static final String GENUINE_CAPTURE = "genuine_capture";
    private static final String GENUINE_PROOF = "genuine_proof";
    private static final String IMPOSTOR = "impostor";

    private final RunRecorder recorder;
    private final IdentityPool pool;
    private final FingerprintSource prints;
    private final String apiKey;
    private final double impostorShare;
    private final double proofShare;
    private final int fingers;
    private final long runNonce;
    private final int maxInFlight;
    private final boolean walletSigned;
    private final ClientProofs proofs = new ClientProofs();

    /**
     * Chains bound to one run.
     *
     * @param recorder where measured responses go
     * @param pool enrolled identities
     * @param prints fingerprint population
     * @param apiKey value of {@code X-API-Key}
     * @param impostorShare share of verifications sent by an impostor (expect {@code false})
     * @param proofShare share of verifications in the {@code biometric_hash} form (the rest send fingers)
     * @param fingers fingers per enrolment and verification (2–10)
     * @param runNonce makes wallet addresses unique per run
     * @param maxInFlight requests waiting for an answer at once beyond which the run is stopped (the service has
     *                    collapsed; more arrivals would exhaust the load generator's sockets and heap)
     * @param walletSigned every enrolment carries its wallet's CIP-30 signature over a fresh enroll challenge
     */
    public Chains(RunRecorder recorder, IdentityPool pool, FingerprintSource prints, String apiKey,
                  double impostorShare, double proofShare, int fingers, long runNonce, int maxInFlight,
                  boolean walletSigned) {
        if (fingers < 2 || fingers > FINGERS.size()) {
            throw new IllegalArgumentException("fingers must be 2..10");
        }
        this.recorder = recorder;
        this.pool = pool;
        this.prints = prints;
        this.apiKey = apiKey;
        this.impostorShare = impostorShare;
        this.proofShare = proofShare;
        this.fingers = fingers;
        this.runNonce = runNonce;
        this.maxInFlight = maxInFlight;
        this.walletSigned = walletSigned;
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
            return session.set("generate_body", "{\"commitment\":\"" + Dids.hex(commitment)
                            + "\",\"network\":\"testnet\"}")
                    .set("generate_did", Dids.expectedDid(commitment, "testnet"));
        }).exec(timed("generate", measured, null,
                      http("generate").post("/api/v1/did/generate")
                              .header("X-API-Key", apiKey)
                              .body(StringBody("#{generate_body}")).asJson(),
                      status().is(200),
                      jsonPath("$.did").isEL("#{generate_did}"),
                      jsonPath("$.network").is("testnet")));
    }

    /**
     * {@code POST /api/v1/did/enroll}: a new identity (fresh wallet, one capture of each finger), signed by its
     * wallet over an enroll challenge ({@code POST /api/v1/wallet/challenges}) unless {@code walletSigned} is off;
     * 201 with a testnet DID for that wallet, its id hash and helper data. The identity joins the pool that
     * verifications draw from.
     *
     * @param measured record it
     * @return chain
     */
    public ChainBuilder enroll(boolean measured) {
        ChainBuilder chain = exec(session -> {
            long identity = pool.nextIdentity();
            Dids.Wallet wallet = Dids.wallet(runNonce, identity);
            return session.set("enroll_identity", identity).set("enroll_wallet", wallet.address())
                    .set("enroll_signer", wallet).remove("enroll_challenge");
        });
        if (walletSigned) {
            // The wallet's consent first: an enroll challenge for its address, which it signs below. Not recorded
            // as an operation (the enroll targets are the enrolment request's); Gatling reports it by its name.
            chain = chain.exec(timed("wallet_challenge", false, null,
                    http("wallet_challenge").post("/api/v1/wallet/challenges")
                            .header("X-API-Key", apiKey)
                            .body(StringBody("{\"wallet_address\":\"#{enroll_wallet}\",\"action\":\"enroll\"}"))
                            .asJson(),
                    status().is(201),
                    jsonPath("$.payload").ofString().saveAs("enroll_challenge")));
        }
        return chain.doIf(session -> !walletSigned || session.contains("enroll_challenge")).then(exec(session -> {
            long identity = session.getLong("enroll_identity");
            Dids.Wallet wallet = session.get("enroll_signer");
            SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
            String signature = walletSigned
                    ? ",\"wallet_signature\":" + wallet.signatureJson(session.getString("enroll_challenge")) : "";
            String body = "{\"wallet_address\":\"" + wallet.address() + "\",\"network\":\"testnet\",\"fingers\":"
                    + CaptureJson.fingers(scans(identity, random)) + signature + "}";
            return session.set("enroll_body", body);
        }).exec(timed("enroll", measured, null,
                      http("enroll").post("/api/v1/did/enroll")
                              .header("X-API-Key", apiKey)
                              .body(StringBody("#{enroll_body}")).asJson(),
                      status().is(201),
                      jsonPath("$.did").ofString().saveAs("enroll_did"),
                      jsonPath("$.did").ofString().transform(did -> did.startsWith("did:cardano:testnet:"))
                              .is(true),
                      jsonPath("$.wallet_address").isEL("#{enroll_wallet}"),
                      jsonPath("$.id_hash").exists(),
                      jsonPath("$.helpers.data").ofString().saveAs("enroll_helper"))));
    }

    /**
     * {@code POST /api/v1/did/verify} for a random enrolled identity, in one of two forms:
     * <ul>
     *     <li>{@code fingers}: a fresh capture of the identity's own fingers (expect {@code verified: true}), or,
     *     for the impostor share, of another person's fingers against that wallet (expect {@code false});</li>
     *     <li>{@code biometric_hash} (share {@code proofShare}): the wallet's proof, computed with the project's
     *     client code from the public helper data and a fresh capture (expect {@code true}); an impostor, who
     *     cannot reproduce the key, sends a made-up proof (expect {@code false}).</li>
     * </ul>
     * 200 with the expected outcome, DID and method, else KO.
     *
     * @param measured record it
     * @return chain
     */
    public ChainBuilder verify(boolean measured) {
        return exec(session -> {
            IdentityPool.Enrolled subject = pool.random();
            SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
            boolean impostor = random.nextDouble() < impostorShare;
            long now = Instant.now().getEpochSecond();
            String evidence = null;
            String method = "biometric_hash";
            long timestamp = now;
            if (random.nextDouble() < proofShare) {
                if (impostor) {
                    byte[] madeUp = new byte[32];
                    random.nextBytes(madeUp);
                    evidence = "\"biometric_hash\":\"" + Dids.hex(madeUp) + "\"";
                } else {
                    byte[] key = proofKey(subject, random);
                    if (key != null) {
                        timestamp = subject.nextProofTimestamp(now);
                        evidence = "\"biometric_hash\":\"" + ClientProofs.proof(key, subject.wallet(), "testnet",
                                                                                 timestamp) + "\"";
                    }
                }
            }
            if (evidence == null) {
                method = "fingers";
                long capturedFrom = impostor ? IMPOSTOR_OFFSET + subject.identity() : subject.identity();
                evidence = "\"fingers\":" + CaptureJson.fingers(scans(capturedFrom, random));
            }
            String body = "{\"wallet_address\":\"" + subject.wallet() + "\",\"timestamp\":" + timestamp + ","
                    + evidence + "}";
            String kind = impostor ? IMPOSTOR : method.equals("fingers") ? GENUINE_CAPTURE : GENUINE_PROOF;
            return session.set("verify_body", body)
                    .set("verify_did", subject.did())
                    .set("verify_method", method)
                    .set("verify_kind", kind)
                    .remove("verify_answer");
        }).exec(timed("verify", measured, this::countVerification,
                      http("verify").post("/api/v1/did/verify")
                              .header("X-API-Key", apiKey)
                              .body(StringBody("#{verify_body}")).asJson(),
                      status().is(200),
                      jsonPath("$.verified").ofBoolean().saveAs("verify_answer"),
                      // Right: an impostor refused, a genuine proof accepted. A genuine fresh capture may be
                      // refused: that is the matcher's false-reject rate (counted apart), not a wrong answer.
                      jsonPath("$.verified").ofBoolean()
                              .transformWithSession((verified, session) -> switch (session.getString("verify_kind")) {
                                  case IMPOSTOR -> !verified;
                                  case GENUINE_PROOF -> verified;
                                  default -> true;
                              }).is(true),
                      jsonPath("$.did").isEL("#{verify_did}"),
                      jsonPath("$.method").isEL("#{verify_method}")));
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

    private ChainBuilder timed(String operation, boolean measured, Consumer<Session> onMeasured,
                               HttpRequestActionBuilder request, CheckBuilder... checks) {
        // The response time and the status are saved by the first checks, so they are there even when a later
        // check fails.
        HttpRequestActionBuilder checked = request.check(responseTimeInMillis().saveAs(RT), status().saveAs(ST))
                .check(checks);
        return exec(session -> session.remove(RT).remove(ST).set(T0, System.currentTimeMillis())
                .set(SENT, recorder.admit(maxInFlight)))
                .doIfOrElse(session -> session.getBoolean(SENT)).then(exec(checked).exec(session -> {
                    recorder.done();
                    boolean ok = !session.isFailed();
                    if (measured) {
                        long start = session.getLong(T0);
                        long responseTime = session.contains(RT) ? session.getLong(RT)
                                : System.currentTimeMillis() - start; // no response at all (timeout, connection)
                        int status = session.contains(ST) ? session.getInt(ST) : 0;
                        RunRecorder.Outcome outcome = ok ? RunRecorder.Outcome.OK
                                : status == 0 || status >= 500 ? RunRecorder.Outcome.SERVER_FAULT
                                : RunRecorder.Outcome.WRONG_ANSWER;
                        if (recorder.record(operation, start, responseTime, outcome) && onMeasured != null) {
                            onMeasured.accept(session);
                        }
                    }
                    if (ok && onSuccess(operation) != null) {
                        onSuccess(operation).accept(session);
                    }
                    // One request per outcome: a KO is counted once, here and by Gatling, not carried on.
                    return session.markAsSucceeded();
                }))
                // Bounded run: once the service has stopped keeping up, no request is sent any more and the first
                // user turned away stops the load generator (the verdict decides fail or inconclusive).
                .orElse(exec(session -> {
                    recorder.done();
                    return session;
                }).exec(stopLoadGeneratorIf(session -> "stopped: " + recorder.aborted(),
                                            session -> recorder.firstToStop())));
    }

    /** Enrolments join the pool that verifications draw from. */
    private Consumer<Session> onSuccess(String operation) {
        return operation.equals("enroll")
                ? session -> pool.add(new IdentityPool.Enrolled(session.getLong("enroll_identity"),
                                                                session.getString("enroll_wallet"),
                                                                session.getString("enroll_did"),
                                                                session.getString("enroll_helper")))
                : null;
    }

    /** Biometric outcomes of a measured verification: false rejects of genuine captures, impostors accepted. */
    private void countVerification(Session session) {
        if (!session.contains("verify_answer")) {
            return;
        }
        boolean verified = session.getBoolean("verify_answer");
        switch (session.getString("verify_kind")) {
            case GENUINE_CAPTURE -> recorder.genuineCapture(!verified);
            case IMPOSTOR -> {
                if (verified) {
                    recorder.impostorAccepted();
                    // Rare and serious: keep everything needed to replay it offline against the stored helper data.
                    System.out.println("IMPOSTOR ACCEPTED as " + session.getString("verify_did") + ": request "
                                               + session.getString("verify_body"));
                }
            }
            default -> {
            }
        }
    }

    /**
     * The identity's proof key, reproduced once (like a wallet after a fresh scan) and then kept; null when five
     * fresh captures in a row do not reproduce (the verification then uses the fingers form).
     */
    private byte[] proofKey(IdentityPool.Enrolled subject, SplittableRandom random) {
        byte[] key = subject.proofKey().get();
        for (int attempt = 0; key == null && attempt < 5; attempt++) {
            Optional<byte[]> reproduced = proofs.reproduceProofKey(subject, "testnet",
                                                                   scans(subject.identity(), random));
            if (reproduced.isPresent()) {
                key = reproduced.get();
                subject.proofKey().set(key);
            }
        }
        return key;
    }

    private List<FingerScan> scans(long identity, SplittableRandom random) {
        List<FingerScan> scans = new ArrayList<>(fingers);
        for (int finger = 0; finger < fingers; finger++) {
            scans.add(new FingerScan(FINGERS.get(finger), prints.impression(identity, finger, random)));
        }
        return scans;
    }

}
