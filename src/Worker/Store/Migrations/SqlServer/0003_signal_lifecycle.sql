-- Signal lifecycle: who acknowledged or snoozed a signal, until when and why; the severity it had then (a rise
-- brings it back); the week it first entered a report (null while the weekly cap holds it back); and its history.
ALTER TABLE signals ADD
    snoozed_until    NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NULL,
    state_reason     NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NULL,
    state_by         NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NULL,
    state_changed_at NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NULL,
    state_severity   NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NULL,
    reported_on      NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NULL;

-- One row per lifecycle event: opened, changed (severity), reported, acknowledged, snoozed, reopened, resolved.
CREATE TABLE signal_events (
    event_id  BIGINT IDENTITY(1, 1) PRIMARY KEY,
    signal_id BIGINT NOT NULL,
    happened_at NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NOT NULL, -- the run's as-of date, or the instant of a command
    event     NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    severity  NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    evidence  NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL,
    actor     NVARCHAR(400) COLLATE Latin1_General_100_BIN2,
    reason    NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2
);
CREATE INDEX ix_signal_events_signal ON signal_events (signal_id);
