-- Single-use challenges a wallet signs (CIP-30 signData) to prove that its owner asks for an enrollment, for the
-- helper data of its DID, or for a revocation. Kept in the database so that every instance can redeem a challenge
-- another issued, and so that redeeming is one atomic UPDATE: of two concurrent redemptions exactly one wins.
-- Rows are kept for a while after they expire, so that a late or repeated use is told "expired" or "reused".
CREATE TABLE wallet_challenges (
    nonce           VARCHAR(64)  NOT NULL,
    wallet_address  VARCHAR(128) NOT NULL,
    action          VARCHAR(32)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    consumed_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_wallet_challenges PRIMARY KEY (nonce),
    CONSTRAINT ck_wallet_challenges_action CHECK (action IN ('enroll', 'fetch-helper-data', 'revoke'))
);
CREATE INDEX ix_wallet_challenges_expires ON wallet_challenges (expires_at);
