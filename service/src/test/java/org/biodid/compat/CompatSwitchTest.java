package org.biodid.compat;

import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;

import org.junit.jupiter.api.Test;

import org.biodid.testing.TestServers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * The compatibility routes exist only behind {@code app.compat.enabled} ({@code APP_COMPAT_ENABLED}), and when on
 * they answer the golden vector through the service's real wiring.
 */
class CompatSwitchTest {

    private static final String GOLDEN_REQUEST = """
            {"wallet_address":"addr_test1qpz8j0xfwhm652z0mk7cd5q2tqkvhx5a6h7fr4x6s2c6tw4kz5q03xmysyz",
             "fingers":[{"finger_id":"left_thumb","minutiae":[[100.5,200.3,45.0],[150.2,180.9,90.5]]},
                        {"finger_id":"left_index","minutiae":[[110.2,210.5,50.0],[160.5,190.2,95.5]]}],
             "storage":"inline"}""";

    @Test
    void routesAreAbsentWhenOff() {
        TestServers.withServer(Map.of(), client -> {
            try (Http1ClientResponse res = post(client)) {
                assertThat(res.status(), is(Status.NOT_FOUND_404));
            }
        });
    }

    @Test
    void routesAnswerTheGoldenVectorWhenOn() {
        TestServers.withServer(Map.of("app.compat.enabled", "true"), client -> {
            try (Http1ClientResponse res = post(client)) {
                assertThat(res.status(), is(Status.OK_200));
                String body = res.as(String.class);
                assertThat(body, containsString("did:cardano:testnet:Gq7PJJCE1mfzyXDrPkLegkhduPtEnt85E6eF5GBKPctL"));
                assertThat(body, containsString("BLmcF7aSnhgrjn_QYo0ampN-VTBovkQBfPi_937HY9c"));
                assertThat(res.headers().get(HeaderNames.create("X-Content-Type-Options")).get(), is("nosniff"));
                assertThat(res.headers().contains(HeaderNames.create("X-Request-ID")), is(true));
            }
        });
    }

    private static Http1ClientResponse post(Http1Client client) {
        return client.post("/api/biometric/generate")
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit(GOLDEN_REQUEST);
    }
}
