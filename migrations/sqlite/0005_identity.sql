-- Identity complete (sqlite dialect). Keep in step with ../postgres/0005_identity.sql.

-- A session is 'mfa' while a second step (code, authenticator, passkey) is still owed, 'full' after.
-- reauth_at: when the person last proved who they are (password or second factor) in this session.
ALTER TABLE sessions ADD COLUMN stage TEXT NOT NULL DEFAULT 'full';
ALTER TABLE sessions ADD COLUMN reauth_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN method TEXT NOT NULL DEFAULT 'password';

-- Sign-in preferences and the authenticator app (TOTP secret, base32; last accepted time step
-- so a code is never accepted twice).
ALTER TABLE customers ADD COLUMN otp_channel TEXT NOT NULL DEFAULT 'off';
ALTER TABLE customers ADD COLUMN totp_secret TEXT;
ALTER TABLE customers ADD COLUMN totp_pending_secret TEXT;
ALTER TABLE customers ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;

-- Profile.
ALTER TABLE customers ADD COLUMN phone TEXT;
ALTER TABLE customers ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE customers ADD COLUMN paperless INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN notify_email INTEGER NOT NULL DEFAULT 1;
ALTER TABLE customers ADD COLUMN notify_sms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN addr_country TEXT;
ALTER TABLE customers ADD COLUMN addr_line1 TEXT;
ALTER TABLE customers ADD COLUMN addr_line2 TEXT;
ALTER TABLE customers ADD COLUMN addr_city TEXT;
ALTER TABLE customers ADD COLUMN addr_region TEXT;
ALTER TABLE customers ADD COLUMN addr_postal TEXT;

-- Ten single-use recovery codes per enrolment, stored as keyed hashes.
CREATE TABLE recovery_codes (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id     INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    code_hash       TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    used_at         INTEGER
);
CREATE INDEX recovery_codes_customer ON recovery_codes (customer_id);

-- WebAuthn passkeys (webauthn-rs Passkey, serialised).
CREATE TABLE passkeys (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id     INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    credential_id   TEXT    NOT NULL UNIQUE,
    data            TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    last_used_at    INTEGER
);
CREATE INDEX passkeys_customer ON passkeys (customer_id);

-- A WebAuthn ceremony in flight: the server-side state, found by a random id handed to the
-- browser (stored hashed), valid for 5 minutes.
CREATE TABLE webauthn_ceremonies (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash      TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL,
    customer_id     INTEGER REFERENCES customers(id) ON DELETE CASCADE,
    state           TEXT    NOT NULL,
    expires_at      INTEGER NOT NULL
);

-- Staff-issued temporary passwords bound to a contract (seed 002: the contract number is the
-- login). After the password is accepted, a short-lived set-up token lets the person choose their
-- own email and password.
CREATE TABLE temp_logins (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    contract_id      INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
    password_hash    TEXT    NOT NULL,
    issued_by        TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    expires_at       INTEGER NOT NULL,
    used_at          INTEGER,
    setup_token_hash TEXT,
    setup_expires_at INTEGER
);
CREATE INDEX temp_logins_contract ON temp_logins (contract_id);

-- What the built-in simulated SMS sender "sent" (there is no SMS gateway here).
CREATE TABLE simulated_sms (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    sent_at         INTEGER NOT NULL,
    to_number       TEXT    NOT NULL,
    body            TEXT    NOT NULL
);
