-- The model inputs are called predictors ("feature" now means only a product feature customers use): the per-account
-- snapshots of them move to predictor_snapshots, their JSON column named predictors, every row kept. The table is
-- created and filled rather than renamed so every dialect's migration reads alike (SQL Server renames only through
-- the sp_rename stored procedure).
CREATE TABLE predictor_snapshots (
    as_of      NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NOT NULL,
    account_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    predictors NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL, -- JSON object: predictor name -> value (absent predictors omitted)
    PRIMARY KEY (as_of, account_id)
);

INSERT INTO predictor_snapshots (as_of, account_id, predictors) SELECT as_of, account_id, features FROM feature_snapshots;

DROP TABLE feature_snapshots;
