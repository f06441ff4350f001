-- Staff notes on a customer (postgres dialect). Keep in step with ../sqlite/0011_staff_notes.sql.

-- Free text staff write on a customer's file. Append-only: the portal never updates or deletes a
-- note (a correction is a new note); adding one is also a staff action (its reference).
CREATE TABLE staff_notes (
    id              BIGSERIAL PRIMARY KEY,
    customer_id     BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    staff_id        BIGINT NOT NULL REFERENCES staff(id),
    at              BIGINT NOT NULL,
    body            TEXT    NOT NULL
);
CREATE INDEX staff_notes_customer ON staff_notes (customer_id, id);
-- The back-office home page lists the files a staff member opened most recently.
CREATE INDEX staff_actions_staff ON staff_actions (staff_id, action, id);
