package org.biodid.observe;

import java.util.logging.LogManager;

/**
 * Keeps logging alive until the JVM exits.
 * <p>
 * The JDK's log manager resets itself (closing every handler) in a shutdown hook of its own, which the JVM runs
 * concurrently with the server's graceful shutdown. Under load that reset can win the race, and the audit lines of
 * the requests still draining, and the shutdown's own lines, are lost. This manager ignores that one reset; every
 * other reset (reading a configuration) works as usual. Handlers flush per record, so nothing waits in a buffer.
 * {@code org.biodid.Main} installs it before anything logs.
 */
public final class ShutdownSafeLogManager extends LogManager {

    private static final String JDK_CLEANER = LogManager.class.getName() + "$Cleaner";

    /**
     * Called by the JDK when {@code java.util.logging.manager} names this class.
     */
    public ShutdownSafeLogManager() {
    }

    @Override
    public void reset() {
        if (Thread.currentThread().getClass().getName().equals(JDK_CLEANER)) {
            return;
        }
        super.reset();
    }
}
