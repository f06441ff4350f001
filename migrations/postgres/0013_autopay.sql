-- Autopay and payment reminders (PostgreSQL dialect). Keep in step with ../sqlite/0013_autopay.sql.
-- Money in integer cents; dates as YYYY-MM-DD text; times as unix seconds.

-- A standing order to draft each instalment of one contract from one source. `next_due` is the
-- due date of the next instalment to draft (NULL once none is left); the draft itself is made
-- `days_before` days earlier. Background passes claim a row (`claimed_by`, `claim_until`).
CREATE TABLE autopays (
    id                 BIGSERIAL PRIMARY KEY,
    customer_id        BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    contract_id        BIGINT NOT NULL REFERENCES contracts(id),
    source_id          BIGINT NOT NULL REFERENCES payment_sources(id),
    -- NULL: the regular payment; otherwise a fixed amount above it.
    fixed_amount_cents BIGINT CHECK (fixed_amount_cents IS NULL OR fixed_amount_cents > 0),
    days_before        BIGINT NOT NULL CHECK (days_before BETWEEN 0 AND 10),
    start_month        TEXT    NOT NULL,
    next_due           TEXT,
    status             TEXT    NOT NULL CHECK (status IN ('active', 'cancelled', 'ended')),
    ended_reason       TEXT    CHECK (ended_reason IN ('cancelled', 'paid_off', 'matured', 'returns')),
    claimed_by         TEXT,
    claim_until        BIGINT,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    ended_at           BIGINT
);
-- One active autopay per contract.
CREATE UNIQUE INDEX autopays_one_active ON autopays (contract_id) WHERE status = 'active';
CREATE INDEX autopays_due ON autopays (status, next_due);

-- The enrol/change forms' idempotency keys: the same key with the same request answers again,
-- with another request it is refused.
CREATE TABLE autopay_requests (
    customer_id     BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    idempotency_key TEXT    NOT NULL,
    request_hash    TEXT    NOT NULL,
    autopay_id      BIGINT NOT NULL REFERENCES autopays(id),
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (customer_id, idempotency_key)
);

-- A draft belongs to its autopay and covers one due date: never two drafts for one instalment,
-- even when two instances race.
ALTER TABLE payments ADD COLUMN autopay_id BIGINT REFERENCES autopays(id);
ALTER TABLE payments ADD COLUMN due_date TEXT;
CREATE UNIQUE INDEX payments_autopay_due ON payments (autopay_id, due_date);

-- Reminders sent ("draft in 3 days", "due in 5 days"): each once per customer, contract, due date
-- and kind; the row is written in the transaction that queues the mail.
CREATE TABLE payment_reminders (
    id          BIGSERIAL PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    contract_id BIGINT NOT NULL REFERENCES contracts(id),
    due_date    TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('draft_soon', 'due_soon')),
    sent_at     BIGINT NOT NULL,
    UNIQUE (customer_id, contract_id, due_date, kind)
);
