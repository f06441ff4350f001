-- Back office (postgres dialect). Keep in step with ../sqlite/0006_backoffice.sql.

-- Staff sign in with password + authenticator code; a staff member can be switched off.
ALTER TABLE staff ADD COLUMN totp_secret TEXT;
ALTER TABLE staff ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN active BIGINT NOT NULL DEFAULT 1;

-- Staff sessions: separate from customer sessions (own cookie, shorter life, idle timeout).
CREATE TABLE staff_sessions (
    id              BIGSERIAL PRIMARY KEY,
    token_hash      TEXT    NOT NULL UNIQUE,
    staff_id        BIGINT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    created_at      BIGINT NOT NULL,
    last_seen_at    BIGINT NOT NULL,
    ip              TEXT    NOT NULL,
    user_agent      TEXT    NOT NULL
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);

-- Every action a staff member takes on a customer's account; the id is the reference number.
CREATE TABLE staff_actions (
    id              BIGSERIAL PRIMARY KEY,
    at              BIGINT NOT NULL,
    staff_id        BIGINT NOT NULL REFERENCES staff(id),
    customer_id     BIGINT REFERENCES customers(id) ON DELETE SET NULL,
    contract_id     BIGINT REFERENCES contracts(id) ON DELETE SET NULL,
    action          TEXT    NOT NULL,
    detail          TEXT
);
CREATE INDEX staff_actions_customer ON staff_actions (customer_id);
