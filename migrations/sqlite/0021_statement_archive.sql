-- The statement archive and paper mailings (sqlite dialect). Keep in step with
-- ../postgres/0021_statement_archive.sql.

-- A monthly statement as issued: one per contract, party, month and language, its PDF in the
-- object store under `object_key` with its SHA-256, so every download is the same bytes. The row
-- is written before the object ('writing') and marked 'ready' with the digest once the object is
-- stored; a 'writing' row left by a crash is swept by the statements job: claimed ('sweeping'),
-- then its object goes, then the row.
CREATE TABLE statements (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    period      TEXT    NOT NULL,
    language    TEXT    NOT NULL,
    object_key  TEXT    NOT NULL UNIQUE,
    status      TEXT    NOT NULL CHECK (status IN ('writing', 'ready', 'sweeping')),
    sha256      TEXT,
    size_bytes  INTEGER NOT NULL DEFAULT 0,
    issued_at   INTEGER NOT NULL,
    issued_by   TEXT    NOT NULL CHECK (issued_by IN ('job', 'download')),
    UNIQUE (contract_id, customer_id, period, language)
);
CREATE INDEX statements_writing ON statements (status, issued_at);

-- How the monthly job delivered a party's statement: 'online' (paperless) or 'mail' (a paper copy
-- through the print-and-mail service, claimed like the outbox so it goes once across instances;
-- 'held' when no mailing address is on file). One per contract, party and month.
CREATE TABLE statement_deliveries (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    contract_id  INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    period       TEXT    NOT NULL,
    statement_id INTEGER NOT NULL REFERENCES statements(id),
    channel      TEXT    NOT NULL CHECK (channel IN ('online', 'mail')),
    status       TEXT    NOT NULL CHECK (status IN ('done', 'queued', 'sent', 'held')),
    address      TEXT,
    created_at   INTEGER NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    claimed_by   TEXT,
    claim_until  INTEGER,
    sent_at      INTEGER,
    mail_reference TEXT,
    UNIQUE (contract_id, customer_id, period)
);
CREATE INDEX statement_deliveries_queued ON statement_deliveries (status, id);

-- The simulated print-and-mail service's record of what it was handed (named as simulated in the
-- README): one piece per reference, so a job retried after a crash never mails twice; `handed_over`
-- counts how often it was handed the same piece.
CREATE TABLE simulated_mail_pieces (
    reference   TEXT    PRIMARY KEY,
    address     TEXT    NOT NULL,
    sha256      TEXT    NOT NULL,
    size_bytes  INTEGER NOT NULL,
    accepted_at INTEGER NOT NULL,
    handed_over INTEGER NOT NULL DEFAULT 1
);
