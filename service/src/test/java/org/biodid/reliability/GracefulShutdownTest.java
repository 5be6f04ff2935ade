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
 * SIGTERM under load (what {@code docker stop} and Kubernetes send): requests in flight (verifications and
 * enrollments held deliberately: accepted, routed, their last body byte sent only after SIGTERM) complete with their
 * normal answers (200, 201), the running load's enrollments stay consistent, new connections are refused at once (the
 * listening socket is closed first), the process exits within the
 * grace period and closes its database pool after the last request.
 */
class GracefulShutdownTest {

    private static final ObjectMapper JSON = JsonBodies.newMapper();

    private static final int IN_FLIGHT = 5;
    private static final long LOAD_FIRST = 30_000;
    /** Long enough for a loaded machine to finish the held requests; a drained process exits at once anyway. */
    private static final Duration GRACE = Duration.ofSeconds(15);
    /**
     * Ten held requests and four load clients share four pooled connections: on a loaded machine they wait longer
     * than the default 2 s for one, and the drain, not the pool's fail-fast wait, is the subject here.
     */
    private static final Duration POOL_TIMEOUT = Duration.ofSeconds(10);
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json",
                                                              "X-API-Key", ServiceProcess.ADMIN_KEY);
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
        try (ServiceProcess service = ServiceProcess.start("shutdown", pg.serviceEnv(Map.of(
                "SERVER_SHUTDOWN_DASH_GRACE_DASH_PERIOD", GRACE.toString(),
                "APP_DB_CONNECTION_TIMEOUT", POOL_TIMEOUT.toString())))) {
            Api api = new Api(service.base(), ServiceProcess.ADMIN_KEY);
            Support.awaitReady(api, Support.READY_TIMEOUT);
            Api.Result enrolled = api.enroll(TestSubjects.enrollBody(3));
            assertThat(enrolled.toString(), enrolled.status(), is(201));
            byte[] verification = verification(3);

            // Distinct people, so that the database tells whether a load enrollment that got no answer was committed.
            List<String> bodies = Load.enrollBodies(LOAD_FIRST, 800);
            Load load = Load.start(bodies, 4, i -> api.enroll(bodies.get(i)));
            long loadStart = System.nanoTime();
            while (load.callsSoFar().stream().noneMatch(c -> c.result().status() > 0)
                    && System.nanoTime() - loadStart < Duration.ofSeconds(60).toNanos()) {
                Thread.sleep(100);
            }

            // Requests the server has accepted and routed, whose handlers are still reading their bodies: all but
            // the last byte is sent before SIGTERM, the last byte after it. Verifications (a read) and
            // enrollments of new people (a database write, so each must answer 201) are both held this way.
            byte[] request = RawHttp.request("POST", "/api/v1/did/verify".getBytes(StandardCharsets.US_ASCII),
                                             HEADERS, verification);
            List<HeldRequest> inFlight = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                inFlight.add(HeldRequest.open(service.port(), request, 200, "\"verified\":true"));
                byte[] enrollment = RawHttp.request("POST", "/api/v1/did/enroll".getBytes(StandardCharsets.US_ASCII),
                        HEADERS, TestSubjects.enrollBody(900_000 + i).getBytes(StandardCharsets.UTF_8));
                inFlight.add(HeldRequest.open(service.port(), enrollment, 201, "\"did\":\"did:cardano:"));
            }
            // Time for the server to accept and route them (generous: a loaded machine is slow to schedule it).
            Thread.sleep(2000);
            long sent = System.nanoTime();
            service.sigterm();
            // The listening socket closes first: new connections are refused within moments of SIGTERM.
            Exception refused = null;
            while (refused == null && System.nanoTime() - sent < Duration.ofSeconds(3).toNanos()) {
                Thread.sleep(50);
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), service.port())) {
                    refused = null;
                } catch (IOException e) {
                    refused = e;
                }
            }
            long refusedMs = (System.nanoTime() - sent) / 1_000_000;
            assertThat("a new connection within 3 s of SIGTERM (" + refusedMs + " ms)", refused,
                       instanceOf(ConnectException.class));
            List<String> inFlightFailures = new ArrayList<>();
            // All last bytes first, then the answers: the requests run side by side, as real ones would.
            for (HeldRequest held : inFlight) {
                held.sendLastByte().ifPresent(inFlightFailures::add);
            }
            for (HeldRequest held : inFlight) {
                held.readAnswer().ifPresent(inFlightFailures::add);
            }
            assertThat("requests in flight at SIGTERM", inFlightFailures, is(empty()));
            int exit = service.awaitExit(Duration.ofSeconds(20));
            long exitMs = (System.nanoTime() - sent) / 1_000_000;
            List<Load.Call> calls = load.stop();

            List<String> inFlightBroken = new ArrayList<>();
            long refusedAfter = 0;
            long completed = 0;
            try (java.sql.Connection db = pg.connect();
                 java.sql.PreparedStatement stored = db.prepareStatement(
                         "SELECT COUNT(*) FROM enrollments WHERE wallet_address = ?")) {
                for (Load.Call c : calls) {
                    int s = c.result().status();
                    if (s > 0) {
                        completed++;
                        if (s != 201) {
                            inFlightBroken.add("#" + c.index() + ": " + c.result());
                        }
                        continue;
                    }
                    // No answer: harmless only if the server never processed it (a request on a kept-alive
                    // connection that the server had not read when it closed its idle connections). One it committed
                    // and did not answer is a request in flight that the shutdown cut.
                    stored.setString(1, TestSubjects.wallet(LOAD_FIRST + c.index()));
                    try (java.sql.ResultSet rs = stored.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            inFlightBroken.add("committed but unanswered: #" + c.index() + ": " + c.result());
                        } else {
                            refusedAfter++;
                        }
                    }
                }
            }
            String output = service.output();
            System.out.printf("RELIABILITY shutdown: %d verifications and %d enrollments held in flight completed, "
                                      + "%d load enrollments answered, %d load enrollments unanswered and not committed, "
                                      + "process exited (code %d) %d ms after SIGTERM%n",
                              IN_FLIGHT, IN_FLIGHT, completed, refusedAfter, exit, exitMs);
            // The held requests above prove the drain; the load must stay consistent: every answer a 201, and no
            // enrollment committed without its answer (which the database tells, independently of timing).
            assertThat("load enrollments", inFlightBroken, is(empty()));
            assertThat(completed, greaterThan(0L));
            assertThat("exit within the grace period (plus 3 s for a loaded machine)", exitMs,
                       lessThan(GRACE.toMillis() + 3_000L));
            assertThat("the pool is closed after draining", output, containsString("Database connections closed"));
        }
    }

    /** A request sent but for its last byte, so the server has routed it and its handler waits for the body. */
    private record HeldRequest(RawHttp http, byte[] request, int status, String answerMark) {

        static HeldRequest open(int port, byte[] request, int status, String answerMark) throws IOException {
            RawHttp http = new RawHttp(port, 30_000);
            http.write(java.util.Arrays.copyOf(request, request.length - 1));
            return new HeldRequest(http, request, status, answerMark);
        }

        /** Sends the last byte; a description of what went wrong, if anything. */
        java.util.Optional<String> sendLastByte() {
            try {
                http.write(new byte[] {request[request.length - 1]});
                return java.util.Optional.empty();
            } catch (IOException e) {
                http.close();
                return java.util.Optional.of("dropped before its last byte: " + e);
            }
        }

        /** Reads the answer and closes; a description of what went wrong, if anything. */
        java.util.Optional<String> readAnswer() {
            try (http) {
                RawHttp.Response r = http.readAnswer();
                if (r.status() != status || !r.text().contains(answerMark)) {
                    return java.util.Optional.of("expected " + status + ", got " + r.status() + " " + r.text());
                }
                return java.util.Optional.empty();
            } catch (IOException | RuntimeException e) {
                return java.util.Optional.of("dropped: " + e);
            }
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
