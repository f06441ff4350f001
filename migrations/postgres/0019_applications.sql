-- Applications to change a contract (postgres dialect). Keep in step with ../sqlite/0019_applications.sql.

-- What a customer asked for (`kind`, `details` as JSON: the latest submission), where it stands
-- (submitted → under_review → approved | rejected | returned; returned → submitted), and its
-- conversation in the Message Center (`thread_id`: each change writes there). One open
-- application of a kind per contract (the partial unique index). The form key makes a repeated
-- filing the same application; `resubmit_key` a repeated correction the same correction.
CREATE TABLE applications (
    id              BIGSERIAL PRIMARY KEY,
    reference       TEXT    NOT NULL UNIQUE,
    customer_id     BIGINT  NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    contract_id     BIGINT  NOT NULL REFERENCES contracts(id),
    kind            TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    details         TEXT    NOT NULL,
    thread_id       BIGINT  REFERENCES message_threads(id) ON DELETE SET NULL,
    reviewer_id     BIGINT  REFERENCES staff(id),
    decision_note   TEXT,
    -- What approval did (JSON): the schedule before and after, the payment it scheduled.
    outcome         TEXT,
    -- An approved early repayment's payment; once it has posted, the schedule is made again
    -- from the balance it left (`recalculated_at`, once, by the payments job).
    payment_reference TEXT,
    recalculated_at BIGINT,
    idempotency_key TEXT    NOT NULL,
    resubmit_key    TEXT,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    decided_at      BIGINT,
    UNIQUE (customer_id, idempotency_key)
);
CREATE UNIQUE INDEX applications_one_open ON applications (contract_id, kind)
    WHERE status IN ('submitted', 'under_review', 'returned');
CREATE INDEX applications_customer ON applications (customer_id, updated_at);
CREATE INDEX applications_queue ON applications (status, updated_at);

-- Each move of an application, kept for the life of the contract (the Message Center's copy is
-- deleted with its thread): who moved it (a staff member, or the customer when none) and why.
CREATE TABLE application_events (
    id             BIGSERIAL PRIMARY KEY,
    application_id BIGINT  NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    status         TEXT    NOT NULL,
    staff_id       BIGINT  REFERENCES staff(id),
    note           TEXT,
    at             BIGINT  NOT NULL
);
CREATE INDEX application_events_application ON application_events (application_id, id);
