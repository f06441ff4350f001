# signin (en)

## Second step of a sign-in (/login/verify)

verify-page-title = Confirm it is you
verify-expired-title = Sign in again
verify-expired = This sign-in has expired or was already completed. For your security, codes are valid for 10 minutes.
verify-back = Back to sign in
verify-new-device-title = Authorize this device
verify-code-title = Enter your sign-in code
# $to is a masked email address or phone number.
verify-sent-email = We emailed a 6-digit code to { $to }.
verify-sent-sms = We texted a 6-digit code to { $to }.
verify-why-new-device = We do not recognize this browser. Enter the code to confirm it is you; we will remember this device afterwards.
verify-why-every-time = You asked for a code at every sign-in.
verify-resent = A new code is on its way. Only the newest code works.
verify-code-label = 6-digit code
verify-code-hint = The code expires in 10 minutes.
verify-submit = Verify
verify-submit-busy = Checking…
verify-resend = Send a new code
verify-resend-busy = Sending…
verify-start-again = Start again
verify-factor-title = Confirm it is you
verify-recovery-format = Enter a recovery code like ABCDE-FGHJK.
verify-passkey-intro = Use the passkey on this device or your phone.
verify-passkey = Use a passkey
verify-passkey-waiting = Waiting for your passkey…
verify-recovery-label = Recovery code
verify-recovery-hint = One of the ten codes you saved when you set up two-step sign-in. Each works once.
verify-totp-label = Code from your authenticator app
verify-totp-hint = 6 digits; it changes every 30 seconds.
verify-use-totp = Use your authenticator app instead
verify-use-recovery = Use a recovery code instead

## First sign-in with a temporary password (/login/setup)

setup-title = Set up your login
setup-expired-title = Sign in again
setup-expired = This set-up has expired or is already done. Set-up must be finished within 15 minutes of signing in with the temporary password.
setup-back = Back to sign in
# The contract number (in bold) comes between the two pieces, with a space either side.
setup-intro-before = You signed in to contract
setup-intro-after = with a temporary password. Choose the email address and password you will use from now on. We will send a code to the new address to confirm it.
setup-email-label = Your email address
setup-password-label = New password
setup-password-hint = At least { $min } characters ({ $rec } or more recommended). Long passphrases are welcome.
setup-confirm-label = Repeat the new password
setup-second-factor-label = Code from your authenticator app, or a recovery code
setup-second-factor-hint = Only if your existing login uses an authenticator app or a passkey.
setup-submit = Save and continue
setup-submit-busy = Saving…
