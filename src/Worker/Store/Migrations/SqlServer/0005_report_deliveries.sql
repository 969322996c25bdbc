-- Weekly reports sent by email: one row per week and manager, so a retried or repeated send never emails twice.
CREATE TABLE report_deliveries (
    week        NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL, -- the report's as-of date (ISO)
    owner_email NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    sent_at     NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    PRIMARY KEY (week, owner_email)
);
