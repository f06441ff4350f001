# factors (en)

## Two-step sign-in page
factors-page-title = Two-step sign-in
factors-intro = A second step keeps your account safe even if someone learns your password. Without one, we send a code by email whenever you sign in on a new device.

## Recovery codes shown once
recovery-shown-title = Save your recovery codes
recovery-shown-info = These ten codes are shown only now. Each one lets you sign in once if you lose your phone or passkey. Print them or keep them in a password manager.
# What the copy button copies (its label reads "Copy …").
recovery-copy-what = recovery codes
recovery-saved-button = I have saved them

## Authenticator app
totp-title = Authenticator app
totp-added = Authenticator app added
totp-removed = Authenticator app removed
totp-on-badge = On
totp-on-text = Sign-in asks for the 6-digit code from your app.
totp-removing = Removing…
totp-remove = Remove authenticator app
totp-intro = Use an app such as Google Authenticator, Microsoft Authenticator or 1Password to make a new code every 30 seconds.
totp-preparing = Preparing…
totp-set-up = Set up an authenticator app
totp-step-scan = Scan this QR code with your authenticator app.
totp-qr-label = QR code for your authenticator app
totp-step-key = Cannot scan? Enter this key in the app:
# What the copy button copies (its label reads "Copy …").
totp-copy-what = setup key
totp-step-code = Enter the 6-digit code the app shows.
totp-code-label = Code from the app
totp-turn-on = Turn on
totp-checking = Checking…

## Passkeys
passkey-removed = Passkey removed
passkey-added = Passkey added
passkey-title = Passkeys
passkey-intro = Sign in with your fingerprint, face or device PIN instead of a password. Passkeys cannot be phished or reused on another site.
passkey-none = You have no passkeys yet.
passkey-remove-label = Remove passkey { $name }
passkey-added-on = Added { $date }
passkey-last-used = last used { $date }
passkey-remove = Remove
passkey-name-label = Name for the new passkey (optional)
passkey-name-hint = For example “My phone” or “Work laptop”.
passkey-add = Add a passkey
passkey-waiting = Waiting for your device…

## Recovery codes
recovery-title = Recovery codes
recovery-left = { $n } of 10 codes left. Use one to sign in if you lose your phone or passkey.
recovery-making = Making codes…
recovery-make-new = Make new codes
recovery-none = You get ten recovery codes when you add an authenticator app or a passkey.

## A code at every sign-in
otp-saved = Sign-in code setting saved
otp-title = A code at every sign-in
otp-strong-hint = Your authenticator app or passkey is asked for instead while one is set up.
otp-legend = Send me a code every time I sign in
otp-off = No — only on a new device
otp-email = Yes, by email
otp-sms = Yes, by text message to { $phone }
otp-sms-no-phone = Yes, by text message (add your mobile number on the Profile page first)
otp-save = Save
otp-saving = Saving…

## Confirm it is you (re-authentication panel)
reauth-password-missing = Enter your password.
reauth-title = Confirm it is you
reauth-why = For your security, enter your password again before this change. You will not be asked again for 5 minutes.
reauth-code-label = Code from your authenticator app
reauth-password-label = Password
reauth-confirm = Confirm
reauth-checking = Checking…
reauth-cancel = Cancel
reauth-use-password = Use your password instead
reauth-use-app = Use your authenticator app instead

passkey-js-unsupported = This browser cannot use passkeys. Update it, or use another way to sign in.
passkey-js-cancelled = The passkey request was cancelled or timed out. Try again when you are ready.
passkey-js-exists = This device already holds a passkey for your login.
passkey-js-insecure = Passkeys are not available on this address of the portal.
passkey-js-failed = The passkey could not be used. Try again, or use another way.
