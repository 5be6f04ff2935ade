-- The key that checks verify's biometric_hash client proofs. It is derived from the biometric master secret with
-- its own domain separation (docs/biometrics.md, "Client proof"): holding it lets the server check proofs, and
-- whoever reads it could forge them, so it is as sensitive as a password hash and never leaves the database.
ALTER TABLE enrollments ADD COLUMN proof_key BYTEA;
