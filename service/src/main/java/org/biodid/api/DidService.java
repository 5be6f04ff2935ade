package org.biodid.api;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.biodid.did.CardanoDid;
import org.biodid.did.DidDerivation;
import org.biodid.did.Network;
import org.biodid.did.WalletAddress;
import org.biodid.identity.DidPage;
import org.biodid.identity.DidUseCases;
import org.biodid.identity.EnrollAnswer;
import org.biodid.identity.EnrollCommand;
import org.biodid.identity.IdempotencyClaim;
import org.biodid.identity.IdentityException;
import org.biodid.identity.Verification;
import org.biodid.store.EnrollmentRecord;
import org.biodid.store.EnrollmentRepository;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The DID routes under {@code /api/v1/did}. Each handler parses the request ({@link DidRequests}), authorizes the
 * caller ({@link Access}), calls its use case in {@code org.biodid.identity} and maps the result
 * ({@link DidResponses}); the rules live in the use cases.
 */
public final class DidService implements HttpService {

    private static final HeaderName IDEMPOTENCY_KEY = HeaderNames.create("Idempotency-Key");
    private static final HeaderName IDEMPOTENT_REPLAYED = HeaderNames.create("Idempotent-Replayed");
    private static final Pattern SANE_IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,255}");
    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;

    private final DidUseCases useCases;
    private final Access access;
    private final DidResolver resolver;
    private final AuditLog audit;
    private final Network defaultNetwork;
    private final int minEnrollFingers;
    private final DidResponses responses;
    private final BatchVerify batch;

    /**
     * @param useCases       the DID use cases
     * @param access         authentication, authorization and rate limits
     * @param resolver       DID resolution
     * @param audit          the audit log
     * @param defaultNetwork   network assumed when a request names none
     * @param minEnrollFingers fewest fingers an enrollment may carry
     * @param mapper           JSON mapper for the answers
     */
    @SuppressWarnings("checkstyle:ParameterNumber") // built once, by ApiServices
    public DidService(DidUseCases useCases, Access access, DidResolver resolver, AuditLog audit,
                      Network defaultNetwork, int minEnrollFingers, ObjectMapper mapper) {
        this.useCases = useCases;
        this.access = access;
        this.resolver = resolver;
        this.audit = audit;
        this.defaultNetwork = defaultNetwork;
        this.minEnrollFingers = minEnrollFingers;
        this.responses = new DidResponses(mapper);
        this.batch = new BatchVerify(useCases.verify(), responses);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/enroll", this::enroll)
                .post("/verify", this::verify)
                .post("/verify/batch", this::verifyBatch)
                .post("/generate", this::generate)
                .get("/{did}", resolver::resolve)
                .delete("/{did}", this::revoke)
                .delete("/{did}/failures", this::resetFailures)
                .get(this::list);
    }

    private void enroll(ServerRequest req, ServerResponse res) {
        Caller caller = access.require(req, res, Scope.ENROLL);
        Optional<String> key = idempotencyKey(req);
        byte[] body = JsonBodies.readBytes(req);
        Optional<IdempotencyClaim> claim = key.map(k -> new IdempotencyClaim(
                caller.keyId(), k, HexFormat.of().formatHex(ApiKeys.sha256(body))));
        Optional<EnrollAnswer> earlier = claim.flatMap(useCases.enroll()::replay);
        if (earlier.isPresent()) {
            send(req, res, earlier.get());
            return;
        }
        EnrollCommand command = DidRequests.enroll(JsonBodies.parse(body), defaultNetwork, minEnrollFingers);
        EnrollAnswer answer = enrollNew(req, command, claim);
        if (!answer.replayed()) {
            // a signature that was sent has been verified, else the enrollment would have been refused
            boolean signed = command.walletSignature() != null;
            audit.decided(req, "created", answer.did(), line -> line.put("wallet_signed", signed));
        }
        send(req, res, answer);
    }

    private EnrollAnswer enrollNew(ServerRequest req, EnrollCommand command, Optional<IdempotencyClaim> claim) {
        try {
            return useCases.enroll().enroll(command, claim);
        } catch (IdentityException e) {
            if (e.reason() == IdentityException.Reason.ALREADY_ENROLLED) {
                audit.decided(req, "conflict", null);
            }
            throw e;
        }
    }

    private static void send(ServerRequest req, ServerResponse res, EnrollAnswer answer) {
        if (answer.replayed()) {
            res.header(IDEMPOTENT_REPLAYED, "true");
        }
        if (answer.did() != null) {
            res.header(HeaderNames.LOCATION, "/api/v1/did/" + answer.did());
        }
        JsonBodies.sendRaw(req, res, Status.create(answer.status()), answer.body().getBytes(StandardCharsets.UTF_8),
                           "application/json");
    }

    private void verify(ServerRequest req, ServerResponse res) {
        Caller caller = access.require(req, res, Scope.VERIFY);
        Verification result = useCases.verify().verify(DidRequests.verify(JsonBodies.read(req), ""), "",
                                                       caller.keyId(), RequestId.of(req));
        audit.decided(req, result.verified() ? "verified" : result.reason(), result.did());
        JsonBodies.send(req, res, Status.OK_200, responses.verification(result));
    }

    private void verifyBatch(ServerRequest req, ServerResponse res) {
        Caller caller = access.require(req, res, Scope.VERIFY);
        BatchVerify.Answer answer = batch.verify(JsonBodies.read(req), caller.keyId(), RequestId.of(req));
        audit.decided(req, "items=" + answer.items(), null);
        JsonBodies.send(req, res, Status.OK_200, answer.body());
    }

    private void generate(ServerRequest req, ServerResponse res) {
        access.require(req, res, Scope.VERIFY, Scope.ENROLL);
        DidRequests.Generate command = DidRequests.generate(JsonBodies.read(req), defaultNetwork);
        CardanoDid did = DidDerivation.derive(command.commitment(), command.network());
        JsonBodies.send(req, res, Status.OK_200, responses.generated(did, command.network()));
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        access.require(req, res, Scope.ADMIN);
        CardanoDid did = resolver.parseOrFail(req.path().pathParameters().get("did"));
        EnrollmentRecord revoked = useCases.revoke().revoke(did);
        audit.decided(req, "revoked", revoked.did());
        JsonBodies.send(req, res, Status.OK_200, responses.revoked(revoked));
    }

    private void resetFailures(ServerRequest req, ServerResponse res) {
        access.require(req, res, Scope.ADMIN);
        CardanoDid did = resolver.parseOrFail(req.path().pathParameters().get("did"));
        long removed = useCases.verify().resetFailures(did);
        audit.decided(req, "counters=" + removed, did.toString());
        JsonBodies.send(req, res, Status.OK_200, JsonNodeFactory.instance.objectNode()
                .put("did", did.toString())
                .put("counters_reset", removed));
    }

    private void list(ServerRequest req, ServerResponse res) {
        access.require(req, res, Scope.VERIFY);
        var query = req.query();
        String walletText = query.first("wallet_address").asOptional()
                .orElseThrow(() -> ApiException.invalidField("wallet_address", "query parameter is required"));
        WalletAddress wallet = WalletAddress.parse("wallet_address", walletText);
        int limit = pageSize(query.first("limit").asOptional());
        Optional<EnrollmentRepository.PageKey> after = query.first("cursor").asOptional().map(PageCursor::decode);
        DidPage page = useCases.list().page(wallet, after, limit);
        JsonBodies.send(req, res, Status.OK_200, responses.page(wallet.text(), page));
    }

    private static int pageSize(Optional<String> text) {
        if (text.isEmpty()) {
            return DEFAULT_PAGE;
        }
        try {
            int limit = Integer.parseInt(text.get());
            if (limit >= 1 && limit <= MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalidField("limit", "must be an integer from 1 to " + MAX_PAGE);
    }

    private static Optional<String> idempotencyKey(ServerRequest req) {
        Optional<String> key = req.headers().value(IDEMPOTENCY_KEY);
        if (key.isPresent() && !SANE_IDEMPOTENCY_KEY.matcher(key.get()).matches()) {
            throw ApiException.invalidField("Idempotency-Key", "must be 1 to 255 characters of A-Z a-z 0-9 . _ : -");
        }
        return key;
    }
}
