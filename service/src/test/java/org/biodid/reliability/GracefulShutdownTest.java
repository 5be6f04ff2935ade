package org.biodid.reliability;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.biodid.api.JsonBodies;
import org.biodid.reliability.support.Api;
import org.biodid.reliability.support.Load;
import org.biodid.testing.PrivatePostgres;
import org.biodid.reliability.support.RawHttp;
import org.biodid.testing.ServiceProcess;
import org.biodid.testing.TestSubjects;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

/**
 * SIGTERM under load (what {@code docker stop} and Kubernetes send): requests in flight (accepted, routed, their
 * bodies still arriving; and the enrollments of the running load) complete with their normal answers, new connections are refused at once (the listening socket is closed first), the process exits within the
 * grace period and closes its database pool after the last request.
 */
class GracefulShutdownTest {

    private static final ObjectMapper JSON = JsonBodies.newMapper();

    private static final int IN_FLIGHT = 5;
    private static PrivatePostgres pg;

    @BeforeAll
    static void start() throws Exception {
        pg = PrivatePostgres.start();
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void sigtermDrainsInFlightRequestsAndRefusesNewOnes() throws Exception {
        try (ServiceProcess service = ServiceProcess.start("shutdown", Map.of(
                "DB_CONNECTION_URL", pg.jdbcUrl(), "DB_CONNECTION_USERNAME", "postgres",
                "DB_CONNECTION_PASSWORD", "", "SERVER_SHUTDOWN_DASH_GRACE_DASH_PERIOD", "PT4S"))) {
            Api api = new Api(service.base(), ServiceProcess.ADMIN_KEY);
            Support.awaitReady(api, Duration.ofSeconds(30));
            Api.Result enrolled = api.enroll(TestSubjects.enrollBody(3));
            assertThat(enrolled.toString(), enrolled.status(), is(201));
            byte[] verification = verification(3);

            // 200 people, enrolled over and over: 201 the first time, 409 after that, and always a database write
            List<String> people = Load.enrollBodies(30_000, 200);
            List<String> bodies = java.util.stream.IntStream.range(0, 1_000_000)
                    .mapToObj(i -> people.get(i % people.size())).toList();
            Load load = Load.start(bodies, 4, i -> api.enroll(bodies.get(i)));
            Thread.sleep(1000);

            // Requests the server has accepted and routed, whose handlers are still reading their bodies: all but
            // the last byte is sent before SIGTERM, the last byte after it.
            byte[] request = RawHttp.request("POST", "/api/v1/did/verify".getBytes(StandardCharsets.US_ASCII),
                                             Map.of("Content-Type", "application/json",
                                                    "X-API-Key", ServiceProcess.ADMIN_KEY), verification);
            List<RawHttp> inFlight = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                RawHttp http = new RawHttp(service.port(), 30_000);
                http.write(java.util.Arrays.copyOf(request, request.length - 1));
                inFlight.add(http);
            }
            Thread.sleep(500);
            long sent = System.nanoTime();
            service.sigterm();
            Thread.sleep(500);
            Exception refused = null;
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), service.port())) {
                refused = null;
            } catch (IOException e) {
                refused = e;
            }
            assertThat("a new connection after SIGTERM", refused, instanceOf(ConnectException.class));
            List<String> inFlightFailures = new ArrayList<>();
            for (RawHttp http : inFlight) {
                try (http) {
                    http.write(new byte[] {request[request.length - 1]});
                    RawHttp.Response r = http.readAnswer();
                    if (r.status() != 200 || !r.text().contains("\"verified\":true")) {
                        inFlightFailures.add(r.status() + " " + r.text());
                    }
                } catch (IOException e) {
                    inFlightFailures.add("dropped: " + e);
                }
            }
            assertThat("requests in flight at SIGTERM", inFlightFailures, is(empty()));
            int exit = service.awaitExit(Duration.ofSeconds(20));
            long exitMs = (System.nanoTime() - sent) / 1_000_000;
            List<Load.Call> calls = load.stop();

            List<String> inFlightBroken = new ArrayList<>();
            long refusedAfter = 0;
            long completed = 0;
            for (Load.Call c : calls) {
                int s = c.result().status();
                if (s > 0) {
                    completed++;
                    if (s != 201 && s != 409) {
                        inFlightBroken.add("#" + c.index() + ": " + c.result());
                    }
                } else if (c.startNs() < sent - Duration.ofMillis(200).toNanos()) {
                    inFlightBroken.add("started before SIGTERM, then: " + c.result());
                } else {
                    refusedAfter++;
                }
            }
            String output = service.output();
            System.out.printf("RELIABILITY shutdown: %d verifications in flight completed, %d enrollments "
                                      + "answered, %d refused after SIGTERM, process exited (code %d) %d ms after "
                                      + "SIGTERM%n", IN_FLIGHT, completed, refusedAfter, exit, exitMs);
            assertThat("enrollments in flight at SIGTERM", inFlightBroken, is(empty()));
            assertThat(completed, greaterThan(0L));
            assertThat("exit within the grace period", exitMs, lessThan(7_000L));
            assertThat("the pool is closed after draining", output, containsString("Database connections closed"));
        }
    }

    private static byte[] verification(long person) {
        ObjectNode body = JSON.createObjectNode();
        body.put("wallet_address", TestSubjects.wallet(person));
        body.put("timestamp", Instant.now().getEpochSecond());
        body.set("fingers", TestSubjects.fingersJson(TestSubjects.impression(person, 100)));
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
