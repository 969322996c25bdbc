-- SQL Server (T-SQL) mirror of Sqlite/0001_initial.sql: the same tables, columns and keys. Written for T-SQL and checked
-- without a server (no SQL Server engine has run it yet).
-- Instants and dates stay ISO-8601 text, as on SQLite, so ordering and comparisons behave identically on every
-- provider and a store's data checksums the same wherever it lives. Text is NVARCHAR with a binary collation
-- (Latin1_General_100_BIN2: case-sensitive, code-point order, like SQLite) whatever the database's default.
-- Sizes keep every index key under SQL Server's limits (900 bytes clustered, 1,700 nonclustered; NVARCHAR is 2
-- bytes a character): ids and feature names up to 200 characters, instants and dates 40. INTEGER becomes BIGINT
-- (SQLite integers are 64-bit), REAL becomes FLOAT (8 bytes), AUTOINCREMENT becomes IDENTITY.
CREATE TABLE accounts (
    account_id      NVARCHAR(200) COLLATE Latin1_General_100_BIN2    NOT NULL PRIMARY KEY,
    name            NVARCHAR(400) COLLATE Latin1_General_100_BIN2    NOT NULL,
    owner_email     NVARCHAR(400) COLLATE Latin1_General_100_BIN2    NOT NULL,
    segment         NVARCHAR(400) COLLATE Latin1_General_100_BIN2    NOT NULL,
    region          NVARCHAR(400) COLLATE Latin1_General_100_BIN2    NOT NULL,
    created_at      NVARCHAR(40) COLLATE Latin1_General_100_BIN2    NOT NULL,
    seats_licensed  BIGINT NOT NULL
);

CREATE TABLE subscriptions (
    subscription_id       NVARCHAR(200) COLLATE Latin1_General_100_BIN2    NOT NULL PRIMARY KEY,
    account_id            NVARCHAR(200) COLLATE Latin1_General_100_BIN2    NOT NULL,
    [plan]                NVARCHAR(400) COLLATE Latin1_General_100_BIN2    NOT NULL,
    mrr                   FLOAT    NOT NULL,
    currency              NVARCHAR(100) COLLATE Latin1_General_100_BIN2    NOT NULL,
    billing_period_months BIGINT NOT NULL,
    started_at            NVARCHAR(40) COLLATE Latin1_General_100_BIN2    NOT NULL,
    ended_at              NVARCHAR(40) COLLATE Latin1_General_100_BIN2,
    renewal_date          NVARCHAR(40) COLLATE Latin1_General_100_BIN2,
    auto_renew            BIGINT NOT NULL,
    seats                 BIGINT
);
CREATE INDEX ix_subscriptions_account ON subscriptions (account_id);

-- account x feature x UTC day
CREATE TABLE usage_daily (
    account_id   NVARCHAR(200) COLLATE Latin1_General_100_BIN2    NOT NULL,
    feature      NVARCHAR(200) COLLATE Latin1_General_100_BIN2    NOT NULL,
    day          NVARCHAR(40) COLLATE Latin1_General_100_BIN2    NOT NULL,
    events       BIGINT NOT NULL,
    active_users BIGINT NOT NULL,
    PRIMARY KEY (account_id, feature, day)
);

-- account x feature x week (Monday start); feature '*' holds the account's distinct users across all features
CREATE TABLE usage_weekly (
    account_id   NVARCHAR(200) COLLATE Latin1_General_100_BIN2    NOT NULL,
    feature      NVARCHAR(200) COLLATE Latin1_General_100_BIN2    NOT NULL,
    week_start   NVARCHAR(40) COLLATE Latin1_General_100_BIN2    NOT NULL,
    events       BIGINT NOT NULL,
    active_users BIGINT NOT NULL,
    PRIMARY KEY (account_id, feature, week_start)
);

CREATE TABLE tickets (
    ticket_id    NVARCHAR(200) COLLATE Latin1_General_100_BIN2    NOT NULL PRIMARY KEY,
    account_id   NVARCHAR(200) COLLATE Latin1_General_100_BIN2    NOT NULL,
    opened_at    NVARCHAR(40) COLLATE Latin1_General_100_BIN2    NOT NULL,
    resolved_at  NVARCHAR(40) COLLATE Latin1_General_100_BIN2,
    priority     NVARCHAR(100) COLLATE Latin1_General_100_BIN2    NOT NULL,
    tier         NVARCHAR(100) COLLATE Latin1_General_100_BIN2    NOT NULL,
    sla_breached BIGINT NOT NULL,
    csat         BIGINT
);
CREATE INDEX ix_tickets_account ON tickets (account_id);

