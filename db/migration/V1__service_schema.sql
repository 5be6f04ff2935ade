-- Service schema: enrollments, idempotency records, API keys, used client proofs.
-- Written in the SQL that PostgreSQL 15 and H2 2.x (MODE=PostgreSQL) both accept, because the same migrations
-- serve production PostgreSQL and the embedded default.

CREATE TABLE enrollments (
    did             VARCHAR(128)   NOT NULL,
    wallet_address  VARCHAR(128)   NOT NULL,
    -- Equal to wallet_address while the DID is active, NULL once revoked. Its unique constraint is what decides
    -- concurrent enrollments of one wallet (exactly one wins); NULLs never collide, so a revoked wallet may
    -- enroll again. A partial unique index would say the same, but H2 has none.
    active_wallet   VARCHAR(128),
    network         VARCHAR(16)    NOT NULL,
    commitment      BYTEA          NOT NULL,
    id_hash         VARCHAR(128)   NOT NULL,
    -- Public helper data per finger, as the JSON the API returns. Never raw minutiae.
    helper_data     VARCHAR(65535) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_enrollments PRIMARY KEY (did),
    CONSTRAINT uq_enrollments_active_wallet UNIQUE (active_wallet),
    CONSTRAINT ck_enrollments_network CHECK (network IN ('mainnet', 'testnet', 'preprod', 'preview')),
    CONSTRAINT ck_enrollments_active CHECK (
        (revoked_at IS NULL AND active_wallet = wallet_address) OR (revoked_at IS NOT NULL AND active_wallet IS NULL))
);

-- Listing a wallet's DIDs newest first, with keyset pagination on (created_at, did).
CREATE INDEX ix_enrollments_wallet_created ON enrollments (wallet_address, created_at DESC, did DESC);
CREATE INDEX ix_enrollments_commitment ON enrollments (commitment);

-- A retried request with the same Idempotency-Key returns the first response instead of running again.
CREATE TABLE idempotency_records (
    api_key_id      VARCHAR(64)    NOT NULL,
    idempotency_key VARCHAR(255)   NOT NULL,
    request_hash    VARCHAR(64)    NOT NULL,
    status_code     INTEGER        NOT NULL,
    response_body   VARCHAR(65535) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_idempotency_records PRIMARY KEY (api_key_id, idempotency_key)
);
CREATE INDEX ix_idempotency_records_created ON idempotency_records (created_at);

-- API keys are stored as hashes only; the key itself is shown once, when it is created.
CREATE TABLE api_keys (
    key_id      VARCHAR(64)  NOT NULL,
    key_hash    VARCHAR(128) NOT NULL,
    scopes      VARCHAR(128) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_api_keys PRIMARY KEY (key_id),
    CONSTRAINT uq_api_keys_hash UNIQUE (key_hash)
);

-- Client proofs seen inside the freshness window; the primary key makes a replay lose the race.
CREATE TABLE used_proofs (
    proof_hash  VARCHAR(128) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_used_proofs PRIMARY KEY (proof_hash)
);
CREATE INDEX ix_used_proofs_expires ON used_proofs (expires_at);
