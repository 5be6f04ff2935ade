package org.biodid.biometrics;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.biodid.crypto.Blake2b;

/**
 * Aggregation of per-finger keys into the master secret, and what derives from it.
 * <p>
 * {@code master = BLAKE2b-256(personalization "biodid:master:01", subject encoding || for each finger in
 * ordinal order: ordinal || finger key)}; then, each keyed by the master with its own personalization:
 * {@code commitment} ("biodid:commit:01"), {@code id_hash} ("biodid:idhash:01") and the proof key
 * ("biodid:proofkey1"). Distinct personalizations make them independent: knowing the public id_hash or the
 * commitment tells nothing about the proof key.
 */
public final class MasterSecret {

    private static final byte[] MASTER = Blake2b.personal("biodid:master:01");
    private static final byte[] COMMITMENT = Blake2b.personal("biodid:commit:01");
    private static final byte[] ID_HASH = Blake2b.personal("biodid:idhash:01");
    private static final byte[] PROOF_KEY = Blake2b.personal("biodid:proofkey1");
    private static final byte[] EMPTY = new byte[0];

    private final byte[] secret;

    private MasterSecret(byte[] secret) {
        this.secret = secret;
    }

    /**
     * Wraps a 32-byte master secret derived elsewhere (by the fused extractor).
     *
     * @param secret the secret; not copied
     * @return the master secret
     */
    static MasterSecret of(byte[] secret) {
        if (secret.length != 32) {
            throw new IllegalArgumentException("master secret must be 32 bytes");
        }
        return new MasterSecret(secret);
    }

    /**
     * Combines finger keys (the version-1 per-finger design, kept for the evaluation's comparison).
     *
     * @param context    wallet and network
     * @param fingerKeys every enrolled finger's key
     * @return the master secret
     */
    public static MasterSecret combine(SubjectContext context, Map<FingerId, byte[]> fingerKeys) {
        SortedMap<FingerId, byte[]> sorted = new TreeMap<>(fingerKeys);
        byte[][] parts = new byte[1 + 2 * sorted.size()][];
        parts[0] = context.encode();
        int i = 1;
        for (Map.Entry<FingerId, byte[]> e : sorted.entrySet()) {
            parts[i++] = new byte[] {(byte) e.getKey().ordinal()};
            parts[i++] = e.getValue();
        }
        return new MasterSecret(Blake2b.keyed(32, null, null, MASTER, parts));
    }

    /**
     * The commitment the DID derives from (32 bytes).
     *
     * @return commitment
     */
    public byte[] commitment() {
        return Blake2b.keyed(32, secret, null, COMMITMENT, EMPTY);
    }

    /**
     * The public identifier hash (32 bytes).
     *
     * @return id_hash
     */
    public byte[] idHash() {
        return Blake2b.keyed(32, secret, null, ID_HASH, EMPTY);
    }

    /**
     * The key of the client-side proof (32 bytes), see {@link ClientProof}.
     *
     * @return proof key
     */
    public byte[] proofKey() {
        return Blake2b.keyed(32, secret, null, PROOF_KEY, EMPTY);
    }
}
