-- Contract-number set-up proves the new address before anything changes (postgres dialect).
-- Keep in step with ../sqlite/0008_temp_login_proof.sql.
-- The chosen email and password wait on the temporary login until the code sent to that address
-- is entered in the sign-in (session) the set-up started.
ALTER TABLE temp_logins ADD COLUMN pending_email TEXT;
ALTER TABLE temp_logins ADD COLUMN pending_password_hash TEXT;
ALTER TABLE temp_logins ADD COLUMN pending_session_id BIGINT;
