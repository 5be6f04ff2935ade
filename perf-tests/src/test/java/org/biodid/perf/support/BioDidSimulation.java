package org.biodid.perf.support;

import org.biodid.perf.model.PerfConfig;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Base of every BioDID simulation: the harness run around it ({@link PerfRun}: service process, sampler,
 * summary, history) and the common phases. Subclasses call {@code setUp(...)} in their constructor with
 * {@link #protocol()} and {@link #assertions()}.
 *
 * <p>Common properties: {@code biodid.perf.rate} (arrival rate, requests/s), {@code biodid.perf.duration}
 * (measured seconds), {@code biodid.perf.warmup} (warm-up seconds), {@code biodid.perf.identities}
 * (identities enrolled before verifications start).
 */
public abstract class BioDidSimulation extends Simulation {

    /** The harness run. */
    protected final PerfRun run;

    /**
     * Prepare the run.
     *
     * @param workload what this simulation measures
     */
    protected BioDidSimulation(Workload workload) {
        this.run = new PerfRun(workload, getClass());
    }

    @Override
    public void before() {
        run.start();
    }

    @Override
    public void after() {
        run.finish();
    }

    /**
     * The chains.
     *
     * @return chains
     */
    protected Chains chains() {
        return run.chains();
    }

    /**
     * Measured arrival rate.
     *
     * @param defaultRate default requests/s
     * @return rate
     */
    protected static double rate(double defaultRate) {
        return PerfConfig.getDouble("biodid.perf.rate", defaultRate);
    }

    /**
     * Measured duration.
     *
     * @param defaultSeconds default
     * @return duration
     */
    protected static Duration duration(int defaultSeconds) {
        return PerfConfig.getSeconds("biodid.perf.duration", defaultSeconds);
    }

    /**
     * Warm-up duration.
     *
     * @param defaultSeconds default
     * @return duration
     */
    protected static Duration warmup(int defaultSeconds) {
        return PerfConfig.getSeconds("biodid.perf.warmup", defaultSeconds);
    }

    /**
     * Seed phase: enrol {@code biodid.perf.identities} identities (default 200) at 50/s in the {@code warmup}
     * group, so verifications have subjects. Not measured.
     *
     * @return population
     */
    protected PopulationBuilder seedEnrollments() {
        int identities = PerfConfig.getInt("biodid.perf.identities", 200);
        double seedRate = PerfConfig.getDouble("biodid.perf.seedRate", 50);
        return scenario("seed enrollments")
                .group("warmup").on(chains().enroll(false))
                .injectOpen(constantUsersPerSec(seedRate).during(Duration.ofMillis((long) (identities / seedRate * 1000))));
    }

    /**
     * Warm-up phase: the chain at a rate ramping from a tenth of the target to the target, in the
     * {@code warmup} group (JIT, connection pools and caches warm; not measured, not asserted per request).
     *
     * @param chain unmeasured chain
     * @param rate target rate
     * @param warmup duration
     * @return population
     */
    protected static PopulationBuilder warmupPhase(ChainBuilder chain, double rate, Duration warmup) {
        return scenario("warm-up").group("warmup").on(chain)
                .injectOpen(rampUsersPerSec(Math.max(1, rate / 10)).to(rate).during(warmup));
    }

    /**
     * Warm-up and measurement as one population, open model: arrivals ramp from a tenth of the rate to the rate
     * over the first two thirds of {@code warmup} and hold it for the last third (those users run the unmeasured
     * chain, in the {@code warmup} group), then stay at the rate for {@code duration} (the measured chain). One population and no hand-over: as two populations
     * ({@code andThen}) the offered load stopped while the warm-up's last users finished and restarted at full rate,
     * and several runs had every operation's slowest request in the first second after the restart (0.1–0.6 s,
     * up to 2.7 s long) on an otherwise quiet machine.
     *
     * @param name scenario name
     * @param unmeasured the chain during the warm-up
     * @param measured the chain afterwards
     * @param rate arrival rate
     * @param warmup warm-up duration
     * @param duration measured duration
     * @return population
     */
    protected static PopulationBuilder warmThenMeasured(String name, ChainBuilder unmeasured, ChainBuilder measured,
                                                        double rate, Duration warmup, Duration duration) {
        WarmupWindow window = new WarmupWindow(warmup);
        // The last third of the warm-up already runs at the full rate: the step from ramp to constant arrivals is
        // not measured either (the CI run of 2026-12-02 02:51 had every operation's slowest request 0.3-0.7 s after
        // it, 37 s after the service started, and so had several runs before).
        Duration hold = warmup.dividedBy(3);
        return scenario(name)
                .doIfOrElse(session -> window.open()).then(group("warmup").on(unmeasured)).orElse(measured)
                .injectOpen(rampUsersPerSec(Math.max(1, rate / 10)).to(rate).during(warmup.minus(hold)),
                            constantUsersPerSec(rate).during(hold.plus(duration)));
    }

    /** Whether a user arriving now is still in the warm-up: for {@code warmup} after the first user arrived. */
    private static final class WarmupWindow {
        private final long nanos;
        private final AtomicLong firstArrival = new AtomicLong();

        WarmupWindow(Duration warmup) {
            this.nanos = warmup.toNanos();
        }

        boolean open() {
            long now = System.nanoTime();
            firstArrival.compareAndSet(0, now);
            return now - firstArrival.get() < nanos;
        }
    }
}