CREATE TABLE invoices (
    invoice_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    account_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    issued_at  NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NOT NULL,
    due_at     NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NOT NULL,
    paid_at    NVARCHAR(40) COLLATE Latin1_General_100_BIN2,
    amount     FLOAT NOT NULL,
    currency   NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    status     NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL
);
CREATE INDEX ix_invoices_account ON invoices (account_id);

CREATE TABLE payment_attempts (
    account_id     NVARCHAR(200) COLLATE Latin1_General_100_BIN2    NOT NULL,
    invoice_id     NVARCHAR(200) COLLATE Latin1_General_100_BIN2    NOT NULL,
    attempted_at   NVARCHAR(40) COLLATE Latin1_General_100_BIN2    NOT NULL,
    succeeded      BIGINT NOT NULL,
    failure_reason NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2,
    PRIMARY KEY (invoice_id, attempted_at)
);

-- one row per source entity: was it provided, when did it last load, how new is its data
CREATE TABLE source_freshness (
    entity          NVARCHAR(100) COLLATE Latin1_General_100_BIN2    NOT NULL PRIMARY KEY,
    provided        BIGINT NOT NULL,
    row_count       BIGINT NOT NULL,
    newest_data_at  NVARCHAR(40) COLLATE Latin1_General_100_BIN2,
    last_ingest_at  NVARCHAR(40) COLLATE Latin1_General_100_BIN2    NOT NULL
);

CREATE TABLE feature_snapshots (
    as_of      NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NOT NULL,
    account_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    features   NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL, -- JSON object: feature name -> value (absent features omitted)
    PRIMARY KEY (as_of, account_id)
);

CREATE TABLE models (
    model_id     NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    target       NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    learner      NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    trained_at   NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NOT NULL,
    data_as_of   NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NOT NULL,
    backtest     NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL, -- JSON BacktestReport
    model        NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL  -- JSON model file
);

CREATE TABLE scores (
    as_of               NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NOT NULL,
    account_id          NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    churn_model_id      NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    churn_probability   FLOAT NOT NULL,
    renewal_probability FLOAT,
    band                NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    reasons             NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL, -- JSON array of ScoreReason
    PRIMARY KEY (as_of, account_id)
);

CREATE TABLE signals (
    signal_id    BIGINT IDENTITY(1, 1) PRIMARY KEY,
    account_id   NVARCHAR(200) COLLATE Latin1_General_100_BIN2    NOT NULL,
    owner_email  NVARCHAR(400) COLLATE Latin1_General_100_BIN2    NOT NULL,
    kind         NVARCHAR(100) COLLATE Latin1_General_100_BIN2    NOT NULL,
    severity     NVARCHAR(100) COLLATE Latin1_General_100_BIN2    NOT NULL,
    evidence     NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2    NOT NULL,
    arr_at_stake FLOAT    NOT NULL,
    first_seen   NVARCHAR(40) COLLATE Latin1_General_100_BIN2    NOT NULL,
    last_seen    NVARCHAR(40) COLLATE Latin1_General_100_BIN2    NOT NULL,
    state        NVARCHAR(100) COLLATE Latin1_General_100_BIN2    NOT NULL, -- open, acknowledged, snoozed, resolved
    resolved_at  NVARCHAR(40) COLLATE Latin1_General_100_BIN2
);
-- at most one live (not resolved) signal per account and kind: the same condition updates it
CREATE UNIQUE INDEX ux_signals_live ON signals (account_id, kind) WHERE state <> 'resolved';

CREATE TABLE job_runs (
    run_id        BIGINT IDENTITY(1, 1) PRIMARY KEY,
    job           NVARCHAR(400) COLLATE Latin1_General_100_BIN2    NOT NULL,
    started_at    NVARCHAR(40) COLLATE Latin1_General_100_BIN2    NOT NULL,
    finished_at   NVARCHAR(40) COLLATE Latin1_General_100_BIN2,
    status        NVARCHAR(100) COLLATE Latin1_General_100_BIN2    NOT NULL, -- running, succeeded, failed
    rows_affected BIGINT,
    error         NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2
);
