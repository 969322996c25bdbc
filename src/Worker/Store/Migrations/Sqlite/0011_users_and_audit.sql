-- Local users, for installs without an identity provider: the e-mail address is the key, kept lower case by the
-- code and compared without case here too, so "Ann@x" and "ann@x" can never be two users. Only the password's slow,
-- salted hash (ASP.NET Core Identity's PasswordHasher) is kept, never the password.
CREATE TABLE users (
    email         TEXT NOT NULL COLLATE NOCASE PRIMARY KEY,
    role          TEXT NOT NULL, -- account_manager, team_lead, finance or admin
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- The audit trail: who did what, when and from where. Append-only: the code has no statement that changes or deletes a row.
CREATE TABLE audit_events (
    event_id INTEGER PRIMARY KEY AUTOINCREMENT,
    at       TEXT NOT NULL, -- UTC instant
    actor    TEXT NOT NULL, -- a user name or e-mail, "anonymous" or "system"
    action   TEXT NOT NULL,
    target   TEXT NOT NULL, -- what it acted on (a signal ID, a job, a user), or empty
    source   TEXT NOT NULL, -- the client's IP address, or "cli"
    detail   TEXT NOT NULL
);
CREATE INDEX ix_audit_events_at ON audit_events (at);
