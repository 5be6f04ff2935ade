package org.biodid.biometrics.bch;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * A few spare scratch objects of one kind, so that a busy server reuses them instead of allocating them for every
 * verification. Holders take one for the length of a computation and give it back; when none is spare, a new one
 * is made, and one given back while enough are kept is left to the collector. Scratch objects must not need
 * clearing by the next user (their owners clear or fully write them before reading).
 *
 * @param <T> the scratch type
 */
public final class Spares<T> {

    /** Verifications compute on the CPU only, so about one per core holds a scratch object at any moment. */
    private static final int KEPT = 2 * Runtime.getRuntime().availableProcessors();

    private final BlockingQueue<T> kept = new ArrayBlockingQueue<>(KEPT);
    private final Supplier<T> factory;

    /**
     * @param factory makes a new scratch object
     */
    public Spares(Supplier<T> factory) {
        this.factory = factory;
    }

    /**
     * @return a spare scratch object, or a new one; the caller's alone until {@link #giveBack(Object)}
     */
    public T take() {
        T spare = kept.poll();
        return spare != null ? spare : factory.get();
    }

    /**
     * @param scratch from {@link #take()}, no longer used by the caller
     */
    public void giveBack(T scratch) {
        kept.offer(scratch);
    }
}
