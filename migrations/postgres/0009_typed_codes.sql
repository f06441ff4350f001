-- Sign-in proofs are stored as codes (`SignInProof`), not English text: sessions say how they were
-- signed in and re-authenticated, and second-step events say how the step was made.
UPDATE sessions SET method = 'device_code' WHERE method = 'password + device code';
UPDATE sessions SET method = 'one_time_code' WHERE method = 'password + one-time code';
UPDATE sessions SET method = 'authenticator' WHERE method = 'password + authenticator app';
UPDATE sessions SET method = 'recovery_code' WHERE method = 'password + recovery code';
UPDATE sessions SET method = 'temporary_password' WHERE method = 'temporary password';
UPDATE sessions SET reauth_method = 'authenticator' WHERE reauth_method = 'totp';
UPDATE sessions SET reauth_method = 'recovery_code' WHERE reauth_method = 'recovery';
UPDATE auth_events SET detail = 'device_code' WHERE kind = 'login_second_step' AND detail = 'password + device code';
UPDATE auth_events SET detail = 'one_time_code' WHERE kind = 'login_second_step' AND detail = 'password + one-time code';
UPDATE auth_events SET detail = 'authenticator' WHERE kind = 'login_second_step' AND detail = 'password + authenticator app';
UPDATE auth_events SET detail = 'recovery_code' WHERE kind = 'login_second_step' AND detail = 'password + recovery code';
