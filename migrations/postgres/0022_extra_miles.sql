-- Miles bought ahead on a lease (postgres dialect). Keep in step with ../sqlite/0022_extra_miles.sql.

-- Miles bought at the lease's pre-paid rate, until 120 days before maturity. The price is charged
-- to the contract as a posted fee (`transaction_id`, in the same transaction) and paid by the
-- payment made with it (`payment_reference`; payments pay fees first). The form key makes a
-- repeated purchase the same one.
CREATE TABLE mile_purchases (
    id                BIGSERIAL PRIMARY KEY,
    reference         TEXT    NOT NULL UNIQUE,
    contract_id       BIGINT  NOT NULL REFERENCES contracts(id),
    customer_id       BIGINT  NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    miles             BIGINT  NOT NULL,
    rate              TEXT    NOT NULL,
    amount_cents      BIGINT  NOT NULL,
    transaction_id    BIGINT  NOT NULL REFERENCES transactions(id),
    payment_reference TEXT,
    idempotency_key   TEXT    NOT NULL,
    created_at        BIGINT  NOT NULL,
    UNIQUE (customer_id, idempotency_key)
);
CREATE INDEX mile_purchases_contract ON mile_purchases (contract_id);
