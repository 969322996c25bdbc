-- SQL Server (T-SQL) mirror of Sqlite/0002_quarantine_and_csv_imports.sql: the same tables, columns and keys. Written for T-SQL and checked
-- without a server (no SQL Server engine has run it yet).
-- Instants and dates stay ISO-8601 text, as on SQLite, so ordering and comparisons behave identically on every
-- provider and a store's data checksums the same wherever it lives. Text is NVARCHAR with a binary collation
-- (Latin1_General_100_BIN2: case-sensitive, code-point order, like SQLite) whatever the database's default.
-- Sizes keep every index key under SQL Server's limits (900 bytes clustered, 1,700 nonclustered; NVARCHAR is 2
-- bytes a character): ids and feature names up to 200 characters, instants and dates 40. INTEGER becomes BIGINT
-- (SQLite integers are 64-bit), REAL becomes FLOAT (8 bytes), AUTOINCREMENT becomes IDENTITY.
-- Bad source rows are kept, not dropped: one row per problem, with where it came from and why it was refused.
CREATE TABLE quarantine (
    quarantine_id  BIGINT IDENTITY(1, 1) PRIMARY KEY,
    run_started_at NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NOT NULL,
    entity         NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    source         NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL, -- table or file it was read from
    location       NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL, -- file:line or the row's key
    column_name    NVARCHAR(400) COLLATE Latin1_General_100_BIN2,
    value          NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2,
    reason         NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL
);
CREATE INDEX ix_quarantine_run ON quarantine (run_started_at);

-- Each CSV drop file is imported once: its content hash is recorded in the same transaction as its rows.
CREATE TABLE csv_imports (
    content_sha256 NVARCHAR(64) COLLATE Latin1_General_100_BIN2    NOT NULL PRIMARY KEY,
    entity         NVARCHAR(100) COLLATE Latin1_General_100_BIN2    NOT NULL,
    file_name      NVARCHAR(400) COLLATE Latin1_General_100_BIN2    NOT NULL,
    row_count      BIGINT NOT NULL,
    rejected_count BIGINT NOT NULL,
    imported_at    NVARCHAR(40) COLLATE Latin1_General_100_BIN2    NOT NULL
);

-- Raw usage events from CSV drops: a CSV file cannot aggregate itself, so the store does, for the days and weeks a
-- file touches. day and week_start are computed on load so the aggregate SQL is the same on every store provider.
CREATE TABLE staged_usage_events (
    account_id  NVARCHAR(200) COLLATE Latin1_General_100_BIN2    NOT NULL,
    user_id     NVARCHAR(200) COLLATE Latin1_General_100_BIN2    NOT NULL,
    feature     NVARCHAR(200) COLLATE Latin1_General_100_BIN2    NOT NULL,
    occurred_at NVARCHAR(40) COLLATE Latin1_General_100_BIN2    NOT NULL,
    quantity    BIGINT NOT NULL,
    day         NVARCHAR(40) COLLATE Latin1_General_100_BIN2    NOT NULL,
    week_start  NVARCHAR(40) COLLATE Latin1_General_100_BIN2    NOT NULL
);
CREATE INDEX ix_staged_usage_day ON staged_usage_events (account_id, day);
CREATE INDEX ix_staged_usage_week ON staged_usage_events (account_id, week_start);
