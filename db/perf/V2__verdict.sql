-- The gate's verdict per run (pass / fail / inconclusive) and how noisy the machine was, so that the history
-- tells a slow service from a noisy machine. Older rows keep their pass/fail as the verdict.
ALTER TABLE perf.runs ADD COLUMN verdict TEXT;
UPDATE perf.runs SET verdict = CASE WHEN passed THEN 'pass' ELSE 'fail' END;
ALTER TABLE perf.runs ALTER COLUMN verdict SET NOT NULL;
ALTER TABLE perf.runs ADD CONSTRAINT runs_verdict_check CHECK (verdict IN ('pass', 'fail', 'inconclusive'));
ALTER TABLE perf.runs ADD COLUMN noisy BOOLEAN;
ALTER TABLE perf.runs ADD COLUMN frr_under_load_percent DOUBLE PRECISION;
