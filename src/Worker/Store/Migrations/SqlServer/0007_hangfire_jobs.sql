-- The scheduler keeps its own state in Hangfire's storage (schema [HangFire]); these tables are what ChurnWatch itself
-- must know across restarts and processes: the Hangfire job of each run, pauses, requests from `churnwatch jobs` and
-- the dashboard, and since when each schedule is registered.
ALTER TABLE job_runs ADD hangfire_job_id NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NULL, chain BIGINT NOT NULL CONSTRAINT df_job_runs_chain DEFAULT 0;
CREATE INDEX ix_job_runs_hangfire_job ON job_runs (hangfire_job_id);
CREATE TABLE job_pauses (
    job          NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    paused_at    NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    held_trigger NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NULL
);
CREATE TABLE job_requests (
    request_id      BIGINT IDENTITY(1,1) PRIMARY KEY,
    job             NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    chain           BIGINT NOT NULL,
    fired_by        NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    requested_at    NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    taken_at        NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NULL,
    taken_by        NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL,
    hangfire_job_id NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NULL
);
CREATE TABLE job_schedules (
    schedule_key NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY,
    since        NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL
);
-- The tables of the scheduler ChurnWatch used before (only ever created by it); children first.
DROP TABLE IF EXISTS QRTZ_FIRED_TRIGGERS, QRTZ_PAUSED_TRIGGER_GRPS, QRTZ_SCHEDULER_STATE, QRTZ_LOCKS, QRTZ_SIMPLE_TRIGGERS,
    QRTZ_SIMPROP_TRIGGERS, QRTZ_CRON_TRIGGERS, QRTZ_BLOB_TRIGGERS, QRTZ_TRIGGERS, QRTZ_JOB_DETAILS, QRTZ_CALENDARS;
