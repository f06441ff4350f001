# auth (en)

## Sign-in page

login-title = Sign in
login-activated = Your account is now active. Please sign in.
login-email-changed = Your email address is changed. Sign in with the new address.
login-signed-out = You have signed out.
login-session-ended = Please sign in to continue. For your security, sessions end after 15 minutes without activity.
login-resend-activation = Send a new activation link
login-resend-sent = If that account is waiting for activation, a new link is on its way.
login-email-label = Email address or contract number
login-email-hint = Use your contract number only with a temporary password from us.
login-password-label = Password
login-password-required = Enter your password.
login-submit = Sign in
login-submit-busy = Signing in…
login-or = or
login-passkey = Sign in with a passkey
login-passkey-waiting = Waiting for your passkey…
login-forgot-password = Forgot your password?
login-forgot-username = Forgot your username?
# Followed by a space and the link login-create-link.
login-new-here = New here?
login-help = Trouble signing in? Help centre
login-create-link = Create your login

## Registration

register-title = Create your login
register-lead = After this step you will link your finance contract. Have your full Vehicle Identification Number (VIN) and the amount of your last payment ready, or your Customer ID from your owner's card.
# Followed by a space and the link register-sign-in-link.
register-already = Already registered?
register-sign-in-link = Sign in
register-done-title = Check your email
# The email address (in bold) comes between register-done-sent-before and register-done-sent-after.
register-done-sent-before = We sent an activation link to
register-done-sent-after = .
# Quotes the activation email's subject and button.
register-done-open = Open the message “Activate your account login” and select “Activate now”. The link works once and expires in 24 hours.
register-done-no-email = No email after a few minutes? Check your spam folder, or sign in and ask for a new link.
register-done-go-sign-in = Go to sign in
register-required-note = All fields are required.
register-first-name = First name
register-last-name = Last name
register-email-label = Email address (this will be your username)
register-password-label = Password
register-password-hint = At least { $min } characters; { $rec } or more is recommended. A phrase of a few words works well.
# Live count under the password field while typing.
register-password-count-short = { $n } characters — { $rec } or more is recommended.
register-password-count-good = { $n } characters — good length.
register-confirm-label = Confirm password
# Hidden trap field for robots.
register-honeypot = Leave this field empty
# Followed by a space and the link register-terms-link.
register-terms-before = I have read and accept the
register-terms-link = Terms of Use
register-submit = Register now
register-submit-busy = Creating your login…

## Activation link page

activate-title = Activate your account
activate-go-to-sign-in = Go to sign in
# Follows the link activate-go-to-sign-in and a space.
activate-error-after = — if your account is not active yet, you can ask for a new link there.
activate-success = Your account is now active. Taking you to sign in…
activate-confirming = Confirming your email address…
activate-submit = Activate my account
activate-submit-busy = Activating…

## Forgot password

forgot-password-title = Forgot your password?
# The email address (in bold) comes between the two pieces, after a space.
forgot-password-sent-before = If an account uses
forgot-password-sent-after = , we have sent it a link to reset the password. The link expires in 1 hour.
# Followed by a space and the link forgot-password-back.
forgot-password-no-email = No email? Check your spam folder.
forgot-password-back = Back to sign in
forgot-password-intro = Enter the email address you registered with. We will email you a link to choose a new password.
forgot-password-email-label = Email address
forgot-password-submit = Continue
forgot-password-submit-busy = Sending…
forgot-password-which-email = Forgot which email you used?

## Reset password

reset-title = Reset your password
reset-done = Your password was reset. For your security, every device was signed out.
reset-sign-in = Sign in
reset-new-link = Ask for a new link
reset-password-label = New password
reset-password-hint = At least { $min } characters; { $rec } or more is recommended.
reset-confirm-label = Confirm new password
reset-submit = Reset Your Password
reset-submit-busy = Saving…

## Forgot username

forgot-username-title = Forgot your username?
forgot-username-contract-required = Enter your contract number.
forgot-username-last-name-required = Enter your last name.
forgot-username-sent = If a login is linked to that contract, we have emailed its username to the address it uses.
forgot-username-back = Back to sign in
forgot-username-intro = Your username is the email address you registered with. Enter your contract number and last name and we will email a reminder to that address.
forgot-username-contract-label = Contract number
forgot-username-contract-hint = On your contract and statements, for example LN-2023-004512.
forgot-username-last-name-label = Last name
forgot-username-submit = Send reminder
forgot-username-submit-busy = Sending…

## Unlock link page

unlock-title = Unlock your login
unlock-done = Your login is unlocked. You can sign in now.
unlock-sign-in = Sign in
unlock-reset-instead = Reset your password instead
unlock-progress = Unlocking…
unlock-submit = Unlock my login
unlock-submit-busy = Unlocking…
