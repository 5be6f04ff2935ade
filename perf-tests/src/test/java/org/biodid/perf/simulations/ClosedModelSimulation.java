package org.biodid.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.biodid.perf.support.BioDidSimulation;
import org.biodid.perf.model.PerfConfig;
import org.biodid.perf.support.Workload;

/**
 * Closed model: 1000 concurrent users (default; {@code -Dbiodid.perf.users}), each with its own keep-alive
 * connection, looping "think 0.5–1.5 s, send one request of the mix" until the end. Users arrive over a 20 s
 * ramp that is not measured; then 60 s are measured with all of them active (about 1000 req/s). The memory
 * requirement applies: service RSS under 2 GB with 1000 concurrent users.
 */
public final class ClosedModelSimulation extends BioDidSimulation {

    /**
     * Build the workload.
     */
    public ClosedModelSimulation() {
        super(new Workload("closed", List.of("health", "verify", "enroll", "generate"), 0,
                           Workload.Checks.latencyOnly().withRss()));
        int users = PerfConfig.getInt("biodid.perf.users", 1000);
        Duration ramp = warmup(20);
        Duration hold = duration(60);
        AtomicLong end = new AtomicLong();
        var closed = scenario("closed")
                .exec(session -> {
                    // The first user fixes the schedule: ramp-in (not measured), then the measured hold.
                    long now = System.currentTimeMillis();
                    if (end.compareAndSet(0, now + ramp.toMillis() + hold.toMillis())) {
                        run.recorder().window(now + ramp.toMillis(), now + ramp.toMillis() + hold.toMillis());
                    }
                    return session;
                })
                .exec(asLongAs(session -> System.currentTimeMillis() < end.get()).on(
                        pause(Duration.ofMillis(500), Duration.ofMillis(1500)).exec(chains().mixed(true))))
                .injectOpen(rampUsers(users).during(ramp));
        setUp(seedEnrollments().andThen(closed))
                .protocols(run.protocol(false))
                .assertions(run.assertions());
    }
}
