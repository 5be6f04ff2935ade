package org.biodid.api;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.biodid.store.Enrollment;
import org.biodid.store.EnrollmentRepository;
import org.biodid.wallet.ChallengePayload;
import org.biodid.wallet.WalletAction;
import org.biodid.wallet.WalletProofException;
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
    private final EnrollmentRepository enrollments;
    private final Revocation revocation;

    /**
     * @param access      authentication, authorization and rate limits
     * @param proofs      challenges and signatures
     * @param enrollments enrollment store
     * @param clock       clock
     */
    public WalletService(Access access, WalletProofs proofs, EnrollmentRepository enrollments,
                         java.time.Clock clock) {
        this.access = access;
        this.proofs = proofs;
        this.enrollments = enrollments;
        this.revocation = new Revocation(enrollments, clock);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/challenges", this::challenge)
                .post("/helper-data", this::helperData)
                .post("/revoke", this::revoke);
    }

    private void challenge(ServerRequest req, ServerResponse res) {
        Caller caller = access.require(req, res, Scope.ENROLL, Scope.VERIFY, Scope.ADMIN);
        WalletRequests.ChallengeRequest command = WalletRequests.challenge(JsonBodies.read(req));
        ChallengePayload challenge = proofs.issue(command.wallet(), command.action());
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        body.put("nonce", challenge.nonce());
        body.put("action", challenge.action().wireName());
        body.put("wallet_address", challenge.wallet());
        body.put("payload", challenge.text());
        body.put("payload_hex", HexFormat.of().formatHex(challenge.text().getBytes(StandardCharsets.UTF_8)));
        body.put("expires_at", challenge.expires().toString());
        DidService.audit("wallet_challenge", req, caller, "issued", null,
                         line -> line.put("action", challenge.action().wireName()));
        JsonBodies.send(req, res, Status.CREATED_201, body);
    }

    private void helperData(ServerRequest req, ServerResponse res) {
        Caller caller = access.require(req, res, Scope.VERIFY, Scope.ENROLL);
        WalletRequests.Signed command = WalletRequests.signed(JsonBodies.read(req));
        redeem(WalletAction.FETCH_HELPER_DATA, "wallet_helper_data", req, caller, command);
        Enrollment enrollment = activeEnrollment(command);
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        body.put("did", enrollment.did());
        body.put("wallet_address", enrollment.walletAddress());
        body.put("network", enrollment.network());
        body.put("id_hash", enrollment.idHash());
        body.set("helpers", JsonBodies.parse(enrollment.helperData().getBytes(StandardCharsets.UTF_8)));
        DidService.audit("wallet_helper_data", req, caller, "returned", enrollment.did());
        JsonBodies.send(req, res, Status.OK_200, body);
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        Caller caller = access.require(req, res, Scope.ENROLL, Scope.ADMIN);
        WalletRequests.Signed command = WalletRequests.signed(JsonBodies.read(req));
        redeem(WalletAction.REVOKE, "wallet_revoke", req, caller, command);
        Enrollment enrollment = activeEnrollment(command);
        ObjectNode body = revocation.revoke(enrollment);
        DidService.audit("wallet_revoke", req, caller, "revoked", enrollment.did());
        JsonBodies.send(req, res, Status.OK_200, body);
    }

    private void redeem(WalletAction action, String audited, ServerRequest req, Caller caller,
                        WalletRequests.Signed command) {
        try {
            proofs.redeem(action, command.wallet(), command.signature());
        } catch (WalletProofException e) {
            auditRefusal(audited, req, caller, e);
            throw e;
        }
    }

    /**
     * The audit line of a request refused for its wallet signature, with the refusal's code.
     *
     * @param action  audited action
     * @param req     request
     * @param caller  caller
     * @param refusal why
     */
    static void auditRefusal(String action, ServerRequest req, Caller caller, WalletProofException refusal) {
        DidService.audit(action, req, caller, "refused", null, line -> {
            line.put("status", refusal.reason().status());
            line.put("code", refusal.reason().code());
        });
    }

    private Enrollment activeEnrollment(WalletRequests.Signed command) {
        return enrollments.findActiveByWallet(command.wallet().text())
                .orElseThrow(() -> ApiException.notFound("This wallet has no active DID"));
    }
}
