-- The scheduler keeps its own state in Hangfire's storage (schema "hangfire"); these tables are what ChurnWatch itself
-- must know across restarts and processes: the Hangfire job of each run, pauses, requests from `churnwatch jobs` and
-- the dashboard, and since when each schedule is registered.
ALTER TABLE job_runs ADD COLUMN hangfire_job_id TEXT COLLATE "C";
ALTER TABLE job_runs ADD COLUMN chain BIGINT NOT NULL DEFAULT 0;
CREATE INDEX ix_job_runs_hangfire_job ON job_runs (hangfire_job_id);
CREATE TABLE job_pauses (
    job          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    paused_at    TEXT COLLATE "C" NOT NULL,
    held_trigger TEXT COLLATE "C"
);
CREATE TABLE job_requests (
    request_id      BIGSERIAL PRIMARY KEY,
    job             TEXT COLLATE "C" NOT NULL,
    chain           BIGINT NOT NULL,
    fired_by        TEXT COLLATE "C" NOT NULL,
    requested_at    TEXT COLLATE "C" NOT NULL,
    taken_at        TEXT COLLATE "C",
    taken_by        TEXT COLLATE "C",
    hangfire_job_id TEXT COLLATE "C"
);
CREATE TABLE job_schedules (
    schedule_key TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    since        TEXT COLLATE "C" NOT NULL
);
-- The tables of the scheduler ChurnWatch used before (only ever created by it).
DROP TABLE IF EXISTS qrtz_fired_triggers, qrtz_paused_trigger_grps, qrtz_scheduler_state, qrtz_locks, qrtz_simple_triggers,
    qrtz_simprop_triggers, qrtz_cron_triggers, qrtz_blob_triggers, qrtz_triggers, qrtz_job_details, qrtz_calendars CASCADE;
