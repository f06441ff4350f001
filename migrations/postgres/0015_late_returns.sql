-- Returns that arrive after a payment posted (postgres dialect). Keep in step with ../sqlite/0015_late_returns.sql.
-- A posted payment can still come back from the payer's bank for a few business days (NACHA returns
-- such as R10 "not authorised"): final_on is the day that window closes, set when it posts; the
-- claimed job asks the processor once on that day and either reverses the payment or sets final_at.
ALTER TABLE payments ADD COLUMN final_on TEXT;
ALTER TABLE payments ADD COLUMN final_at BIGINT;
-- Payments posted before this migration are final.
UPDATE payments SET final_at = updated_at WHERE status = 'posted';
CREATE INDEX payments_final ON payments (status, final_on);
