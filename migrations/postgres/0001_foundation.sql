-- Foundation schema (PostgreSQL dialect). Keep in step with ../sqlite/0001_foundation.sql.
-- Conventions: 64-bit integers, money in integer cents, unix-second timestamps, 0/1 flags.

CREATE TABLE customers (
    id              BIGSERIAL PRIMARY KEY,
    email           TEXT    NOT NULL UNIQUE,
    first_name      TEXT    NOT NULL,
    last_name       TEXT    NOT NULL,
    password_hash   TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'active', 'disabled')),
    created_at      BIGINT NOT NULL,
    activated_at    BIGINT
);

CREATE TABLE email_tokens (
    id              BIGSERIAL PRIMARY KEY,
    customer_id     BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    purpose         TEXT    NOT NULL,
    token_hash      TEXT    NOT NULL UNIQUE,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    used_at         BIGINT
);
CREATE INDEX email_tokens_customer ON email_tokens (customer_id, purpose);

CREATE TABLE sessions (
    id              BIGSERIAL PRIMARY KEY,
    token_hash      TEXT    NOT NULL UNIQUE,
    customer_id     BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    created_at      BIGINT NOT NULL,
    last_seen_at    BIGINT NOT NULL,
    ip              TEXT    NOT NULL,
    user_agent      TEXT    NOT NULL
);
CREATE INDEX sessions_customer ON sessions (customer_id);

CREATE TABLE auth_events (
    id              BIGSERIAL PRIMARY KEY,
    at              BIGINT NOT NULL,
    customer_id     BIGINT REFERENCES customers(id) ON DELETE SET NULL,
    email           TEXT,
    ip              TEXT    NOT NULL,
    user_agent      TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    success         BIGINT NOT NULL,
    detail          TEXT
);
CREATE INDEX auth_events_customer ON auth_events (customer_id, at);

CREATE TABLE throttle (
    key             TEXT    PRIMARY KEY,
    failures        BIGINT NOT NULL,
    window_start    BIGINT NOT NULL,
    locked_until    BIGINT NOT NULL
);

CREATE TABLE mail_outbox (
    id              BIGSERIAL PRIMARY KEY,
    created_at      BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    attempts        BIGINT NOT NULL,
    sent_at         BIGINT,
    last_error      TEXT,
    to_addr         TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    body_text       TEXT    NOT NULL,
    body_html       TEXT    NOT NULL
);
CREATE INDEX mail_outbox_due ON mail_outbox (sent_at, next_attempt_at);

CREATE TABLE dev_mailbox (
    id              BIGSERIAL PRIMARY KEY,
    sent_at         BIGINT NOT NULL,
    to_addr         TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    body_text       TEXT    NOT NULL,
    body_html       TEXT    NOT NULL
);

CREATE TABLE staff (
    id              BIGSERIAL PRIMARY KEY,
    email           TEXT    NOT NULL UNIQUE,
    full_name       TEXT    NOT NULL,
    password_hash   TEXT    NOT NULL,
    role            TEXT    NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
    created_at      BIGINT NOT NULL
);
