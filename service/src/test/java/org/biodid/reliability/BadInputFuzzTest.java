package org.biodid.reliability;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.helidon.webserver.WebServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.biodid.Wiring;
import org.biodid.api.JsonBodies;
import org.biodid.testing.PrivatePostgres;
import org.biodid.reliability.support.RawHttp;
import org.biodid.testing.ServiceProcess;
import org.biodid.testing.TestSubjects;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

/**
 * Bad input never gets a 5xx, never a dropped connection, and every 4xx is problem+json.
 * <p>
 * Each try of the property takes a valid request (enroll, verify by fingers, verify by client proof, batch verify,
 * generate), mutates it one of many ways (truncation, wrong types, huge and non-finite numbers, deep nesting,
 * duplicate keys, invalid UTF-8, oversized arrays, empty bodies, injection-looking strings, jqwik-generated JSON),
 * and sends it to every POST route (the compatibility routes switched on too); it also sends a mutated DID to both resolver routes. The requests go byte for
 * byte over a raw keep-alive socket to a real server (the product's own wiring on a private PostgreSQL), so that a
 * dropped connection shows. At least 10,000 requests a run.
 */
class BadInputFuzzTest {

    private static final ObjectMapper JSON = JsonBodies.newMapper();

    private static final int TRIES = 2000;
    /** 2,000 tries × (6 POST routes + 2 resolver routes), plus the named cases. */
    private static final int MIN_REQUESTS = 10_000;
    private static final List<String> POST_ROUTES = List.of("/api/v1/did/enroll", "/api/v1/did/verify",
                                                            "/api/v1/did/verify/batch", "/api/v1/did/generate",
                                                            "/api/biometric/generate", "/api/biometric/verify");
    private static final List<String> INJECTIONS = List.of(
            "'; DROP TABLE enrollments; --", "\" OR \"1\"=\"1", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
            "../../../../etc/passwd", "\u0000", "%00", "\u202Eevil", "😀💥", "\\u0000", "{{7*7}}", "$(reboot)",
            "addr_test1" + "q".repeat(5000), "NaN", "Infinity", "-0", "1e999", "\r\nX-Injected: 1");
    private static final List<String> WEIRD_NUMBERS = List.of(
            "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1e-400", "123456789012345678901234567890",
            "-99999999999999999999", "1.7976931348623157e309", "0x10", "01", "1.", ".5", "+1", "-0", "1e2147483648");

    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final ConcurrentLinkedQueue<String> FAILURES = new ConcurrentLinkedQueue<>();
    private static final Map<Integer, AtomicInteger> STATUSES = new java.util.concurrent.ConcurrentSkipListMap<>();

    private static PrivatePostgres pg;
    private static Wiring wiring;
    private static WebServer server;
    private static RawHttp http;
    private static List<String> validBodies;
    private static String enrolledDid;

