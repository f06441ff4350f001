-- Message Center (postgres dialect). Keep in step with ../sqlite/0017_messages.sql.

-- A conversation a customer opened with the lender: its topic, the contract it concerns (none:
-- "general"), and where it stands — open (the lender owes an answer), answered (the lender wrote
-- last), closed (the lender closed it; a reply within the retention window reopens it). The form
-- key makes a repeated send the same thread. `read_upto`: the last message (id) the customer has
-- seen; a staff message after it is unread.
CREATE TABLE message_threads (
    id                BIGSERIAL PRIMARY KEY,
    reference         TEXT    NOT NULL UNIQUE,
    customer_id       BIGINT  NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    contract_id       BIGINT  REFERENCES contracts(id),
    topic             TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    legal_hold        BIGINT  NOT NULL DEFAULT 0,
    assigned_staff_id BIGINT  REFERENCES staff(id),
    created_at        BIGINT  NOT NULL,
    last_message_at   BIGINT  NOT NULL,
    read_upto         BIGINT  NOT NULL DEFAULT 0,
    idempotency_key   TEXT    NOT NULL,
    UNIQUE (customer_id, idempotency_key)
);
CREATE INDEX message_threads_customer ON message_threads (customer_id, last_message_at);
CREATE INDEX message_threads_queue ON message_threads (status, last_message_at);

-- One message of a thread, by the customer or a staff member. Deleted 30 days after it was sent
-- (the purge job), unless its thread is on legal hold; a thread with no message left goes too.
CREATE TABLE messages (
    id              BIGSERIAL PRIMARY KEY,
    thread_id       BIGINT  NOT NULL REFERENCES message_threads(id) ON DELETE CASCADE,
    author          TEXT    NOT NULL,
    staff_id        BIGINT  REFERENCES staff(id),
    body            TEXT    NOT NULL,
    sent_at         BIGINT  NOT NULL,
    idempotency_key TEXT    NOT NULL,
    UNIQUE (thread_id, idempotency_key)
);
CREATE INDEX messages_thread ON messages (thread_id, id);
CREATE INDEX messages_sent ON messages (sent_at);
