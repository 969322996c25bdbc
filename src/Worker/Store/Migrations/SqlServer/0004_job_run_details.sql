-- Scheduled runs: which trigger fired a run and which node ran it; an index for history, health and retention.
ALTER TABLE job_runs ADD trigger_name NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NULL, node NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL;
CREATE INDEX ix_job_runs_job_started ON job_runs (job, started_at);
