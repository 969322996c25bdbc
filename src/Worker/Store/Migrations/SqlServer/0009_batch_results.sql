-- A step spread over several nodes (scoring for the score, signals and reports jobs on a PostgreSQL or SQL Server
-- store) runs one Hangfire job per batch of accounts; each records here that it started, on which node, and its result
-- (the batch's scores and activity, JSON), and the step gathers them when every batch succeeded, then deletes them.
CREATE TABLE batch_results (
    fan_out     NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    batch       INT NOT NULL,
    status      NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL, -- running, succeeded, failed
    node        NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    started_at  NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NOT NULL,
    finished_at NVARCHAR(40) COLLATE Latin1_General_100_BIN2,
    error       NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2,
    result      NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2,
    PRIMARY KEY (fan_out, batch)
);
