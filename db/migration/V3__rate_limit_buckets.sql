-- Token buckets of the shared rate limiter (app.rate.limit.store=postgresql), one row per API key and limit setting,
-- owned by Bucket4j's PostgreSQL backend: it locks the row (SELECT ... FOR UPDATE), refills and takes a token in the
-- serialized state, and writes it back, so every instance on this database draws from the same budget.
-- expires_at (epoch milliseconds) is when the bucket would be full again; rows past it are deleted in batches.
CREATE TABLE rate_limit_buckets (
    id         VARCHAR(160) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);

CREATE INDEX rate_limit_buckets_expires_at ON rate_limit_buckets (expires_at);
