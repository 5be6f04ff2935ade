package org.biodid.reliability;

import java.time.Duration;

import org.biodid.reliability.support.Api;

/**
 * Waiting helpers shared by the reliability tests.
 */
final class Support {

    private Support() {
    }

    /**
     * Wait until {@code /health/ready} answers 200 (the schema is migrated and the database answers).
     *
     * @param api     client
     * @param timeout how long at most
     */
    static void awaitReady(Api api, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Api.Result last = null;
        while (System.nanoTime() < deadline) {
            last = api.get("/health/ready");
            if (last.status() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not become ready within " + timeout + ": " + last);
    }
}
