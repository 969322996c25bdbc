-- Staged usage events of weeks before this Monday have been pruned (CsvDrops:StagedUsageDays): those weeks'
-- aggregates are final, and a later CSV event in one is refused, since the week could no longer be recounted.
-- At most one row; none until the first prune.
CREATE TABLE staged_usage_pruned (
    week_start NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NOT NULL
);
