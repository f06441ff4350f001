# security (en)

security-page-title = Security
security-sessions-title = Where you are signed in
security-this-device = This device
security-session-meta = IP { $ip } · signed in { $created } · last active { $seen }
security-session-sign-out-label = Sign out { $device } session
security-sign-out = Sign out
security-signing-out = Signing out…
security-sign-out-others = Sign out all other sessions
security-no-other-sessions = No other sessions were open.
security-signed-out-others = Signed out { $n ->
        [one] { $n } other session
       *[other] { $n } other sessions
    }.
security-session-signed-out = That session was signed out.
security-devices-title = Remembered devices
security-devices-hint = Browsers you confirmed with an emailed code, an activation link or a second sign-in step. Removing one means it will need a new code.
security-no-devices = No remembered devices.
security-device-meta = Authorized { $created } · last used { $used } · remembered until { $expires }
security-remove-label = Remove { $device }
security-remove = Remove
security-history-title = Sign-in history (last 90 days)
security-history-caption = Account events, newest first
security-col-when = When
security-col-event = Event
security-col-result = Result
security-col-device = Device
security-col-ip = IP
security-result-ok = Succeeded
security-result-failed = Failed

# Sign-in history: what happened (auth_events.kind).
event-login = Password check
event-logout = Sign-out
event-activate = Account activated
event-register = Registration
event-password-reset = Password reset
event-password-reset-requested = Password reset requested
event-device-authorised = Device authorized
event-device-code = Device code
event-session-revoked = Session ended by you
event-device-revoked = Device removed
event-link = Contract linking
event-login-second-step = Sign-in second step
event-login-passkey = Passkey sign-in
event-login-temporary = Sign-in with temporary password
event-temporary-login-setup = Login set up from temporary password
event-temporary-login-setup-started = Temporary-password set-up started
event-sign-in-methods-reset = Sign-in methods reset by our staff
event-reauthenticate = Identity confirmed
event-totp-enabled = Authenticator app added
event-totp-disabled = Authenticator app removed
event-passkey-added = Passkey added
event-passkey-removed = Passkey removed
event-recovery-codes-regenerated = New recovery codes
event-sign-in-code-changed = Sign-in code setting changed
event-profile-updated = Profile updated
event-account-unlock = Sign-in unlocked
event-sessions-ended-by-staff = Signed out everywhere by our staff
event-password-changed = Password changed
event-email-change-requested = Email change requested
event-email-changed = Email changed
event-activation-resent = Activation email sent again
event-other = Account event
# A completed or failed second sign-in step, with how it was done.
event-second-step = Signed in with { $method }
event-method-passkey = passkey
event-method-device-code = password + device code
event-method-one-time-code = password + one-time code
event-method-authenticator = password + authenticator app
event-method-recovery-code = password + recovery code
event-method-password = password
event-method-temporary-password = temporary password
event-staff-sign-in = A staff member signed in
event-username-reminder = Username reminder sent
event-phone-changed = Mobile number changed

## Browser names (proper nouns stay as they are)

agent-on = { $browser } on { $os }
agent-unknown = Unknown browser
agent-script = Script
