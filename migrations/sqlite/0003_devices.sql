-- Authorised devices and one-time device codes (SQLite dialect).
-- Keep in step with ../postgres/0003_devices.sql.

-- A browser the customer proved to own by entering an emailed code; remembered by a cookie whose
-- random value is stored here only as a SHA-256 hash, so it can be revoked.
CREATE TABLE devices (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id     INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    token_hash      TEXT    NOT NULL UNIQUE,
    label           TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    last_used_at    INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    revoked_at      INTEGER
);
CREATE INDEX devices_customer ON devices (customer_id);

-- A 6-digit code sent by email, bound to one session (the attempt that asked for it).
CREATE TABLE device_codes (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id     INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    session_id      INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    purpose         TEXT    NOT NULL,
    code_hash       TEXT    NOT NULL,
    attempts        INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    used_at         INTEGER,
    payload         TEXT    NOT NULL
);
CREATE INDEX device_codes_session ON device_codes (session_id, purpose);