    @BeforeContainer
    static void start() throws Exception {
        pg = PrivatePostgres.start();
        // Bad input is the subject, not the pool's fail-fast wait (DatabaseOutageTest covers that): on a loaded
        // machine a request waits for a connection rather than answering 503.
        wiring = Wiring.create(Support.inProcessConfig(pg, Map.of("app.rate.limit.rps", "1000000",
                                                                  "app.rate.limit.burst", "1000000",
                                                                  "app.compat.enabled", "true",
                                                                  "app.db.connection.timeout", "PT60S"))).start();
        server = WebServer.builder().update(wiring::server).build().start();
        http = new RawHttp(server.port(), 15_000);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (send("GET", "/health/ready", Map.of(), null).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready");
            }
            Thread.sleep(100);
        }
        RawHttp.Response enrolled = send("POST", "/api/v1/did/enroll", json(),
                                         TestSubjects.enrollBody(0).getBytes(StandardCharsets.UTF_8));
        if (enrolled.status() != 201) {
            throw new IllegalStateException("set-up enrollment failed: " + enrolled.status() + " " + enrolled.text());
        }
        enrolledDid = JsonBodies.parse(enrolled.body()).get("did").asText();
        validBodies = validBodies();
        REQUESTS.set(0);
    }

    @AfterContainer
    static void stop() {
        try {
            System.out.println("RELIABILITY fuzz: " + REQUESTS.get() + " requests, " + FAILURES.size()
                                       + " failures, answers by status " + STATUSES);
            assertThat("requests per run", REQUESTS.get(), greaterThanOrEqualTo(MIN_REQUESTS));
        } finally {
            if (http != null) {
                http.close();
            }
            if (server != null) {
                server.stop();
            }
            if (pg != null) {
                pg.close();
            }
        }
    }

    @Property(tries = TRIES, generation = GenerationMode.RANDOMIZED, shrinking = ShrinkingMode.OFF)
    void mutatedRequestsGetClearAnswers(@ForAll("cases") Case fuzz) {
        List<String> failures = new ArrayList<>();
        for (String route : POST_ROUTES) {
            check(failures, fuzz.describe(route), "POST", route, fuzz.headers(), fuzz.body());
        }
        check(failures, "resolve " + fuzz.did(), "GET", "/api/v1/did/" + fuzz.did(), Map.of(), null);
        check(failures, "identifiers " + fuzz.did(), "GET", "/1.0/identifiers/" + fuzz.did(), Map.of(), null);
        FAILURES.addAll(failures);
        assertThat(failures, is(empty()));
    }

    @Example
    void namedBadInputsGetClearAnswers() {
        byte[] valid = validBodies.getFirst().getBytes(StandardCharsets.UTF_8);
        List<byte[]> bodies = new ArrayList<>(List.of(
                new byte[0], " ".getBytes(), "null".getBytes(), "[]".getBytes(), "\"x\"".getBytes(), "{".getBytes(),
                "{}".getBytes(), "{\"a\":1}{\"b\":2}".getBytes(), "[".repeat(100_00).getBytes(),
                ("{\"a\":".repeat(2000) + "1" + "}".repeat(2000)).getBytes(),
                new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'},
                new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'},
                ("{\"wallet_address\":\"" + "a".repeat(60_000) + "\"}").getBytes(),
                java.util.Arrays.copyOf(valid, valid.length / 2)));
        List<String> failures = new ArrayList<>();
        for (String route : POST_ROUTES) {
            for (byte[] body : bodies) {
                check(failures, route + " named body", "POST", route, json(), body);
            }
            check(failures, route + " text/plain", "POST", route, Map.of("Content-Type", "text/plain",
                                                                          "X-API-Key", ServiceProcess.ADMIN_KEY), valid);
            check(failures, route + " no content type", "POST", route, Map.of("X-API-Key", ServiceProcess.ADMIN_KEY),
                  valid);
            check(failures, route + " no key", "POST", route, Map.of("Content-Type", "application/json"), valid);
            check(failures, route + " 1 MiB", "POST", route, json(), new byte[1 << 20]);
        }
        for (String did : List.of("", "x", "did:web:example.com", "did:cardano:", "did:cardano:testnet:",
                                  "did:cardano:moonnet:abc", "did%00", "%ff%fe", "did:cardano:testnet:0OIl",
                                  "a".repeat(5000), "..%2F..%2Fetc%2Fpasswd", enrolledDid + "extra")) {
            check(failures, "resolve " + did, "GET", "/api/v1/did/" + did, Map.of(), null);
            check(failures, "revoke " + did, "DELETE", "/api/v1/did/" + did,
                  Map.of("X-API-Key", ServiceProcess.ADMIN_KEY), null);
        }
        check(failures, "list", "GET", "/api/v1/did?wallet_address=%27%3B--&limit=1e9&cursor=%00",
              Map.of("X-API-Key", ServiceProcess.ADMIN_KEY), null);
        assertThat(failures, is(empty()));
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<JsonNode> generated = jsonValues(4);
        return Combinators.combine(Arbitraries.integers().between(0, validBodies.size() - 1),
                                   Arbitraries.of(Mutation.values()),
                                   Arbitraries.longs(),
                                   generated)
                .as((base, mutation, seed, node) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    byte[] body = mutation.apply(validBodies.get(base), node, random);
                    return new Case(mutation, base, body, mutateDid(enrolledDid, random), random.nextInt(20) == 0);
                });
    }

    private static Arbitrary<JsonNode> jsonValues(int depth) {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(s -> JSON.getNodeFactory().textNode(s)),
                Arbitraries.doubles().map(d -> JSON.getNodeFactory().numberNode(d)),
                Arbitraries.longs().map(l -> JSON.getNodeFactory().numberNode(l)),
                Arbitraries.of(true, false).map(b -> JSON.getNodeFactory().booleanNode(b)),
                Arbitraries.just(JSON.getNodeFactory().nullNode()));
        if (depth == 0) {
            return leaves;
        }
        Arbitrary<JsonNode> inner = jsonValues(depth - 1);
        Arbitrary<JsonNode> arrays = inner.list().ofMaxSize(5).map(items -> {
            ArrayNode a = JSON.createArrayNode();
            items.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> objects = Combinators.combine(
                        Arbitraries.of("wallet_address", "did", "network", "fingers", "finger_id", "minutiae", "x",
                                       "timestamp", "biometric_hash", "requests", "commitment", "quality", "type")
                                .list().ofMaxSize(5),
                        inner.list().ofSize(5))
                .as((keys, values) -> {
                    ObjectNode o = JSON.createObjectNode();
                    for (int i = 0; i < keys.size(); i++) {
                        o.set(keys.get(i), values.get(i));
                    }
                    return (JsonNode) o;
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, leaves), net.jqwik.api.Tuple.of(2, arrays),
                                       net.jqwik.api.Tuple.of(2, objects));
    }

    /** Ways to spoil a valid request. */
    enum Mutation {
        NONE {
            @Override
            byte[] apply(String valid, JsonNode generated, SplittableRandom r) {
                return utf8(valid);
            }
        },
        TRUNCATE {
            @Override
            byte[] apply(String valid, JsonNode generated, SplittableRandom r) {
                byte[] b = utf8(valid);
                return java.util.Arrays.copyOf(b, r.nextInt(b.length));
            }
        },
        WRONG_TYPE {
            @Override
            byte[] apply(String valid, JsonNode generated, SplittableRandom r) {
                return replaceRandomNode(valid, generated, r);
            }
        },
        WEIRD_NUMBER {
            @Override
            byte[] apply(String valid, JsonNode generated, SplittableRandom r) {
                String weird = WEIRD_NUMBERS.get(r.nextInt(WEIRD_NUMBERS.size()));
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")
                        .matcher(valid);
                List<int[]> spans = new ArrayList<>();
                while (m.find()) {
                    boolean insideString = valid.charAt(Math.max(0, m.start() - 1)) == '"'
                            || (m.end() < valid.length() && valid.charAt(m.end()) == '"');
                    if (!insideString) {
                        spans.add(new int[] {m.start(), m.end()});
                    }
                }
                if (spans.isEmpty()) {
                    return utf8(valid);
                }
                int[] s = spans.get(r.nextInt(spans.size()));
                return utf8(valid.substring(0, s[0]) + weird + valid.substring(s[1]));
            }
        },
        DEEP_NESTING {
            @Override
            byte[] apply(String valid, JsonNode generated, SplittableRandom r) {
                int depth = 20 + r.nextInt(2000);
                boolean arrays = r.nextBoolean();
                String open = arrays ? "[" : "{\"a\":";
                String close = arrays ? "]" : "}";
                return utf8("{\"fingers\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}");
            }
        },
        DUPLICATE_KEY {
            @Override
            byte[] apply(String valid, JsonNode generated, SplittableRandom r) {
                JsonNode node = JsonBodies.parse(utf8(valid));
                Iterator<String> names = node.fieldNames();
                String name = names.hasNext() ? names.next() : "x";
                return utf8("{\"" + name + "\":" + node.get(name) + "," + valid.substring(1));
            }
        },
        INVALID_UTF8 {
            @Override
            byte[] apply(String valid, JsonNode generated, SplittableRandom r) {
                byte[][] bad = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
                    {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80}};
                byte[] b = utf8(valid);
                int quote = valid.indexOf('"', r.nextInt(valid.length()));
                int at = quote < 0 ? 1 : quote + 1;
                byte[] insert = bad[r.nextInt(bad.length)];
                byte[] out = new byte[b.length + insert.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(insert, 0, out, at, insert.length);
                System.arraycopy(b, at, out, at + insert.length, b.length - at);
                return out;
            }
        },
        OVERSIZED_ARRAY {
            @Override
            byte[] apply(String valid, JsonNode generated, SplittableRandom r) {
                ObjectNode node = (ObjectNode) JsonBodies.parse(utf8(valid));
                ArrayNode big = JSON.createArrayNode();
                int n = r.nextBoolean() ? 11 + r.nextInt(200) : 151 + r.nextInt(3000);
                boolean fingers = node.has("fingers");
                if (fingers && r.nextBoolean()) {
                    // too many minutiae in one finger
                    for (int i = 0; i < n; i++) {
                        big.addArray().add(r.nextInt(2048)).add(r.nextInt(2048)).add(r.nextInt(360));
                    }
                    ((ObjectNode) node.get("fingers").get(0)).set("minutiae", big);
                } else {
                    JsonNode item = fingers && n <= 150 ? node.get("fingers").get(0).deepCopy()
                            : node.has("requests") ? node.get("requests").get(0).deepCopy()
                            : JSON.createArrayNode().add(1).add(2).add(3);
                    for (int i = 0; i < n; i++) {
                        big.add(item);
                    }
                    node.set(fingers ? "fingers" : node.has("requests") ? "requests" : "commitment", big);
                }
                return utf8(node.toString());
            }
        },
        EMPTY {
            @Override
            byte[] apply(String valid, JsonNode generated, SplittableRandom r) {
                return utf8(List.of("", " ", "\n", "{}", "[]", "null", "0", "\"\"").get(r.nextInt(8)));
            }
        },
        INJECTION {
            @Override
            byte[] apply(String valid, JsonNode generated, SplittableRandom r) {
                String injection = INJECTIONS.get(r.nextInt(INJECTIONS.size()));
                return replaceRandomNode(valid, JSON.getNodeFactory().textNode(injection), r);
            }
        },
        MISSING_OR_UNKNOWN_FIELD {
            @Override
            byte[] apply(String valid, JsonNode generated, SplittableRandom r) {
                ObjectNode node = (ObjectNode) JsonBodies.parse(utf8(valid));
                if (r.nextBoolean() && node.size() > 0) {
                    List<String> names = new ArrayList<>();
                    node.fieldNames().forEachRemaining(names::add);
                    node.remove(names.get(r.nextInt(names.size())));
                } else {
                    node.set(INJECTIONS.get(r.nextInt(INJECTIONS.size())), generated);
                }
                return utf8(node.toString());
            }
        },
        GENERATED_JSON {
            @Override
            byte[] apply(String valid, JsonNode generated, SplittableRandom r) {
                return utf8(generated.toString());
            }
        },
        RANDOM_BYTES {
            @Override
            byte[] apply(String valid, JsonNode generated, SplittableRandom r) {
                byte[] b = new byte[r.nextInt(300)];
                r.nextBytes(b);
                return b;
            }
        };

        abstract byte[] apply(String valid, JsonNode generated, SplittableRandom r);
    }

    /**
     * One fuzz case.
     *
     * @param mutation      what was done
     * @param base          which valid body it started from
     * @param body          the body
     * @param did           a mutated DID for the resolver
     * @param oddHeaders    whether to send odd but legal headers
     */
    record Case(Mutation mutation, int base, byte[] body, String did, boolean oddHeaders) {
        Map<String, String> headers() {
            if (oddHeaders) {
                return Map.of("Content-Type", "application/json; charset=latin1", "X-API-Key",
                              ServiceProcess.ADMIN_KEY, "X-Request-ID", "../<script>", "Idempotency-Key", "a b",
                              "Accept-Encoding", "gzip, br");
            }
            return json();
        }

        String describe(String route) {
            String text = new String(body, StandardCharsets.UTF_8);
            return mutation + " of body " + base + " to " + route + ": "
                    + (text.length() > 200 ? text.substring(0, 200) + "…(" + body.length + " bytes)" : text);
        }

        @Override
        public String toString() {
            return describe("*");
        }
    }

    private static void check(List<String> failures, String what, String method, String path,
                              Map<String, String> headers, byte[] body) {
        RawHttp.Response res;
        try {
            res = send(method, path, headers, body);
        } catch (IOException e) {
            failures.add("DROPPED (" + e.getMessage() + "): " + what);
            return;
        }
        int s = res.status();
        STATUSES.computeIfAbsent(s, k -> new AtomicInteger()).incrementAndGet();
        String type = String.valueOf(res.header("content-type"));
        boolean methodNotSupported = s == 501 && res.text().contains("METHOD_NOT_SUPPORTED");
        if (s >= 500 && !methodNotSupported) {
            failures.add(s + " " + res.text() + " for " + what);
        } else if (s >= 400 && !type.startsWith("application/problem+json")) {
            failures.add(s + " without problem+json (" + type + ") for " + what);
        }
    }

    private static RawHttp.Response send(String method, String path, Map<String, String> headers, byte[] body)
            throws IOException {
        REQUESTS.incrementAndGet();
        return http.exchange(RawHttp.request(method, path.getBytes(StandardCharsets.UTF_8), headers, body));
    }

    private static Map<String, String> json() {
        return Map.of("Content-Type", "application/json", "X-API-Key", ServiceProcess.ADMIN_KEY);
    }

    private static List<String> validBodies() {
        long now = Instant.now().getEpochSecond();
        String wallet = TestSubjects.wallet(0);
        ObjectNode byFingers = JSON.createObjectNode();
        byFingers.put("wallet_address", wallet);
        byFingers.put("timestamp", now);
        byFingers.set("fingers", TestSubjects.fingersJson(TestSubjects.impression(0, 1)));
        ObjectNode byProof = JSON.createObjectNode();
        byProof.put("did", enrolledDid);
        byProof.put("timestamp", now);
        byProof.put("biometric_hash", "ab".repeat(32));
        ObjectNode batch = JSON.createObjectNode();
        batch.putArray("requests").add(byProof).add(byFingers);
        String generate = "{\"commitment\":\"" + "cd".repeat(32) + "\",\"network\":\"testnet\"}";
        return List.of(TestSubjects.enrollBody(1), byFingers.toString(), byProof.toString(), batch.toString(),
                       generate);
    }

    private static String mutateDid(String did, SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> did;
            case 1 -> did.substring(0, r.nextInt(did.length()));
            case 2 -> {
                char[] c = did.toCharArray();
                c[r.nextInt(c.length)] = "0OIl+/=%:?#~".charAt(r.nextInt(12));
                yield new String(c).replace("%", "%25").replace("?", "%3F").replace("#", "%23");
            }
            case 3 -> URLEncoder.encode(INJECTIONS.get(r.nextInt(INJECTIONS.size())), StandardCharsets.UTF_8);
            case 4 -> did + ":" + "z".repeat(r.nextInt(3000));
            default -> "%" + Integer.toHexString(0x80 + r.nextInt(0x80)) + did.substring(8);
        };
    }

    private static byte[] replaceRandomNode(String valid, JsonNode replacement, SplittableRandom r) {
        JsonNode root = JsonBodies.parse(utf8(valid));
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(r.nextInt(containers.size()));
        if (target instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            o.set(names.get(r.nextInt(names.size())), replacement);
        } else if (target instanceof ArrayNode a && a.size() > 0) {
            a.set(r.nextInt(a.size()), replacement);
        }
        return utf8(root.toString());
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.elements().forEachRemaining(child -> {
                if (out.size() < 400) {
                    collect(child, out);
                }
            });
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
