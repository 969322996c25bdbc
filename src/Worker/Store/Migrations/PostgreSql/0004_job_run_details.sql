-- Scheduled runs: which trigger fired a run and which node ran it; an index for history, health and retention.
ALTER TABLE job_runs ADD COLUMN trigger_name TEXT COLLATE "C";
ALTER TABLE job_runs ADD COLUMN node TEXT COLLATE "C";
CREATE INDEX ix_job_runs_job_started ON job_runs (job, started_at);
