package org.biodid.compat;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.biodid.api.ApiException;
import org.biodid.api.JsonBodies;
import org.biodid.did.Network;
import org.biodid.input.InvalidInputException;

/**
 * The original Python servers' routes, for their existing clients: {@code POST /generate} and
 * {@code POST /verify}, registered under {@code /api/biometric}.
 * <p>
 * Answers are the original's, byte-identical in {@code did}, {@code id_hash} and helper values. A
 * well-formed verify request always gets 200 with {@code success} true or false; a malformed
 * request gets 400 problem details naming the field (thrown as {@link ApiException}, so the routing
 * must have {@link org.biodid.api.ErrorHandling} registered). Nothing here touches the database.
 */
public final class CompatService implements HttpService {

    private final Network network;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param network the network the DIDs name (the original's {@code CARDANO_NETWORK})
     * @param clock   the clock for {@code enrollmentTimestamp}
     */
    public CompatService(Network network, Clock clock) {
        this.network = Objects.requireNonNull(network, "network");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/generate", this::generate)
                .post("/verify", this::verify);
    }

    private void generate(ServerRequest req, ServerResponse res) {
        GenerateRequest request = validated(() -> CompatRequests.generate(JsonBodies.read(req)));
        CompatEnrollment enrollment = CompatEnrollment.derive(request, network, clock.instant());
        JsonBodies.send(req, res, Status.OK_200, CompatResponses.generate(enrollment));
    }

    private void verify(ServerRequest req, ServerResponse res) {
        VerifyRequest request = validated(() -> CompatRequests.verify(JsonBodies.read(req)));
        VerifyOutcome outcome = CompatDerivation.verify(request.fingerIds(), request.helpers(), request.expectedIdHash());
        // Always 200 for a well-formed request, success or not, as the original.
        JsonBodies.send(req, res, Status.OK_200, CompatResponses.verify(outcome));
    }

    private static <T> T validated(Supplier<T> reader) {
        try {
            return reader.get();
        } catch (InvalidInputException e) {
            throw ApiException.invalidField(e.field(), e.reason());
        }
    }
}
