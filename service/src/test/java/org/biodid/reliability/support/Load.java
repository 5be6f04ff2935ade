package org.biodid.reliability.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;

import org.biodid.api.JsonBodies;
import org.biodid.testing.TestSubjects;

/**
 * A bounded enrollment load: a fixed number of clients, each enrolling the next person from a list generated
 * beforehand (so that the clients spend no CPU on synthetic fingerprints while the service is measured), until
 * stopped or the list runs out. Every answer is recorded with its start time.
 */
public final class Load implements AutoCloseable {

    private final List<String> bodies;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    private Load(List<String> bodies) {
        this.bodies = bodies;
    }

    /**
     * Enrollment bodies for persons {@code first} to {@code first + count - 1}, built in parallel.
     *
     * @param first first person index
     * @param count how many
     * @return bodies
     */
    public static List<String> enrollBodies(long first, int count) {
        return java.util.stream.IntStream.range(0, count).parallel()
                .mapToObj(i -> TestSubjects.enrollBody(first + i))
                .toList();
    }

    /**
     * Start clients.
     *
     * @param bodies  the enrollments to send, each at most once
     * @param clients number of concurrent clients
     * @param call    sends the body with the given index and returns the answer
     * @return the running load
     */
    public static Load start(List<String> bodies, int clients, IntFunction<Api.Result> call) {
        Load load = new Load(bodies);
        for (int c = 0; c < clients; c++) {
            load.threads.add(Thread.ofVirtual().name("load-" + c).start(() -> {
                while (load.running.get()) {
                    int i = load.next.getAndIncrement();
                    if (i >= load.bodies.size()) {
                        return;
                    }
                    long start = System.nanoTime();
                    Api.Result r = call.apply(i);
                    load.calls.add(new Call(i, start, System.nanoTime(), r));
                }
            }));
        }
        return load;
    }

    /**
     * Stop sending and wait for the calls in flight.
     *
     * @return every call made
     * @throws InterruptedException when interrupted
     */
    public List<Call> stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(60_000);
        }
        return List.copyOf(calls);
    }

    /**
     * @return calls so far
     */
    public List<Call> callsSoFar() {
        return List.copyOf(calls);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /**
     * One call.
     *
     * @param index   body index
     * @param startNs start, {@link System#nanoTime()}
     * @param endNs   end
     * @param result  answer
     */
    public record Call(int index, long startNs, long endNs, Api.Result result) {
        /**
         * @return the DID of a 201, else {@code null}
         */
        public String did() {
            if (result.status() != 201) {
                return null;
            }
            JsonNode body = JsonBodies.parse(result.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return body.get("did").asText();
        }
    }
}
