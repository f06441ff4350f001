-- Payments (PostgreSQL dialect). Keep in step with ../sqlite/0012_payments.sql.
-- Money in integer cents; dates as YYYY-MM-DD text; times as unix seconds.

-- Where a customer pays from. Bank details are sealed under the data key (only the last four are
-- readable); a card is never stored — the processor keeps it and gives back a token.
CREATE TABLE payment_sources (
    id              BIGSERIAL PRIMARY KEY,
    customer_id     BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('bank', 'card')),
    country         TEXT    NOT NULL CHECK (country IN ('US', 'CA', 'RU')),
    holder          TEXT    NOT NULL,
    account_type    TEXT    CHECK (account_type IN ('checking', 'savings')),
    brand           TEXT,
    last4           TEXT    NOT NULL,
    expiry          TEXT,
    sealed_details  TEXT,
    processor_token TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('unverified', 'verified', 'failed', 'removed')),
    created_at      BIGINT NOT NULL,
    removed_at      BIGINT
);
CREATE INDEX payment_sources_customer ON payment_sources (customer_id, status);

-- A payment from the moment it is asked for. `idempotency_key` is made by the page per form
-- instance: the same key with the same request returns the first answer; with another request it
-- is refused. The unique constraint makes concurrent duplicates one payment.
CREATE TABLE payments (
    id              BIGSERIAL PRIMARY KEY,
    reference       TEXT    NOT NULL UNIQUE,
    customer_id     BIGINT NOT NULL REFERENCES customers(id),
    contract_id     BIGINT NOT NULL REFERENCES contracts(id),
    source_id       BIGINT NOT NULL REFERENCES payment_sources(id),
    amount_cents    BIGINT NOT NULL CHECK (amount_cents > 0),
    fee_cents       BIGINT NOT NULL DEFAULT 0,
    -- Of the amount, what the customer put on principal only (decided when they asked).
    extra_principal_cents BIGINT NOT NULL DEFAULT 0,
    extra_to        TEXT    NOT NULL CHECK (extra_to IN ('principal', 'next_instalment')),
    scheduled_for   TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('scheduled', 'processing', 'pending', 'posted', 'returned', 'cancelled', 'declined')),
    posts_on        TEXT,
    return_code     TEXT,
    transaction_id  BIGINT REFERENCES transactions(id),
    claimed_by      TEXT,
    claim_until     BIGINT,
    idempotency_key TEXT    NOT NULL,
    request_hash    TEXT    NOT NULL,
    -- The review the customer confirmed (JSON), returned again for a repeated request.
    review          TEXT    NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    UNIQUE (customer_id, idempotency_key)
);
CREATE INDEX payments_contract ON payments (contract_id, status);
CREATE INDEX payments_due ON payments (status, scheduled_for);

-- What part of a posted payment the customer chose to put on principal only (not ahead on the
-- instalments): it lowers the balance but does not move the next due date.
ALTER TABLE transactions ADD COLUMN extra_principal_cents BIGINT NOT NULL DEFAULT 0;
