-- Issue 12: a failure budget per subject shared by every instance, and enrollment secrets sealed at rest.
-- Written in the SQL that PostgreSQL 15 and H2 2.x (MODE=PostgreSQL) both accept.

-- Consecutive failed verifications per subject (the DID) and scope: one row per (DID, API key id) and one row per DID
-- with scope '*', the ceiling over every key. Times are epoch milliseconds so that the delay arithmetic in the
-- named statements is plain integer SQL on both databases. A row exists only while failures are outstanding: a
-- success or an admin reset deletes it.
CREATE TABLE verify_failures (
    subject        VARCHAR(128) NOT NULL,
    scope          VARCHAR(80)  NOT NULL,
    failures       INTEGER      NOT NULL,
    -- no attempt of this scope may start before this instant (epoch ms); 0 when not blocked
    blocked_until  BIGINT       NOT NULL,
    -- the blocked_until whose lockout has been written to the audit log: one line per lockout, whichever of several
    -- concurrent failures gets there first
    audited_until  BIGINT       DEFAULT 0 NOT NULL,
    updated_at     BIGINT       NOT NULL,
    CONSTRAINT pk_verify_failures PRIMARY KEY (subject, scope)
);

-- Helper data and the client-proof key are sealed with AES-GCM under a server key (docs/security.md). The key id
-- says which key; rows still carrying the plaintext columns (enrolled before this migration) are sealed by the
-- service at start-up, because SQL cannot encrypt without the key, and their plaintext is then set to NULL.
ALTER TABLE enrollments ADD COLUMN sealed_helper_data BYTEA;
ALTER TABLE enrollments ADD COLUMN sealed_proof_key BYTEA;
ALTER TABLE enrollments ADD COLUMN sealing_key_id VARCHAR(32);
ALTER TABLE enrollments ALTER COLUMN helper_data DROP NOT NULL;
CREATE INDEX ix_enrollments_sealing_key ON enrollments (sealing_key_id);

-- Stored idempotent enroll answers carried the helper data in plaintext. They live for a day at most and are only
-- needed by a client retrying within that day; they are dropped rather than left readable (a retry of an enrollment
-- made before the upgrade answers 409 DID_ALREADY_ENROLLED). New records are sealed like the enrollments.
DELETE FROM idempotency_records;
