package org.biodid.perf.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Identities enrolled during the run (seeding, warm-up and measured), from which verification requests pick
 * their subject. Thread-safe; enrolments append, verifications read.
 */
public final class IdentityPool {

    /**
     * An enrolled identity, with what its wallet would keep: the public helper data the service returned, and
     * (once reproduced) the proof key of the {@code biometric_hash} form.
     */
    public static final class Enrolled {
        private final long identity;
        private final String wallet;
        private final String did;
        private final String helper;
        private final AtomicReference<byte[]> proofKey = new AtomicReference<>();
        private final AtomicLong lastProofTimestamp = new AtomicLong();

        /**
         * An enrolment.
         *
         * @param identity index into the fingerprint population
         * @param wallet wallet address it was enrolled with
         * @param did the DID the service returned
         * @param helper base64url helper data (one fused record for all fingers), as returned
         */
        public Enrolled(long identity, String wallet, String did, String helper) {
            this.identity = identity;
            this.wallet = wallet;
            this.did = did;
            this.helper = helper;
        }

        /**
         * Population index.
         *
         * @return identity
         */
        public long identity() {
            return identity;
        }

        /**
         * Wallet address.
         *
         * @return address
         */
        public String wallet() {
            return wallet;
        }

        /**
         * DID.
         *
         * @return DID
         */
        public String did() {
            return did;
        }

        /**
         * The helper data the wallet keeps.
         *
         * @return base64url
         */
        public String helper() {
            return helper;
        }

        /**
         * The reproduced proof key, once known.
         *
         * @return holder
         */
        public AtomicReference<byte[]> proofKey() {
            return proofKey;
        }

        /**
         * A timestamp for a new proof: now, or one second after the identity's previous proof, so that two
         * proofs of one identity never coincide (the service refuses a replayed proof with 409).
         *
         * @param nowSeconds epoch seconds
         * @return timestamp to prove
         */
        public long nextProofTimestamp(long nowSeconds) {
            return lastProofTimestamp.updateAndGet(previous -> Math.max(previous + 1, nowSeconds));
        }
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
     * @throws IllegalStateException when nothing was enrolled (the enrolment seeding failed)
     */
    public synchronized Enrolled random() {
        if (enrolled.isEmpty()) {
            throw new IllegalStateException("no enrolled identity to verify: the enrolment seeding failed");
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
