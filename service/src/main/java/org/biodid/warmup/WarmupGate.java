package org.biodid.warmup;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/**
 * Readiness until the warm-up over HTTP is done: {@code /health/ready} answers 503 while the server sends itself
 * its warm-up requests, so that load balancers and orchestrators send traffic only to compiled code.
 */
public final class WarmupGate implements HealthCheck {

    private static final HealthCheckResponse RUNNING = HealthCheckResponse.builder()
            .status(false).detail("warmup", "running").build();
    private static final HealthCheckResponse DONE = HealthCheckResponse.builder().status(true).build();

    private volatile boolean open;

    /**
     * @param pending whether a warm-up will run; without one the gate is open from the start
     */
    public WarmupGate(boolean pending) {
        this.open = !pending;
    }

    /** The warm-up is over, successful or not: traffic may come. */
    public void open() {
        open = true;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "warmup";
    }

    @Override
    public HealthCheckResponse call() {
        return open ? DONE : RUNNING;
    }
}
