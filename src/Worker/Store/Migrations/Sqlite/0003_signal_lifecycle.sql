-- Signal lifecycle: who acknowledged or snoozed a signal, until when and why; the severity it had then (a rise
-- brings it back); the week it first entered a report (null while the weekly cap holds it back); and its history.
ALTER TABLE signals ADD COLUMN snoozed_until TEXT;
ALTER TABLE signals ADD COLUMN state_reason TEXT;
ALTER TABLE signals ADD COLUMN state_by TEXT;
ALTER TABLE signals ADD COLUMN state_changed_at TEXT;
ALTER TABLE signals ADD COLUMN state_severity TEXT;
ALTER TABLE signals ADD COLUMN reported_on TEXT;

-- One row per lifecycle event: opened, changed (severity), reported, acknowledged, snoozed, reopened, resolved.
CREATE TABLE signal_events (
    event_id  INTEGER PRIMARY KEY AUTOINCREMENT,
    signal_id INTEGER NOT NULL,
    happened_at TEXT    NOT NULL, -- the run's as-of date, or the instant of a command
    event     TEXT    NOT NULL,
    severity  TEXT    NOT NULL,
    evidence  TEXT    NOT NULL,
    actor     TEXT,
    reason    TEXT
);
CREATE INDEX ix_signal_events_signal ON signal_events (signal_id);
