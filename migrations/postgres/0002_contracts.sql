-- Contracts, their parties, schedules and transactions (PostgreSQL dialect).
-- Keep in step with ../sqlite/0002_contracts.sql. Money in integer cents, rates as decimal text.

CREATE TABLE contracts (
    id                        BIGSERIAL PRIMARY KEY,
    contract_number           TEXT    NOT NULL UNIQUE,
    kind                      TEXT    NOT NULL CHECK (kind IN ('loan', 'lease')),
    vin                       TEXT    NOT NULL,
    make                      TEXT    NOT NULL,
    model                     TEXT    NOT NULL,
    model_year                BIGINT NOT NULL,
    colour                    TEXT    NOT NULL,
    currency                  TEXT    NOT NULL,
    contract_date             TEXT    NOT NULL,
    amount_financed_cents     BIGINT NOT NULL,
    apr                       TEXT    NOT NULL,
    term_months               BIGINT NOT NULL,
    first_due_date            TEXT    NOT NULL,
    due_day                   BIGINT NOT NULL,
    payment_cents             BIGINT NOT NULL,
    residual_cents            BIGINT,
    allowed_miles             BIGINT,
    tax_percent               TEXT    NOT NULL,
    purchase_option_fee_cents BIGINT,
    late_fee_cents            BIGINT NOT NULL,
    status                    TEXT    NOT NULL CHECK (status IN ('active', 'paid_off', 'closed'))
);
CREATE INDEX contracts_vin ON contracts (vin);

CREATE TABLE contract_parties (
    id               BIGSERIAL PRIMARY KEY,
    contract_id      BIGINT NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
    role             TEXT    NOT NULL CHECK (role IN ('primary', 'co_borrower')),
    first_name       TEXT    NOT NULL,
    last_name        TEXT    NOT NULL,
    customer_card_id TEXT    NOT NULL,
    customer_id      BIGINT REFERENCES customers(id) ON DELETE SET NULL,
    linked_at        BIGINT,
    UNIQUE (contract_id, role)
);
CREATE INDEX contract_parties_customer ON contract_parties (customer_id);
CREATE INDEX contract_parties_card ON contract_parties (customer_card_id);

-- The contractual schedule. Leases: interest = rent charge, principal = depreciation.
CREATE TABLE schedule_rows (
    contract_id      BIGINT NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
    number           BIGINT NOT NULL,
    due_date         TEXT    NOT NULL,
    payment_cents    BIGINT NOT NULL,
    interest_cents   BIGINT NOT NULL,
    principal_cents  BIGINT NOT NULL,
    tax_cents        BIGINT NOT NULL,
    balance_cents    BIGINT NOT NULL,
    PRIMARY KEY (contract_id, number)
);

CREATE TABLE transactions (
    id               BIGSERIAL PRIMARY KEY,
    contract_id      BIGINT NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
    kind             TEXT    NOT NULL CHECK (kind IN ('payment', 'fee', 'late_charge', 'adjustment')),
    status           TEXT    NOT NULL CHECK (status IN ('pending', 'posted', 'returned')),
    effective_date   TEXT    NOT NULL,
    amount_cents     BIGINT NOT NULL,
    fees_cents       BIGINT NOT NULL,
    interest_cents   BIGINT NOT NULL,
    principal_cents  BIGINT NOT NULL,
    tax_cents        BIGINT NOT NULL,
    excess_cents     BIGINT NOT NULL,
    reference        TEXT    NOT NULL UNIQUE,
    description      TEXT    NOT NULL,
    created_at       BIGINT NOT NULL
);
CREATE INDEX transactions_contract ON transactions (contract_id, effective_date);
