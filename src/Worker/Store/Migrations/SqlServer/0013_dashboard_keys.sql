-- The dashboard's data-protection keys: ASP.NET Core's key ring, which signs and encrypts the session cookie and the
-- anti-forgery tokens. Kept in the store, so a restart does not sign everyone out and every dashboard on one store
-- accepts the others' cookies. ASP.NET Core's key manager writes each key once as XML (it expires by itself, 90 days
-- after its creation, and a new one is added); nothing changes or deletes a row.
CREATE TABLE dashboard_keys (
    name       NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL PRIMARY KEY, -- the key manager's name for it, key-<guid>
    xml        NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL,
    created_at NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL  -- UTC instant
);
