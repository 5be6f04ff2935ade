package org.biodid.api;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

/**
 * The DID routes in memory, through the real routing.
 */
@RoutingTest
class DidApiRoutingTest extends DidApiContract {

    DidApiRoutingTest(DirectClient client) {
        super(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        wiring().routing(routing);
    }
}
