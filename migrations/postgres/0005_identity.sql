-- Identity complete (postgres dialect). Keep in step with ../sqlite/0005_identity.sql.

-- A session is 'mfa' while a second step (code, authenticator, passkey) is still owed, 'full' after.
-- reauth_at: when the person last proved who they are (password or second factor) in this session.
ALTER TABLE sessions ADD COLUMN stage TEXT NOT NULL DEFAULT 'full';
ALTER TABLE sessions ADD COLUMN reauth_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN method TEXT NOT NULL DEFAULT 'password';

-- Sign-in preferences and the authenticator app (TOTP secret, base32; last accepted time step
-- so a code is never accepted twice).
ALTER TABLE customers ADD COLUMN otp_channel TEXT NOT NULL DEFAULT 'off';
ALTER TABLE customers ADD COLUMN totp_secret TEXT;
ALTER TABLE customers ADD COLUMN totp_pending_secret TEXT;
ALTER TABLE customers ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;

-- Profile.
ALTER TABLE customers ADD COLUMN phone TEXT;
ALTER TABLE customers ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE customers ADD COLUMN paperless BIGINT NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN notify_email BIGINT NOT NULL DEFAULT 1;
ALTER TABLE customers ADD COLUMN notify_sms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN addr_country TEXT;
ALTER TABLE customers ADD COLUMN addr_line1 TEXT;
ALTER TABLE customers ADD COLUMN addr_line2 TEXT;
ALTER TABLE customers ADD COLUMN addr_city TEXT;
ALTER TABLE customers ADD COLUMN addr_region TEXT;
ALTER TABLE customers ADD COLUMN addr_postal TEXT;

-- Ten single-use recovery codes per enrolment, stored as keyed hashes.
CREATE TABLE recovery_codes (
    id              BIGSERIAL PRIMARY KEY,
    customer_id     BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    code_hash       TEXT    NOT NULL,
    created_at      BIGINT NOT NULL,
    used_at         BIGINT
);
CREATE INDEX recovery_codes_customer ON recovery_codes (customer_id);

-- WebAuthn passkeys (webauthn-rs Passkey, serialised).
CREATE TABLE passkeys (
    id              BIGSERIAL PRIMARY KEY,
    customer_id     BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    credential_id   TEXT    NOT NULL UNIQUE,
    data            TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    created_at      BIGINT NOT NULL,
    last_used_at    BIGINT
);
CREATE INDEX passkeys_customer ON passkeys (customer_id);

-- A WebAuthn ceremony in flight: the server-side state, found by a random id handed to the
-- browser (stored hashed), valid for 5 minutes.
CREATE TABLE webauthn_ceremonies (
    id              BIGSERIAL PRIMARY KEY,
    token_hash      TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL,
    customer_id     BIGINT REFERENCES customers(id) ON DELETE CASCADE,
    state           TEXT    NOT NULL,
    expires_at      BIGINT NOT NULL
);

-- Staff-issued temporary passwords bound to a contract (seed 002: the contract number is the
-- login). After the password is accepted, a short-lived set-up token lets the person choose their
-- own email and password.
CREATE TABLE temp_logins (
    id               BIGSERIAL PRIMARY KEY,
    contract_id      BIGINT NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
    password_hash    TEXT    NOT NULL,
    issued_by        TEXT    NOT NULL,
    created_at       BIGINT NOT NULL,
    expires_at       BIGINT NOT NULL,
    used_at          BIGINT,
    setup_token_hash TEXT,
    setup_expires_at BIGINT
);
CREATE INDEX temp_logins_contract ON temp_logins (contract_id);

-- What the built-in simulated SMS sender "sent" (there is no SMS gateway here).
CREATE TABLE simulated_sms (
    id              BIGSERIAL PRIMARY KEY,
    sent_at         BIGINT NOT NULL,
    to_number       TEXT    NOT NULL,
    body            TEXT    NOT NULL
);
