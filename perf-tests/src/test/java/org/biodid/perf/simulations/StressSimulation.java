package org.biodid.perf.simulations;

import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.biodid.perf.support.BioDidSimulation;
import org.biodid.perf.model.PerfConfig;
import org.biodid.perf.support.Workload;

/**
 * Stress ramp: after seeding and a 10 s warm-up up to the first level, the mixed workload in levels of increasing
 * arrival rate (default 400, 600, … 2200 req/s; each level 20 s, 5 s ramps between them, which are not counted).
 * The summary reports each level's percentiles and the knee: the highest level rate at which every operation's P95
 * met its target with errors under 0.1 %. The run passes when the knee is above the throughput target.
 */
public final class StressSimulation extends BioDidSimulation {

    /**
     * Build the workload.
     */
    public StressSimulation() {
        super(new Workload("stress", List.of("health", "verify", "enroll", "generate"), 0,
                           Workload.Checks.errorsOnly()));
        double start = PerfConfig.getDouble("biodid.perf.startRate", 400);
        double step = PerfConfig.getDouble("biodid.perf.step", 200);
        int levels = PerfConfig.getInt("biodid.perf.levels", 10);
        Duration level = PerfConfig.getSeconds("biodid.perf.levelSeconds", 20);
        Duration ramp = PerfConfig.getSeconds("biodid.perf.rampSeconds", 5);
        double[] rates = new double[levels];
        for (int i = 0; i < levels; i++) {
            rates[i] = start + i * step;
        }
        run.levelRates(rates);
        long period = level.toMillis() + ramp.toMillis();
        AtomicLong t0 = new AtomicLong();
        var stress = scenario("stress")
                .exec(session -> {
                    if (t0.compareAndSet(0, System.currentTimeMillis())) {
                        long origin = t0.get();
                        run.recorder().levels(startMillis -> {
                            long elapsed = startMillis - origin;
                            int index = (int) (elapsed / period);
                            return elapsed >= 0 && index < levels && elapsed % period < level.toMillis() ? index : -1;
                        });
                    }
                    return session;
                })
                .exec(chains().mixed(true))
                .injectOpen(incrementUsersPerSec(step).times(levels).eachLevelLasting(level)
                                    .separatedByRampsLasting(ramp).startingFrom(start));
        setUp(seedEnrollments().andThen(warmupPhase(chains().mixed(false), start, warmup(10)).andThen(stress)))
                .protocols(run.protocol())
                .assertions(run.assertions());
    }
}
