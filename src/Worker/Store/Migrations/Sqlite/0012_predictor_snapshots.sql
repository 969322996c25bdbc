-- The model inputs are called predictors ("feature" now means only a product feature customers use): the per-account
-- snapshots of them move to predictor_snapshots, their JSON column named predictors, every row kept. The table is
-- created and filled rather than renamed so every dialect's migration reads alike (SQL Server renames only through
-- a stored procedure).
CREATE TABLE predictor_snapshots (
    as_of      TEXT NOT NULL,
    account_id TEXT NOT NULL,
    predictors TEXT NOT NULL, -- JSON object: predictor name -> value (absent predictors omitted)
    PRIMARY KEY (as_of, account_id)
);

INSERT INTO predictor_snapshots (as_of, account_id, predictors) SELECT as_of, account_id, features FROM feature_snapshots;

DROP TABLE feature_snapshots;
