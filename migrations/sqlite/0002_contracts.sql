-- Contracts, their parties, schedules and transactions (SQLite dialect).
-- Keep in step with ../postgres/0002_contracts.sql. Money in integer cents, rates as decimal text.

CREATE TABLE contracts (
    id                        INTEGER PRIMARY KEY AUTOINCREMENT,
    contract_number           TEXT    NOT NULL UNIQUE,
    kind                      TEXT    NOT NULL CHECK (kind IN ('loan', 'lease')),
    vin                       TEXT    NOT NULL,
    make                      TEXT    NOT NULL,
    model                     TEXT    NOT NULL,
    model_year                INTEGER NOT NULL,
    colour                    TEXT    NOT NULL,
    currency                  TEXT    NOT NULL,
    contract_date             TEXT    NOT NULL,
    amount_financed_cents     INTEGER NOT NULL,
    apr                       TEXT    NOT NULL,
    term_months               INTEGER NOT NULL,
    first_due_date            TEXT    NOT NULL,
    due_day                   INTEGER NOT NULL,
    payment_cents             INTEGER NOT NULL,
    residual_cents            INTEGER,
    allowed_miles             INTEGER,
    tax_percent               TEXT    NOT NULL,
    purchase_option_fee_cents INTEGER,
    late_fee_cents            INTEGER NOT NULL,
    status                    TEXT    NOT NULL CHECK (status IN ('active', 'paid_off', 'closed'))
);
CREATE INDEX contracts_vin ON contracts (vin);

CREATE TABLE contract_parties (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    contract_id      INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
    role             TEXT    NOT NULL CHECK (role IN ('primary', 'co_borrower')),
    first_name       TEXT    NOT NULL,
    last_name        TEXT    NOT NULL,
    customer_card_id TEXT    NOT NULL,
    customer_id      INTEGER REFERENCES customers(id) ON DELETE SET NULL,
    linked_at        INTEGER,
    UNIQUE (contract_id, role)
);
CREATE INDEX contract_parties_customer ON contract_parties (customer_id);
CREATE INDEX contract_parties_card ON contract_parties (customer_card_id);

-- The contractual schedule. Leases: interest = rent charge, principal = depreciation.
CREATE TABLE schedule_rows (
    contract_id      INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
    number           INTEGER NOT NULL,
    due_date         TEXT    NOT NULL,
    payment_cents    INTEGER NOT NULL,
    interest_cents   INTEGER NOT NULL,
    principal_cents  INTEGER NOT NULL,
    tax_cents        INTEGER NOT NULL,
    balance_cents    INTEGER NOT NULL,
    PRIMARY KEY (contract_id, number)
);

CREATE TABLE transactions (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    contract_id      INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
    kind             TEXT    NOT NULL CHECK (kind IN ('payment', 'fee', 'late_charge', 'adjustment')),
    status           TEXT    NOT NULL CHECK (status IN ('pending', 'posted', 'returned')),
    effective_date   TEXT    NOT NULL,
    amount_cents     INTEGER NOT NULL,
    fees_cents       INTEGER NOT NULL,
    interest_cents   INTEGER NOT NULL,
    principal_cents  INTEGER NOT NULL,
    tax_cents        INTEGER NOT NULL,
    excess_cents     INTEGER NOT NULL,
    reference        TEXT    NOT NULL UNIQUE,
    description      TEXT    NOT NULL,
    created_at       INTEGER NOT NULL
);
CREATE INDEX transactions_contract ON transactions (contract_id, effective_date);
