-- Bad source rows are kept, not dropped: one row per problem, with where it came from and why it was refused.
CREATE TABLE quarantine (
    quarantine_id  INTEGER PRIMARY KEY AUTOINCREMENT,
    run_started_at TEXT NOT NULL,
    entity         TEXT NOT NULL,
    source         TEXT NOT NULL, -- table or file it was read from
    location       TEXT NOT NULL, -- file:line or the row's key
    column_name    TEXT,
    value          TEXT,
    reason         TEXT NOT NULL
);
CREATE INDEX ix_quarantine_run ON quarantine (run_started_at);

-- Each CSV drop file is imported once: its content hash is recorded in the same transaction as its rows.
CREATE TABLE csv_imports (
    content_sha256 TEXT    NOT NULL PRIMARY KEY,
    entity         TEXT    NOT NULL,
    file_name      TEXT    NOT NULL,
    row_count      INTEGER NOT NULL,
    rejected_count INTEGER NOT NULL,
    imported_at    TEXT    NOT NULL
);

-- Raw usage events from CSV drops: a CSV file cannot aggregate itself, so the store does, for the days and weeks a
-- file touches. day and week_start are computed on load so the aggregate SQL is the same on every store provider.
CREATE TABLE staged_usage_events (
    account_id  TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    feature     TEXT    NOT NULL,
    occurred_at TEXT    NOT NULL,
    quantity    INTEGER NOT NULL,
    day         TEXT    NOT NULL,
    week_start  TEXT    NOT NULL
);
CREATE INDEX ix_staged_usage_day ON staged_usage_events (account_id, day);
CREATE INDEX ix_staged_usage_week ON staged_usage_events (account_id, week_start);
