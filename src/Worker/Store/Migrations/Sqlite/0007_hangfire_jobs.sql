-- The scheduler keeps its own state in Hangfire's storage; these tables are what ChurnWatch itself must know across
-- restarts and processes: the Hangfire job of each run, pauses, requests from `churnwatch jobs` and the dashboard,
-- and since when each schedule is registered (to run a slot missed while no node ran, once).
ALTER TABLE job_runs ADD COLUMN hangfire_job_id TEXT;
ALTER TABLE job_runs ADD COLUMN chain INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_job_runs_hangfire_job ON job_runs (hangfire_job_id);
CREATE TABLE job_pauses (
    job          TEXT NOT NULL PRIMARY KEY,
    paused_at    TEXT NOT NULL,
    held_trigger TEXT
);
CREATE TABLE job_requests (
    request_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    job             TEXT    NOT NULL,
    chain           INTEGER NOT NULL,
    fired_by        TEXT    NOT NULL,
    requested_at    TEXT    NOT NULL,
    taken_at        TEXT,
    taken_by        TEXT,
    hangfire_job_id TEXT
);
CREATE TABLE job_schedules (
    schedule_key TEXT NOT NULL PRIMARY KEY,
    since        TEXT NOT NULL
);
-- The tables of the scheduler ChurnWatch used before (only ever created by it).
DROP TABLE IF EXISTS qrtz_fired_triggers;
DROP TABLE IF EXISTS qrtz_paused_trigger_grps;
DROP TABLE IF EXISTS qrtz_scheduler_state;
DROP TABLE IF EXISTS qrtz_locks;
DROP TABLE IF EXISTS qrtz_simple_triggers;
DROP TABLE IF EXISTS qrtz_simprop_triggers;
DROP TABLE IF EXISTS qrtz_cron_triggers;
DROP TABLE IF EXISTS qrtz_blob_triggers;
DROP TABLE IF EXISTS qrtz_triggers;
DROP TABLE IF EXISTS qrtz_job_details;
DROP TABLE IF EXISTS qrtz_calendars;
