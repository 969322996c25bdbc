-- The pipeline reads the store one batch of accounts at a time (WHERE account_id BETWEEN ...): every entity it
-- reads per batch needs an index that starts with account_id. Payment attempts were keyed by invoice only.
CREATE INDEX ix_payment_attempts_account ON payment_attempts (account_id);
