-- Weekly reports sent by email: one row per week and manager, so a retried or repeated send never emails twice.
CREATE TABLE report_deliveries (
    week        TEXT NOT NULL, -- the report's as-of date (ISO)
    owner_email TEXT NOT NULL,
    sent_at     TEXT NOT NULL,
    PRIMARY KEY (week, owner_email)
);
