package org.biodid.api;

import java.util.List;
import java.util.Locale;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.biodid.did.CardanoDid;
import org.biodid.did.DidParseException;
import org.biodid.store.EnrollmentRecord;
import org.biodid.store.EnrollmentRepository;

/**
 * DID resolution, public: {@code GET /api/v1/did/{did}} and, for the Universal Resolver, {@code
 * GET /1.0/identifiers/{did}}.
 * <p>
 * {@code Accept: application/did} (or {@code application/did+ld+json}) gives the DID document alone; {@code
 * application/did-resolution}, {@code application/json} or no preference give the full resolution result. A
 * revoked DID answers 410 with the full result and {@code deactivated: true}. Errors are problem details whose
 * extension members also make them valid resolution results with the W3C error types.
 */
public final class DidResolver {

    private final EnrollmentRepository enrollments;

    /**
     * @param enrollments enrollment store
     */
    public DidResolver(EnrollmentRepository enrollments) {
        this.enrollments = enrollments;
    }

    /**
     * Resolve the DID in the {@code did} path parameter.
     *
     * @param req request
     * @param res response
     */
    public void resolve(ServerRequest req, ServerResponse res) {
        String didText = req.path().pathParameters().get("did");
        String mediaType = negotiate(req);
        CardanoDid did = parseOrFail(didText);
        EnrollmentRecord enrollment = enrollments.findByDid(did.toString()).orElse(null);
        if (enrollment == null) {
            fail(req, res, Status.NOT_FOUND_404, "NOT_FOUND", "notFound", "NOT_FOUND",
                 "No DID " + did + " is known to this resolver");
            return;
        }
        Status status = enrollment.revoked() ? Status.GONE_410 : Status.OK_200;
        if (mediaType.equals(DidDocuments.MEDIA_DID) || mediaType.equals(DidDocuments.MEDIA_DID_LD)) {
            JsonBodies.send(req, res, status, DidDocuments.document(enrollment), mediaType);
        } else {
            JsonBodies.send(req, res, status, DidDocuments.resolution(enrollment, DidDocuments.MEDIA_DID_LD),
                            mediaType);
        }
    }

    /**
     * Parse a DID from a path, answering 400 or 501 as the resolver contract says.
     *
     * @param didText the DID
     * @return the parsed DID
     * @throws ResolutionException for a malformed DID or another method
     */
    CardanoDid parseOrFail(String didText) {
        try {
            return CardanoDid.parse(didText);
        } catch (DidParseException e) {
            if (e.reason() == DidParseException.Reason.UNSUPPORTED_METHOD) {
                throw new ResolutionException(Status.NOT_IMPLEMENTED_501, "METHOD_NOT_SUPPORTED",
                                              "methodNotSupported", "METHOD_NOT_SUPPORTED",
                                              "Only did:cardano is resolved here");
            }
            throw new ResolutionException(Status.BAD_REQUEST_400, "INVALID_DID", "invalidDid", "INVALID_DID",
                                          "Not a valid did:cardano identifier: " + e.getMessage());
        }
    }

    private static String negotiate(ServerRequest req) {
        List<HttpMediaType> accepted = req.headers().acceptedTypes();
        if (accepted.isEmpty()) {
            return "application/json";
        }
        for (HttpMediaType type : accepted) {
            String text = (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
            switch (text) {
            case DidDocuments.MEDIA_DID, DidDocuments.MEDIA_DID_LD, DidDocuments.MEDIA_RESOLUTION,
                 "application/json" -> {
                return text;
            }
            case "*/*", "application/*" -> {
                return "application/json";
            }
            default -> {
            }
            }
        }
        throw new ApiException(Status.NOT_ACCEPTABLE_406, "NOT_ACCEPTABLE", "Not acceptable",
                               "Resolution answers application/did, application/did-resolution or "
                                       + "application/json", List.of());
    }

    private static void fail(ServerRequest req, ServerResponse res, Status status, String code, String w3cTitle,
                             String w3cError, String detail) {
        ObjectNode problem = JsonBodies.tree(Problem.of(
                new ApiException(status, code, status.reasonPhrase(), detail, List.of()), RequestId.of(req)));
        DidDocuments.addResolutionError(problem, w3cError, w3cTitle);
        JsonBodies.send(req, res, status, problem, JsonBodies.PROBLEM_JSON);
    }

    /**
     * A resolution that fails before lookup; {@link ErrorHandling} answers it as problem details that are also a
     * resolution result.
     */
    static final class ResolutionException extends RuntimeException {
        private final Status status;
        private final String code;
        private final String w3cTitle;
        private final String w3cError;

        ResolutionException(Status status, String code, String w3cTitle, String w3cError, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.code = code;
            this.w3cTitle = w3cTitle;
            this.w3cError = w3cError;
        }

        void answer(ServerRequest req, ServerResponse res) {
            ResponseHeadersFilter.apply(req, res);
            fail(req, res, status, code, w3cTitle, w3cError, getMessage());
        }
    }
}
