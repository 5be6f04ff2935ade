package org.biodid.api;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.biodid.identity.WalletOwnerActions;
import org.biodid.store.EnrollmentRecord;
import org.biodid.wallet.ChallengePayload;
import org.biodid.wallet.WalletProofs;

/**
 * The wallet owner's routes under {@code /api/v1/wallet}: a challenge to sign, and what a signature over one
 * allows besides enrollment: the helper data of the wallet's DID again, and revoking it.
 * <p>
 * The API key says which application calls; the CIP-30 signature says that the wallet's owner asked for it.
 */
public final class WalletService implements HttpService {

    private final Access access;
    private final WalletProofs proofs;
    private final WalletOwnerActions owner;
    private final AuditLog audit;
    private final DidResponses responses;

    /**
     * @param access authentication, authorization and rate limits
     * @param proofs challenges
     * @param owner  what a wallet's signature allows
     * @param audit  the audit log
     * @param mapper the service's JSON rules
     */
    public WalletService(Access access, WalletProofs proofs, WalletOwnerActions owner, AuditLog audit,
                         ObjectMapper mapper) {
        this.responses = new DidResponses(mapper);
        this.access = access;
        this.proofs = proofs;
        this.owner = owner;
        this.audit = audit;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/challenges", this::challenge)
                .post("/helper-data", this::helperData)
                .post("/revoke", this::revoke);
    }

    private void challenge(ServerRequest req, ServerResponse res) {
        access.require(req, res, Scope.ENROLL, Scope.VERIFY, Scope.ADMIN);
        WalletRequests.ChallengeRequest command = WalletRequests.challenge(JsonBodies.read(req));
        ChallengePayload challenge = proofs.issue(command.wallet(), command.action());
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("nonce", challenge.nonce());
        body.put("action", challenge.action().wireName());
        body.put("wallet_address", challenge.wallet());
        body.put("payload", challenge.text());
        body.put("payload_hex", HexFormat.of().formatHex(challenge.bytes()));
        body.put("expires_at", challenge.expires().toString());
        audit.decided(req, "issued", null, line -> line.put("action", challenge.action().wireName()));
        JsonBodies.send(req, res, Status.CREATED_201, body);
    }

    private void helperData(ServerRequest req, ServerResponse res) {
        access.require(req, res, Scope.VERIFY, Scope.ENROLL);
        WalletRequests.Signed command = WalletRequests.signed(JsonBodies.read(req));
        EnrollmentRecord enrollment = owner.helperData(command.wallet(), command.signature());
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("did", enrollment.did());
        body.put("wallet_address", enrollment.walletAddress());
        body.put("network", enrollment.network());
        body.put("id_hash", enrollment.idHash());
        body.set("helpers", JsonBodies.parse(enrollment.helperData().getBytes(StandardCharsets.UTF_8)));
        audit.decided(req, "returned", enrollment.did());
        JsonBodies.send(req, res, Status.OK_200, body);
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        access.require(req, res, Scope.ENROLL, Scope.ADMIN);
        WalletRequests.Signed command = WalletRequests.signed(JsonBodies.read(req));
        EnrollmentRecord revoked = owner.revoke(command.wallet(), command.signature());
        audit.decided(req, "revoked", revoked.did());
        JsonBodies.send(req, res, Status.OK_200, responses.revoked(revoked));
    }
}
