package org.biodid.store;

import java.time.Instant;
import java.util.Optional;

import io.helidon.dbclient.DbClient;

/**
 * Wallet challenges: issued once, redeemed at most once, by whichever instance the signed answer reaches.
 */
public final class WalletChallengeRepository {

    private final DbClient db;

    /**
     * A stored challenge.
     *
     * @param nonce         random, unguessable identifier
     * @param walletAddress the wallet it was issued for (bech32)
     * @param action        the action's wire name
     * @param createdAt     when it was issued
     * @param expiresAt     when it stops being accepted
     * @param consumedAt    when it was redeemed, or {@code null}
     */
    public record StoredChallenge(String nonce, String walletAddress, String action, Instant createdAt,
                                  Instant expiresAt, Instant consumedAt) {
    }

    /**
     * @param db database client
     */
    public WalletChallengeRepository(DbClient db) {
        this.db = db;
    }

    /**
     * @param challenge a new challenge (not consumed)
     */
    public void insert(StoredChallenge challenge) {
        db.execute().createNamedInsert("insert-wallet-challenge")
                .addParam("nonce", challenge.nonce())
                .addParam("wallet", challenge.walletAddress())
                .addParam("action", challenge.action())
                .addParam("createdAt", EnrollmentRepository.utc(challenge.createdAt()))
                .addParam("expiresAt", EnrollmentRepository.utc(challenge.expiresAt()))
                .execute();
    }

    /**
     * @param nonce nonce
     * @return the challenge, if it exists
     */
    public Optional<StoredChallenge> find(String nonce) {
        return db.execute().createNamedGet("select-wallet-challenge")
                .addParam("nonce", nonce)
                .execute()
                .map(row -> new StoredChallenge(nonce,
                                                row.column("wallet_address").get(String.class),
                                                row.column("action").get(String.class),
                                                SqlStates.instant(row.column("created_at").get(Object.class)),
                                                SqlStates.instant(row.column("expires_at").get(Object.class)),
                                                SqlStates.instant(row.column("consumed_at").get(Object.class))));
    }

    /**
     * Redeem a challenge: one conditional UPDATE, so that of concurrent redemptions (on any instance) exactly one
     * succeeds.
     *
     * @param nonce nonce
     * @param now   current time
     * @return {@code true} if this call redeemed it; {@code false} if it was already redeemed or has expired
     */
    public boolean consume(String nonce, Instant now) {
        return db.execute().createNamedUpdate("consume-wallet-challenge")
                .addParam("nonce", nonce)
                .addParam("now", EnrollmentRepository.utc(now))
                .execute() == 1;
    }

    /**
     * Remove challenges that expired before a point in time.
     *
     * @param before cut-off
     * @return rows removed
     */
    public long deleteExpiredBefore(Instant before) {
        return db.execute().createNamedDelete("delete-expired-wallet-challenges")
                .addParam("before", EnrollmentRepository.utc(before))
                .execute();
    }
}
