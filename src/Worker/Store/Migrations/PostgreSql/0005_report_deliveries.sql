-- Weekly reports sent by email: one row per week and manager, so a retried or repeated send never emails twice.
CREATE TABLE report_deliveries (
    week        TEXT COLLATE "C" NOT NULL, -- the report's as-of date (ISO)
    owner_email TEXT COLLATE "C" NOT NULL,
    sent_at     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (week, owner_email)
);
