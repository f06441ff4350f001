-- Back office (sqlite dialect). Keep in step with ../postgres/0006_backoffice.sql.

-- Staff sign in with password + authenticator code; a staff member can be switched off.
ALTER TABLE staff ADD COLUMN totp_secret TEXT;
ALTER TABLE staff ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN active INTEGER NOT NULL DEFAULT 1;

-- Staff sessions: separate from customer sessions (own cookie, shorter life, idle timeout).
CREATE TABLE staff_sessions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash      TEXT    NOT NULL UNIQUE,
    staff_id        INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    created_at      INTEGER NOT NULL,
    last_seen_at    INTEGER NOT NULL,
    ip              TEXT    NOT NULL,
    user_agent      TEXT    NOT NULL
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);

-- Every action a staff member takes on a customer's account; the id is the reference number.
CREATE TABLE staff_actions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    at              INTEGER NOT NULL,
    staff_id        INTEGER NOT NULL REFERENCES staff(id),
    customer_id     INTEGER REFERENCES customers(id) ON DELETE SET NULL,
    contract_id     INTEGER REFERENCES contracts(id) ON DELETE SET NULL,
    action          TEXT    NOT NULL,
    detail          TEXT
);
CREATE INDEX staff_actions_customer ON staff_actions (customer_id);
