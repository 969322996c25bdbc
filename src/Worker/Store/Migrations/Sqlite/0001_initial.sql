-- ChurnWatch store, version 1. Ingested data keeps the source contract's names; usage is kept aggregated.
CREATE TABLE accounts (
    account_id      TEXT    NOT NULL PRIMARY KEY,
    name            TEXT    NOT NULL,
    owner_email     TEXT    NOT NULL,
    segment         TEXT    NOT NULL,
    region          TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    seats_licensed  INTEGER NOT NULL
);

CREATE TABLE subscriptions (
    subscription_id       TEXT    NOT NULL PRIMARY KEY,
    account_id            TEXT    NOT NULL,
    plan                  TEXT    NOT NULL,
    mrr                   REAL    NOT NULL,
    currency              TEXT    NOT NULL,
    billing_period_months INTEGER NOT NULL,
    started_at            TEXT    NOT NULL,
    ended_at              TEXT,
    renewal_date          TEXT,
    auto_renew            INTEGER NOT NULL,
    seats                 INTEGER
);
CREATE INDEX ix_subscriptions_account ON subscriptions (account_id);

-- account x feature x UTC day
CREATE TABLE usage_daily (
    account_id   TEXT    NOT NULL,
    feature      TEXT    NOT NULL,
    day          TEXT    NOT NULL,
    events       INTEGER NOT NULL,
    active_users INTEGER NOT NULL,
    PRIMARY KEY (account_id, feature, day)
) WITHOUT ROWID;

-- account x feature x week (Monday start); feature '*' holds the account's distinct users across all features
CREATE TABLE usage_weekly (
    account_id   TEXT    NOT NULL,
    feature      TEXT    NOT NULL,
    week_start   TEXT    NOT NULL,
    events       INTEGER NOT NULL,
    active_users INTEGER NOT NULL,
    PRIMARY KEY (account_id, feature, week_start)
) WITHOUT ROWID;

CREATE TABLE tickets (
    ticket_id    TEXT    NOT NULL PRIMARY KEY,
    account_id   TEXT    NOT NULL,
    opened_at    TEXT    NOT NULL,
    resolved_at  TEXT,
    priority     TEXT    NOT NULL,
    tier         TEXT    NOT NULL,
    sla_breached INTEGER NOT NULL,
    csat         INTEGER
);
CREATE INDEX ix_tickets_account ON tickets (account_id);

CREATE TABLE invoices (
    invoice_id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL,
    issued_at  TEXT NOT NULL,
    due_at     TEXT NOT NULL,
    paid_at    TEXT,
    amount     REAL NOT NULL,
    currency   TEXT NOT NULL,
    status     TEXT NOT NULL
);
CREATE INDEX ix_invoices_account ON invoices (account_id);

CREATE TABLE payment_attempts (
    account_id     TEXT    NOT NULL,
    invoice_id     TEXT    NOT NULL,
    attempted_at   TEXT    NOT NULL,
    succeeded      INTEGER NOT NULL,
    failure_reason TEXT,
    PRIMARY KEY (invoice_id, attempted_at)
);

-- one row per source entity: was it provided, when did it last load, how new is its data
CREATE TABLE source_freshness (
    entity          TEXT    NOT NULL PRIMARY KEY,
    provided        INTEGER NOT NULL,
    row_count       INTEGER NOT NULL,
    newest_data_at  TEXT,
    last_ingest_at  TEXT    NOT NULL
);

CREATE TABLE feature_snapshots (
    as_of      TEXT NOT NULL,
    account_id TEXT NOT NULL,
    features   TEXT NOT NULL, -- JSON object: feature name -> value (absent features omitted)
    PRIMARY KEY (as_of, account_id)
);

CREATE TABLE models (
    model_id     TEXT NOT NULL PRIMARY KEY,
    target       TEXT NOT NULL,
    learner      TEXT NOT NULL,
    trained_at   TEXT NOT NULL,
    data_as_of   TEXT NOT NULL,
    backtest     TEXT NOT NULL, -- JSON BacktestReport
    model        TEXT NOT NULL  -- JSON model file
);

CREATE TABLE scores (
    as_of               TEXT NOT NULL,
    account_id          TEXT NOT NULL,
    churn_model_id      TEXT NOT NULL,
    churn_probability   REAL NOT NULL,
    renewal_probability REAL,
    band                TEXT NOT NULL,
    reasons             TEXT NOT NULL, -- JSON array of ScoreReason
    PRIMARY KEY (as_of, account_id)
);

CREATE TABLE signals (
    signal_id    INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id   TEXT    NOT NULL,
    owner_email  TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    severity     TEXT    NOT NULL,
    evidence     TEXT    NOT NULL,
    arr_at_stake REAL    NOT NULL,
    first_seen   TEXT    NOT NULL,
    last_seen    TEXT    NOT NULL,
    state        TEXT    NOT NULL, -- open, acknowledged, snoozed, resolved
    resolved_at  TEXT
);
-- at most one live (not resolved) signal per account and kind: the same condition updates it
CREATE UNIQUE INDEX ux_signals_live ON signals (account_id, kind) WHERE state <> 'resolved';

CREATE TABLE job_runs (
    run_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    job           TEXT    NOT NULL,
    started_at    TEXT    NOT NULL,
    finished_at   TEXT,
    status        TEXT    NOT NULL, -- running, succeeded, failed
    rows_affected INTEGER,
    error         TEXT
);
