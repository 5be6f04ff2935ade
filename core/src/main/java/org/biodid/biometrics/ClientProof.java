package org.biodid.biometrics;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import org.biodid.crypto.Blake2b;
import org.biodid.input.InvalidInputException;

/**
 * The client-side proof of verify's {@code biometric_hash} form.
 * <p>
 * The wallet reproduces every enrolled finger from the public helper data, combines the finger keys into
 * the master secret (see {@link MasterSecret}) and derives the proof key from it. The proof is
 * <pre>
 * proof = BLAKE2b-256(key = proof key, personalization "biodid:proof:v01",
 *                     u16be len(wallet) || wallet UTF-8 || u8 len(network) || network UTF-8 || u64be timestamp)
 * </pre>
 * sent as 64 lower-case hex characters. The server stores the proof key at enrollment (a secret verifier,
 * like a password hash but not guessable offline from the proof) and recomputes the proof. A proof binds the
 * wallet, network and timestamp, so it is fresh only inside the window; the HTTP layer remembers
 * {@link #replayKey(byte[])} of accepted proofs for the window to refuse replays. The public id_hash and
 * commitment are derived with other personalizations and do not yield the proof key.
 */
public final class ClientProof {

    /** Proof length in bytes. */
    public static final int PROOF_BYTES = 32;
    private static final byte[] PERSONAL = Blake2b.personal("biodid:proof:v01");

    private ClientProof() {
    }

    /**
     * Creates a proof (what a wallet does).
     *
     * @param proofKey  the proof key
     * @param context   wallet and network
     * @param timestamp epoch seconds
     * @return 32-byte proof
     */
    public static byte[] create(byte[] proofKey, SubjectContext context, long timestamp) {
        byte[] ts = new byte[8];
        for (int i = 0; i < 8; i++) {
            ts[i] = (byte) (timestamp >>> (56 - 8 * i));
        }
        return Blake2b.keyed(PROOF_BYTES, proofKey, null, PERSONAL, context.encode(), ts);
    }

    /**
     * Checks a proof: freshness first (so that stale requests are answered without touching secrets), then the
     * value in constant time.
     *
     * @param proofKey  stored proof key
     * @param context   wallet and network
     * @param timestamp claimed epoch seconds
     * @param proof     proof bytes
     * @param clock     the server's clock
     * @param window    allowed distance between the timestamp and now, either way
     * @return the outcome
     */
    public static Outcome check(byte[] proofKey, SubjectContext context, long timestamp, byte[] proof,
                                Clock clock, Duration window) {
        if (!isFresh(timestamp, clock, window)) {
            return Outcome.STALE;
        }
        if (proof == null || proof.length != PROOF_BYTES) {
            return Outcome.INVALID;
        }
        return MessageDigest.isEqual(create(proofKey, context, timestamp), proof) ? Outcome.VALID : Outcome.INVALID;
    }

    /**
     * Whether a timestamp lies within the window around the clock's now.
     *
     * @param timestamp epoch seconds
     * @param clock     clock
     * @param window    window
     * @return true when fresh
     */
    public static boolean isFresh(long timestamp, Clock clock, Duration window) {
        long now = clock.instant().getEpochSecond();
        return Math.abs(now - timestamp) <= window.getSeconds();
    }

    /**
     * What identifies a proof for replay detection: its hex form. Two requests carrying the same proof are the
     * same proof (a proof covers wallet, network and timestamp).
     *
     * @param proof proof bytes
     * @return key for a seen-proofs cache
     */
    public static String replayKey(byte[] proof) {
        return HexFormat.of().formatHex(proof);
    }

    /**
     * Parses the wire form (64 hex characters).
     *
     * @param field field path for errors
     * @param hex   text
     * @return bytes
     */
    public static byte[] parse(String field, String hex) {
        if (hex == null || hex.length() != 2 * PROOF_BYTES) {
            throw new InvalidInputException(field, "must be " + (2 * PROOF_BYTES) + " hex characters");
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be hex");
        }
    }

    /**
     * Result of {@link #check(byte[], SubjectContext, long, byte[], Clock, Duration)}.
     */
    public enum Outcome {
        /** The proof is correct and fresh. */
        VALID,
        /** The timestamp is outside the window. */
        STALE,
        /** The proof is wrong. */
        INVALID
    }
}
