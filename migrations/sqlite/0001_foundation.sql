-- Foundation schema (SQLite dialect). Keep in step with ../postgres/0001_foundation.sql.
-- Conventions: 64-bit integers, money in integer cents, unix-second timestamps, 0/1 flags.

CREATE TABLE customers (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    email           TEXT    NOT NULL UNIQUE,
    first_name      TEXT    NOT NULL,
    last_name       TEXT    NOT NULL,
    password_hash   TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'active', 'disabled')),
    created_at      INTEGER NOT NULL,
    activated_at    INTEGER
);

CREATE TABLE email_tokens (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id     INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    purpose         TEXT    NOT NULL,
    token_hash      TEXT    NOT NULL UNIQUE,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    used_at         INTEGER
);
CREATE INDEX email_tokens_customer ON email_tokens (customer_id, purpose);

CREATE TABLE sessions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash      TEXT    NOT NULL UNIQUE,
    customer_id     INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    created_at      INTEGER NOT NULL,
    last_seen_at    INTEGER NOT NULL,
    ip              TEXT    NOT NULL,
    user_agent      TEXT    NOT NULL
);
CREATE INDEX sessions_customer ON sessions (customer_id);

CREATE TABLE auth_events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    at              INTEGER NOT NULL,
    customer_id     INTEGER REFERENCES customers(id) ON DELETE SET NULL,
    email           TEXT,
    ip              TEXT    NOT NULL,
    user_agent      TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    success         INTEGER NOT NULL,
    detail          TEXT
);
CREATE INDEX auth_events_customer ON auth_events (customer_id, at);

CREATE TABLE throttle (
    key             TEXT    PRIMARY KEY,
    failures        INTEGER NOT NULL,
    window_start    INTEGER NOT NULL,
    locked_until    INTEGER NOT NULL
);

CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at      INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    attempts        INTEGER NOT NULL,
    sent_at         INTEGER,
    last_error      TEXT,
    to_addr         TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    body_text       TEXT    NOT NULL,
    body_html       TEXT    NOT NULL
);
CREATE INDEX mail_outbox_due ON mail_outbox (sent_at, next_attempt_at);

CREATE TABLE dev_mailbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    sent_at         INTEGER NOT NULL,
    to_addr         TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    body_text       TEXT    NOT NULL,
    body_html       TEXT    NOT NULL
);

CREATE TABLE staff (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    email           TEXT    NOT NULL UNIQUE,
    full_name       TEXT    NOT NULL,
    password_hash   TEXT    NOT NULL,
    role            TEXT    NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
    created_at      INTEGER NOT NULL
);
