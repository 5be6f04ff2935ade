package org.biodid.perf.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Identities enrolled during the run (warm-up and measured), from which verification requests pick their
 * subject. Thread-safe; enrolments append, verifications read.
 */
public final class IdentityPool {

    /**
     * An enrolled identity.
     *
     * @param identity index into the fingerprint population
     * @param wallet wallet address it was enrolled with
     * @param did the DID the service returned
     */
    public record Enrolled(long identity, String wallet, String did) {
    }

    private final List<Enrolled> enrolled = new ArrayList<>();
    private final AtomicLong nextIdentity = new AtomicLong();

    /**
     * A fresh identity index for an enrolment.
     *
     * @return index
     */
    public long nextIdentity() {
        return nextIdentity.getAndIncrement();
    }

    /**
     * Remember a successful enrolment.
     *
     * @param identity enrolled identity
     */
    public synchronized void add(Enrolled identity) {
        enrolled.add(identity);
    }

    /**
     * A random enrolled identity.
     *
     * @return identity
     * @throws IllegalStateException when nothing was enrolled (the enrolment warm-up failed)
     */
    public synchronized Enrolled random() {
        if (enrolled.isEmpty()) {
            throw new IllegalStateException("no enrolled identity to verify: the enrolment warm-up failed");
        }
        return enrolled.get(ThreadLocalRandom.current().nextInt(enrolled.size()));
    }

    /**
     * Enrolled count.
     *
     * @return size
     */
    public synchronized int size() {
        return enrolled.size();
    }
}
