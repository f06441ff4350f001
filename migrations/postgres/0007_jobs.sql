-- Claimed background work (postgres dialect). Keep in step with ../sqlite/0007_jobs.sql.

-- Periodic jobs (session purge, later autopay, settlement, statements, retention): an instance
-- runs one only while it holds the lease, taken in one statement when the lease has expired and
-- the job is due. A crashed owner's lease simply runs out.
CREATE TABLE job_leases (
    name            TEXT    PRIMARY KEY,
    owner           TEXT    NOT NULL,
    lease_until     BIGINT NOT NULL,
    last_run_at     BIGINT NOT NULL
);

-- Queued rows are claimed by one instance at a time; an expired claim is taken over.
ALTER TABLE mail_outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE mail_outbox ADD COLUMN claim_until BIGINT;
CREATE INDEX mail_outbox_claim ON mail_outbox (claim_until);
