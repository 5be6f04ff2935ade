package org.biodid.api;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.biodid.biometrics.BiometricEngine;
import org.biodid.biometrics.ClientProof;
import org.biodid.biometrics.FingerId;
import org.biodid.biometrics.FusedHelperData;
import org.biodid.biometrics.SubjectContext;
import org.biodid.biometrics.VerificationResult;
import org.biodid.did.CardanoDid;
import org.biodid.did.DidDerivation;
import org.biodid.did.Network;
import org.biodid.did.WalletAddress;
import org.biodid.observe.BiometricTimers;
import org.biodid.store.DuplicateEnrollmentException;
import org.biodid.store.Enrollment;
import org.biodid.store.EnrollmentRepository;
import org.biodid.store.IdempotencyRecord;
import org.biodid.store.IdempotencyRepository;
import org.biodid.store.UsedProofRepository;

/**
 * The DID routes under {@code /api/v1/did}: enroll, verify (fresh scan or client proof), batch verify, generate,
 * resolve, revoke and list.
 */
public final class DidService implements HttpService {

    private static final System.Logger AUDIT = System.getLogger("org.biodid.audit");
    private static final HeaderName IDEMPOTENCY_KEY = HeaderNames.create("Idempotency-Key");
    private static final HeaderName IDEMPOTENT_REPLAYED = HeaderNames.create("Idempotent-Replayed");
    private static final Pattern SANE_IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,255}");
    private static final Status UNPROCESSABLE_422 = Status.create(422, "Unprocessable Content");
    private static final int MAX_BATCH = 100;
    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;

    private final BiometricEngine engine;
    private final BiometricTimers timers;
    private final EnrollmentRepository enrollments;
    private final IdempotencyRepository idempotency;
    private final UsedProofRepository usedProofs;
    private final Access access;
    private final DidResolver resolver;
    private final Network defaultNetwork;
    private final Duration freshness;
    private final Clock clock;

    /**
     * @param engine         biometric engine
     * @param timers         biometric timers
     * @param enrollments    enrollment store
     * @param idempotency    stored first responses
     * @param usedProofs     replay protection
     * @param access         authentication, authorization and rate limits
     * @param resolver       DID resolution
     * @param defaultNetwork network assumed when a request names none
     * @param freshness      allowed distance of a verification timestamp from now
     * @param clock          clock
     */
    public DidService(BiometricEngine engine,
                      BiometricTimers timers,
                      EnrollmentRepository enrollments,
                      IdempotencyRepository idempotency,
                      UsedProofRepository usedProofs,
                      Access access,
                      DidResolver resolver,
                      Network defaultNetwork,
                      Duration freshness,
                      Clock clock) {
        this.engine = engine;
        this.timers = timers;
        this.enrollments = enrollments;
        this.idempotency = idempotency;
        this.usedProofs = usedProofs;
        this.access = access;
        this.resolver = resolver;
        this.defaultNetwork = defaultNetwork;
        this.freshness = freshness;
        this.clock = clock;
    }

    /**
     * @return the resolver this service answers {@code GET /{did}} with
     */
    public DidResolver resolver() {
        return resolver;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/enroll", this::enroll)
                .post("/verify", this::verify)
                .post("/verify/batch", this::verifyBatch)
                .post("/generate", this::generate)
                .get("/{did}", resolver::resolve)
                .delete("/{did}", this::revoke)
                .get(this::list);
    }

    private void enroll(ServerRequest req, ServerResponse res) {
        Caller caller = access.require(req, res, Scope.ENROLL);
        Optional<String> idempotencyKey = idempotencyKey(req);
        byte[] rawBody = JsonBodies.readBytes(req);
        String requestHash = HexFormat.of().formatHex(ApiKeys.sha256(rawBody));
        if (idempotencyKey.isPresent()) {
            Optional<IdempotencyRecord> earlier = idempotency.find(caller.keyId(), idempotencyKey.get());
            if (earlier.isPresent()) {
                replay(req, res, earlier.get(), requestHash);
                return;
            }
        }
        DidRequests.Enroll command = DidRequests.enroll(JsonBodies.parse(rawBody), defaultNetwork);
        String wallet = command.wallet().text();
        org.biodid.biometrics.Enrollment biometric = timers.gen(
                () -> engine.enroll(wallet, command.network().id(), command.fingers()));
        CardanoDid did = DidDerivation.derive(biometric.commitment(), command.network());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ObjectNode helpers = HelperJson.toJson(biometric.helper());
        ObjectNode body = enrollmentResponse(did.toString(), command, biometric.idHashHex(), helpers, now);
        String bodyText = body.toString();
        Enrollment row = new Enrollment(did.toString(), wallet, command.network().id(), biometric.commitment(),
                                        biometric.proofKey(), biometric.idHashHex(), helpers.toString(), now, null);
        try {
            enrollments.insert(row, idempotencyKey.map(key -> new IdempotencyRecord(
                    caller.keyId(), key, requestHash, Status.CREATED_201.code(), bodyText, now)));
        } catch (DuplicateEnrollmentException e) {
            if (idempotencyKey.isPresent()) {
                // A concurrent retry with the same key may have won the race; it answers for both.
                Optional<IdempotencyRecord> winner = idempotency.find(caller.keyId(), idempotencyKey.get());
                if (winner.isPresent()) {
                    replay(req, res, winner.get(), requestHash);
                    return;
                }
            }
            audit("enroll", req, caller, "conflict", null);
            throw new ApiException(Status.CONFLICT_409, "DID_ALREADY_ENROLLED", "DID already enrolled",
                                   "This wallet already controls an active DID; revoke it before enrolling again",
                                   List.of());
        }
        audit("enroll", req, caller, "created", did.toString());
        res.header(HeaderNames.LOCATION, "/api/v1/did/" + did);
        JsonBodies.sendRaw(req, res, Status.CREATED_201, bodyText.getBytes(StandardCharsets.UTF_8),
                           "application/json");
    }

    private ObjectNode enrollmentResponse(String did, DidRequests.Enroll command, String idHash, ObjectNode helpers,
                                          Instant now) {
        String wallet = command.wallet().text();
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        body.put("did", did);
        body.put("wallet_address", wallet);
        body.put("network", command.network().id());
        body.put("id_hash", idHash);
        body.set("helpers", helpers);
        ObjectNode cip20 = body.putObject("metadata").putObject("674");
        cip20.put("version", "1.1");
        cip20.put("did", did);
        cip20.putArray("controllers").add(wallet);
        ObjectNode biometric = cip20.putObject("biometric");
        biometric.put("idHash", idHash);
        biometric.put("helperStorage", "inline");
        biometric.set("helperData", helpers);
        cip20.put("enrollmentTimestamp", now.toString());
        cip20.put("revoked", false);
        cip20.putNull("revokedAt");
        body.put("created_at", now.toString());
        return body;
    }

    private void replay(ServerRequest req, ServerResponse res, IdempotencyRecord earlier, String requestHash) {
        if (!earlier.requestHash().equals(requestHash)) {
            throw new ApiException(UNPROCESSABLE_422, "IDEMPOTENCY_KEY_REUSED",
                                   "Idempotency key reused",
                                   "This Idempotency-Key was used with a different request body", List.of());
        }
        res.header(IDEMPOTENT_REPLAYED, "true");
        if (earlier.status() == Status.CREATED_201.code()) {
            JsonNode body = JsonBodies.parse(earlier.body().getBytes(StandardCharsets.UTF_8));
            res.header(HeaderNames.LOCATION, "/api/v1/did/" + body.get("did").asText());
        }
        JsonBodies.sendRaw(req, res, Status.create(earlier.status()), earlier.body().getBytes(StandardCharsets.UTF_8),
                           "application/json");
    }

    private void verify(ServerRequest req, ServerResponse res) {
        Caller caller = access.require(req, res, Scope.VERIFY);
        DidRequests.Verify command = DidRequests.verify(JsonBodies.read(req), "");
        ObjectNode result = verifyOne(command, "");
        audit("verify", req, caller, result.get("verified").asBoolean() ? "verified"
                : result.get("reason").asText(), result.get("did").asText());
        JsonBodies.send(req, res, Status.OK_200, result);
    }

    private void verifyBatch(ServerRequest req, ServerResponse res) {
        Caller caller = access.require(req, res, Scope.VERIFY);
        JsonNode body = JsonFields.object(JsonBodies.read(req), "", java.util.Set.of("requests"));
        JsonNode items = JsonFields.requiredArray(body, "requests", "", 1, MAX_BATCH);
        String requestId = RequestId.of(req);
        List<Future<JsonNode>> futures = new ArrayList<>(items.size());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < items.size(); i++) {
                String path = "requests[" + i + "]";
                JsonNode item = items.get(i);
                futures.add(pool.submit(() -> verifyItem(item, path, requestId)));
            }
            ArrayNode results = JsonBodies.MAPPER.createArrayNode();
            for (Future<JsonNode> future : futures) {
                results.add(future.get());
            }
            audit("verify_batch", req, caller, "items=" + items.size(), null);
            JsonBodies.send(req, res, Status.OK_200, JsonBodies.MAPPER.createObjectNode().set("results", results));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted while verifying the batch");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private JsonNode verifyItem(JsonNode item, String path, String requestId) {
        try {
            return verifyOne(DidRequests.verify(item, path), path);
        } catch (ApiException e) {
            return JsonBodies.MAPPER.valueToTree(Problem.of(e, requestId));
        } catch (org.biodid.did.InvalidFieldException e) {
            return JsonBodies.MAPPER.valueToTree(Problem.of(ApiException.invalidField(e.field(), e.reason()),
                                                            requestId));
        } catch (org.biodid.biometrics.BiometricInputException e) {
            return JsonBodies.MAPPER.valueToTree(Problem.of(ApiException.invalidField(e.field(), e.reason()),
                                                            requestId));
        }
    }

    private ObjectNode verifyOne(DidRequests.Verify command, String path) {
        if (!ClientProof.isFresh(command.timestamp(), clock, freshness)) {
            throw new ApiException(Status.BAD_REQUEST_400, "STALE_TIMESTAMP", "Stale timestamp",
                                   (path.isEmpty() ? "" : path + ".") + "timestamp is more than "
                                           + freshness.toSeconds() + " s away from the server's time",
                                   List.of(new ApiException.FieldError(JsonFields.join(path, "timestamp"),
                                                                       "outside the freshness window")));
        }
        Enrollment enrollment = subject(command, path);
        if (command.wallet() != null && !command.wallet().text().equals(enrollment.walletAddress())) {
            throw ApiException.invalidField(JsonFields.join(path, "did"), "is not controlled by wallet_address");
        }
        String method = command.fingers() != null ? "fingers" : "biometric_hash";
        if (enrollment.revoked()) {
            return verifyResponse(false, enrollment, method, List.of(), "revoked");
        }
        FusedHelperData helper = HelperJson.fromStored(enrollment.helperData());
        if (command.fingers() != null) {
            VerificationResult result = timers.rep(() -> engine.verify(enrollment.walletAddress(),
                                                                       enrollment.network(), helper,
                                                                       enrollment.commitment(),
                                                                       command.fingers()));
            return verifyResponse(result.verified(), enrollment, method,
                                  result.matched().stream().map(FingerId::wireName).toList(),
                                  result.verified() ? null : "no_match");
        }
        SubjectContext context = new SubjectContext(enrollment.walletAddress(), enrollment.network());
        ClientProof.Outcome outcome = enrollment.proofKey() == null
                ? ClientProof.Outcome.INVALID
                : ClientProof.check(enrollment.proofKey(), context, command.timestamp(), command.proof(), clock,
                                    freshness);
        if (outcome != ClientProof.Outcome.VALID) {
            return verifyResponse(false, enrollment, method, List.of(), "no_match");
        }
        Instant expires = Instant.ofEpochSecond(command.timestamp()).plus(freshness).plusSeconds(1);
        if (!usedProofs.markUsed(ClientProof.replayKey(command.proof()), expires)) {
            throw new ApiException(Status.CONFLICT_409, "REPLAYED_PROOF", "Replayed proof",
                                   "This biometric_hash proof was already used; create a new one", List.of());
        }
        return verifyResponse(true, enrollment, method,
                              HelperJson.fingerNames(helper), null);
    }

    private Enrollment subject(DidRequests.Verify command, String path) {
        Optional<Enrollment> found = command.did() != null
                ? enrollments.findByDid(command.did().toString())
                : enrollments.findLatestByWallet(command.wallet().text());
        return found.orElseThrow(() -> ApiException.notFound(
                (path.isEmpty() ? "" : path + ": ") + "no DID is enrolled for this "
                        + (command.did() != null ? "did" : "wallet_address")));
    }

    private ObjectNode verifyResponse(boolean verified, Enrollment enrollment, String method, List<String> matched,
                                      String reason) {
        ObjectNode node = JsonBodies.MAPPER.createObjectNode();
        node.put("verified", verified);
        node.put("did", enrollment.did());
        node.put("wallet_address", enrollment.walletAddress());
        node.put("method", method);
        ArrayNode fingers = node.putArray("matched_fingers");
        matched.forEach(fingers::add);
        if (reason == null) {
            node.putNull("reason");
        } else {
            node.put("reason", reason);
        }
        node.put("checked_at", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        return node;
    }

    private void generate(ServerRequest req, ServerResponse res) {
        access.require(req, res, Scope.VERIFY, Scope.ENROLL);
        DidRequests.Generate command = DidRequests.generate(JsonBodies.read(req), defaultNetwork);
        CardanoDid did = DidDerivation.derive(command.commitment(), command.network());
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        body.put("did", did.toString());
        body.put("network", command.network().id());
        JsonBodies.send(req, res, Status.OK_200, body);
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        Caller caller = access.require(req, res, Scope.ADMIN);
        String didText = req.path().pathParameters().get("did");
        CardanoDid did = resolver.parseOrFail(didText);
        Enrollment enrollment = enrollments.findByDid(did.toString())
                .orElseThrow(() -> ApiException.notFound("No DID " + did + " is enrolled"));
        if (!enrollment.revoked()) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            if (enrollments.revoke(enrollment.did(), now)) {
                enrollment = enrollment.revokedAt(now);
            } else {
                enrollment = enrollments.findByDid(did.toString()).orElseThrow();
            }
        }
        audit("revoke", req, caller, "revoked", enrollment.did());
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        body.put("did", enrollment.did());
        body.put("revoked", true);
        body.put("revoked_at", enrollment.revokedAt().toString());
        body.set("didDocumentMetadata", DidDocuments.metadata(enrollment));
        JsonBodies.send(req, res, Status.OK_200, body);
    }

    private void list(ServerRequest req, ServerResponse res) {
        access.require(req, res, Scope.VERIFY);
        var query = req.query();
        String walletText = query.first("wallet_address").asOptional()
                .orElseThrow(() -> ApiException.invalidField("wallet_address", "query parameter is required"));
        WalletAddress wallet = WalletAddress.parse("wallet_address", walletText);
        int limit = DEFAULT_PAGE;
        Optional<String> limitText = query.first("limit").asOptional();
        if (limitText.isPresent()) {
            try {
                limit = Integer.parseInt(limitText.get());
            } catch (NumberFormatException e) {
                throw ApiException.invalidField("limit", "must be an integer from 1 to " + MAX_PAGE);
            }
            if (limit < 1 || limit > MAX_PAGE) {
                throw ApiException.invalidField("limit", "must be an integer from 1 to " + MAX_PAGE);
            }
        }
        Optional<EnrollmentRepository.PageKey> after = query.first("cursor").asOptional().map(PageCursor::decode);
        List<Enrollment> page = enrollments.listByWallet(wallet.text(), after, limit + 1);
        boolean more = page.size() > limit;
        List<Enrollment> shown = more ? page.subList(0, limit) : page;
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        body.put("wallet_address", wallet.text());
        ArrayNode dids = body.putArray("dids");
        for (Enrollment e : shown) {
            ObjectNode item = dids.addObject();
            item.put("did", e.did());
            item.put("network", e.network());
            item.put("created_at", e.createdAt().toString());
            item.put("revoked", e.revoked());
            item.put("revoked_at", DidDocuments.iso(e.revokedAt()));
        }
        if (more) {
            Enrollment last = shown.getLast();
            body.put("next_cursor", PageCursor.encode(new EnrollmentRepository.PageKey(last.createdAt(), last.did())));
        } else {
            body.putNull("next_cursor");
        }
        JsonBodies.send(req, res, Status.OK_200, body);
    }

    private static Optional<String> idempotencyKey(ServerRequest req) {
        Optional<String> key = req.headers().value(IDEMPOTENCY_KEY);
        if (key.isPresent() && !SANE_IDEMPOTENCY_KEY.matcher(key.get()).matches()) {
            throw ApiException.invalidField("Idempotency-Key", "must be 1 to 255 characters of A-Z a-z 0-9 . _ : -");
        }
        return key;
    }

    private static void audit(String action, ServerRequest req, Caller caller, String outcome, String did) {
        req.context().register(new AuditFilter.Written());
        if (!AUDIT.isLoggable(Level.INFO)) {
            return;
        }
        ObjectNode line = JsonBodies.MAPPER.createObjectNode();
        line.put("audit", action);
        line.put("request_id", RequestId.of(req));
        line.put("key_id", caller.keyId());
        line.put("outcome", outcome);
        if (did != null) {
            line.put("did", did);
        }
        try {
            AUDIT.log(Level.INFO, JsonBodies.MAPPER.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keyset cursor: base64url of {@code <created epoch millis>:<did>}, opaque to clients.
     */
    static final class PageCursor {
        private PageCursor() {
        }

        static String encode(EnrollmentRepository.PageKey key) {
            String raw = key.createdAt().toEpochMilli() + ":" + key.did();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static EnrollmentRepository.PageKey decode(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int colon = raw.indexOf(':');
                Instant created = Instant.ofEpochMilli(Long.parseLong(raw.substring(0, colon)));
                String did = raw.substring(colon + 1);
                CardanoDid.parse(did);
                return new EnrollmentRepository.PageKey(created, did);
            } catch (RuntimeException e) {
                throw ApiException.invalidField("cursor", "is not a cursor returned by this service");
            }
        }
    }
}
