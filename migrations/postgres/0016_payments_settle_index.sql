-- The settle job's claim (PostgreSQL dialect). Keep in step with ../sqlite/0016_payments_settle_index.sql.
-- It takes the pending payments whose posting day has come, oldest posting day first
-- (`status = 'pending' AND posts_on <= $day ORDER BY posts_on, id LIMIT 50`): with this index it
-- reads the first 50 in order instead of every pending payment and sorting them, batch after
-- batch (scripts/bench-payments.sh).
CREATE INDEX payments_settle ON payments (status, posts_on, id);
