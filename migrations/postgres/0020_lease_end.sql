-- Lease end (postgres dialect). Keep in step with ../sqlite/0020_lease_end.sql.

-- A lease's mileage terms: what each mile over the allowance costs at return, and the lower
-- rate miles bought ahead cost (decimals as text, e.g. '0.25'; none on loans).
ALTER TABLE contracts ADD COLUMN excess_mile_rate TEXT;
ALTER TABLE contracts ADD COLUMN prepaid_mile_rate TEXT;

-- A pre-inspection booked before returning a leased vehicle: one standing booking per contract
-- (a new one replaces it: `cancelled_at`); the form key makes a repeated booking the same one.
CREATE TABLE lease_inspections (
    id              BIGSERIAL PRIMARY KEY,
    reference       TEXT    NOT NULL UNIQUE,
    contract_id     BIGINT  NOT NULL REFERENCES contracts(id),
    customer_id     BIGINT  NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    inspect_on      TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    cancelled_at    BIGINT,
    idempotency_key TEXT    NOT NULL,
    UNIQUE (customer_id, idempotency_key)
);
CREATE UNIQUE INDEX lease_inspections_one ON lease_inspections (contract_id) WHERE cancelled_at IS NULL;
