-- Local users, for installs without an identity provider: the e-mail address is the key, kept lower case by the
-- code, and compared without case here too (a case-insensitive collation on the key), so "Ann@x" and "ann@x" can
-- never be two users. Only the password's slow, salted hash (ASP.NET Core Identity's PasswordHasher) is kept.
CREATE TABLE users (
    email         NVARCHAR(320) COLLATE Latin1_General_100_CI_AS NOT NULL PRIMARY KEY,
    role          NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL, -- account_manager, team_lead, finance or admin
    password_hash NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    created_at    NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    updated_at    NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL
);

-- The audit trail: who did what, when and from where. Append-only: the code has no statement that changes or deletes a row.
CREATE TABLE audit_events (
    event_id BIGINT IDENTITY(1, 1) PRIMARY KEY,
    at       NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL, -- UTC instant
    actor    NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL, -- a user name or e-mail, "anonymous" or "system"
    action   NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    target   NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL, -- what it acted on (a signal ID, a job, a user), or empty
    source   NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL, -- the client's IP address, or "cli"
    detail   NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL
);
CREATE INDEX ix_audit_events_at ON audit_events (at);
