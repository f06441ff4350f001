-- Contract-number set-up proves the new address before anything changes (sqlite dialect).
-- Keep in step with ../postgres/0008_proofs.sql.
-- The chosen email and password wait on the temporary login until the code sent to that address
-- is entered in the sign-in (session) the set-up started.
ALTER TABLE temp_logins ADD COLUMN pending_email TEXT;
ALTER TABLE temp_logins ADD COLUMN pending_password_hash TEXT;
ALTER TABLE temp_logins ADD COLUMN pending_session_id INTEGER;

-- How the person last proved who they are in a session ('password', 'totp', 'recovery'):
-- removing the last second factor needs a second factor, not only the password.
ALTER TABLE sessions ADD COLUMN reauth_method TEXT;
