package org.biodid.api;

import java.util.function.Consumer;
import java.util.stream.Stream;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.biodid.testing.TestSubjects;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The validation matrix of enrollment: each rule of {@code api.md}, one case, each a 400 naming its field.
 */
@RoutingTest
class EnrollValidationTest {

    private final DirectClient client;

    EnrollValidationTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        DidApiContract.wiring().routing(routing);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("wallet missing", "wallet_address", b -> b.remove("wallet_address")),
                rule("wallet not a string", "wallet_address", b -> b.put("wallet_address", 12)),
                rule("wallet bad checksum", "wallet_address",
                     b -> b.put("wallet_address", flipLast(b.get("wallet_address").asText()))),
                rule("wallet wrong prefix", "wallet_address",
                     b -> b.put("wallet_address", "stake_test1uqfu74w3wh4gfzu8m6e7j987h4lq9r3t7ef5gaw497uu85qsqfy27")),
                rule("wallet mixed case", "wallet_address",
                     b -> b.put("wallet_address", b.get("wallet_address").asText().toUpperCase()
                             .replaceFirst("ADDR_TEST1Q", "addr_test1q"))),
                rule("network disagrees with address", "network", b -> b.put("network", "mainnet")),
                rule("unknown network", "network", b -> b.put("network", "moonnet")),
                rule("unknown field", "nickname", b -> b.put("nickname", "bob")),
                rule("one finger", "fingers", b -> {
                    ArrayNode fingers = (ArrayNode) b.get("fingers");
                    while (fingers.size() > 1) {
                        fingers.remove(1);
                    }
                }),
                rule("eleven fingers", "fingers", b -> {
                    ArrayNode fingers = (ArrayNode) b.get("fingers");
                    for (int i = 0; i < 7; i++) {
                        fingers.add(fingers.get(0).deepCopy());
                    }
                }),
                rule("fingers not an array", "fingers", b -> b.put("fingers", "all of them")),
                rule("unknown finger id", "fingers[1].finger_id", b -> finger(b, 1).put("finger_id", "left_toe")),
                rule("duplicate finger", "fingers[1].finger_id", b -> finger(b, 1).put("finger_id", "left_thumb")),
                rule("pinky is little, so a duplicate", "fingers[1].finger_id", b -> {
                    finger(b, 0).put("finger_id", "left_little");
                    finger(b, 1).put("finger_id", "left_pinky");
                }),
                rule("too few minutiae", "fingers[0].minutiae", b -> {
                    ArrayNode m = (ArrayNode) finger(b, 0).get("minutiae");
                    while (m.size() > 7) {
                        m.remove(m.size() - 1);
                    }
                }),
                rule("too many minutiae", "fingers[0].minutiae", b -> {
                    ArrayNode m = (ArrayNode) finger(b, 0).get("minutiae");
                    while (m.size() <= 150) {
                        m.add(m.get(0).deepCopy());
                    }
                }),
                rule("x out of range", "fingers[0].minutiae[2].x", b -> minutia(b, 0, 2).put("x", 2048.0)),
                rule("negative y", "fingers[0].minutiae[2].y", b -> minutia(b, 0, 2).put("y", -0.5)),
                rule("angle 360", "fingers[0].minutiae[2].angle", b -> minutia(b, 0, 2).put("angle", 360.0)),
                rule("infinite number", "fingers[0].minutiae[2].x",
                     b -> minutia(b, 0, 2).put("x", Double.POSITIVE_INFINITY)),
                rule("number as string", "fingers[0].minutiae[2].x", b -> minutia(b, 0, 2).put("x", "12")),
                rule("unknown minutia type", "fingers[0].minutiae[2].type", b -> minutia(b, 0, 2).put("type", "loop")),
                rule("quality over 100", "fingers[0].minutiae[2].quality", b -> minutia(b, 0, 2).put("quality", 101)),
                rule("unknown minutia field", "fingers[0].minutiae[2].z", b -> minutia(b, 0, 2).put("z", 1)),
                rule("triple of two", "fingers[1].minutiae[0]", b -> {
                    ArrayNode m = (ArrayNode) finger(b, 1).get("minutiae");
                    m.set(0, m.arrayNode().add(1.0).add(2.0));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleIsA400NamingItsField(String rule, String field, Consumer<ObjectNode> breakIt) {
        ObjectNode body = (ObjectNode) DidApiContract.parse(TestSubjects.enrollBody(500));
        breakIt.accept(body);
        // Jackson writes a non-finite double as a bare token, which is how a client would send it.
        String text = body.toString().replace("\"Infinity\"", "1e999");
        try (Http1ClientResponse res = client.post("/api/v1/did/enroll")
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.create("X-API-Key"), DidApiContract.ALL_KEY)
                .submit(text)) {
            JsonNode problem = HttpPlumbingContract.problem(res, Status.BAD_REQUEST_400);
            assertThat(problem.get("code").asText(), is("VALIDATION_FAILED"));
            assertThat(problem.toString(), problem.get("errors").get(0).get("field").asText(), is(field));
        }
    }

    private static Arguments rule(String name, String field, Consumer<ObjectNode> breakIt) {
        return Arguments.of(name, field, breakIt);
    }

    private static ObjectNode finger(ObjectNode body, int index) {
        return (ObjectNode) body.get("fingers").get(index);
    }

    private static ObjectNode minutia(ObjectNode body, int finger, int index) {
        return (ObjectNode) finger(body, finger).get("minutiae").get(index);
    }

    private static String flipLast(String address) {
        char last = address.charAt(address.length() - 1);
        return address.substring(0, address.length() - 1) + (last == 'q' ? 'p' : 'q');
    }
}
