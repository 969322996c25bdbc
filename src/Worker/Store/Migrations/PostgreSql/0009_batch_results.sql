-- A step spread over several nodes (scoring for the score, signals and reports jobs on a PostgreSQL or SQL Server
-- store) runs one Hangfire job per batch of accounts; each records here that it started, on which node, and its result
-- (the batch's scores and activity, JSON), and the step gathers them when every batch succeeded, then deletes them.
CREATE TABLE batch_results (
    fan_out     TEXT COLLATE "C" NOT NULL,
    batch       INTEGER          NOT NULL,
    status      TEXT COLLATE "C" NOT NULL, -- running, succeeded, failed
    node        TEXT COLLATE "C" NOT NULL,
    started_at  TEXT COLLATE "C" NOT NULL,
    finished_at TEXT COLLATE "C",
    error       TEXT COLLATE "C",
    result      TEXT COLLATE "C",
    PRIMARY KEY (fan_out, batch)
);
