# emails (en): the messages the portal sends by email (and the one-time code by SMS).

email-greeting = Hello { $name },
email-button-fallback = If the button does not work, copy this address into your browser:
email-footer = This message was sent to { $to }. We never ask for your password by email.
# A button's label and its address, in the plain-text version.
email-link-line = { $label }: { $url }
email-button-sign-in = Sign in

email-activation-subject = Activate your account login
email-activation-body = Thank you for registering. Please confirm your email address to activate your login.
email-activation-expiry = This link works once and expires in 24 hours. If you did not register, ignore this email.
email-activation-button = Activate now

email-already-registered-subject = You already have an account
email-already-registered-body = Someone (perhaps you) tried to register again with this email address. Your account already exists, so nothing was changed.
email-already-registered-hint = If you forgot your password, use "Forgot your password?" on the sign-in page.

email-device-code-subject = Your device authorization code
email-device-code-body = Your code to authorize this device is { $code }
email-device-code-hint = Enter it on the Authorize Device screen. It expires in 10 minutes and works once. If you did not ask for it, someone may know your password: change it and contact us.

email-sign-in-code-subject = Your sign-in code
email-sign-in-code-body = Your sign-in code is { $code }
email-sign-in-code-hint = You asked us for a code at every sign-in. It expires in 10 minutes and works once. If you are not signing in right now, someone may know your password: change it and contact us.

email-sms-code = Northstar Auto Finance: your code is { $code }. It expires in 10 minutes. We will never ask you for it.

email-security-subject = A security setting of your login changed
email-security-hint = If this was you, there is nothing to do. If it was not, sign in, change your password and review your sign-in methods on the Security page, then contact us.
email-security-button = Review security
email-notice-totp-enabled = An authenticator app was added to your login. From now on, sign-in asks for its code.
email-notice-totp-disabled = The authenticator app was removed from your login.
email-notice-recovery-codes-regenerated = New recovery codes were made for your login; the old ones no longer work.
email-notice-passkey-added = A passkey was added to your login. It can be used to sign in.
email-notice-passkey-removed = A passkey was removed from your login.
email-notice-sign-in-code-email = Sign-in now asks for a code sent to your email address every time.
email-notice-sign-in-code-sms = Sign-in now asks for a code sent to your mobile phone every time.
email-notice-sign-in-code-off = Sign-in no longer asks for a code every time.
email-notice-phone-changed = The mobile number of your login was changed to { $phone } (confirmed with a code texted to it).
email-notice-phone-removed = The mobile number was removed from your login; codes by text message are off.
email-notice-temporary-setup = Someone signed in with a temporary password issued for contract { $contract } and is choosing a new email address and password for your login. Nothing changes until the new address is confirmed with a code. If this was not you, call us at once.
email-notice-methods-reset = Our staff reset the sign-in methods of your login at your request: authenticator app, passkeys, recovery codes and the every-sign-in code were removed, and every session was signed out.
email-notice-recovery-code-used = A recovery code was just used to sign in to your login. { $left ->
        [one] { $left } unused code remains.
       *[other] { $left } unused codes remain.
    }

email-password-reset-subject = Request to reset your password
email-password-reset-body = We received a request to reset the password of your login. Use the button below to choose a new one.
email-password-reset-expiry = The link works once and expires in 1 hour. If you did not ask for this, ignore this email: your password stays as it is.
email-password-reset-button = Reset Password

email-password-changed-subject = Your password was changed
email-password-changed-body = The password of your login was just changed, and every device was signed out.
email-password-changed-hint = If this was not you, reset your password at once and contact us.

email-username-subject = Your username reminder
email-username-body = You asked which username your login uses. It is this email address: { $email }
email-username-hint = If you did not ask for this reminder, you can ignore this email.

email-locked-subject = Your login was locked after several wrong passwords
email-locked-body = Someone entered a wrong password for your login several times, so we paused sign-in for a few minutes to protect your account.
email-locked-hint = If it was you, unlock your login now with the button below (valid 1 hour). If it was not you, consider changing your password.
email-locked-button = Unlock my login

email-confirm-email-subject = Confirm your new email address
email-confirm-email-body = You asked to use this address for your login. Confirm it with the button below; until then your old address stays in use.
email-confirm-email-expiry = The link works once and expires in 24 hours.
email-confirm-email-button = Confirm this address

email-email-changed-subject = Your login's email address was changed
email-email-changed-body = Your login now uses { $email }. From now on, sign in with that address.
email-email-changed-hint = If you did not make this change, contact us right away.

## Payments

email-payment-scheduled-subject = Payment { $reference } received: { $amount }
email-payment-scheduled-body = We have your payment of { $amount } from { $source }, dated { $date }. It posts to your contract on { $posts }. Your confirmation number is { $reference }.
email-payment-changed-subject = Payment { $reference } changed: { $amount }
email-payment-changed-body = Your payment { $reference } is now { $amount } from { $source }, dated { $date }. It posts to your contract on { $posts }. If you did not change it, call us.
email-payment-cancel-hint = You can cancel a payment dated after today from Payments until its date.
email-payment-posted-subject = Payment { $reference } posted
email-payment-posted-body = Your payment { $reference } of { $amount } has posted to your contract.
email-payment-returned-subject = Payment { $reference } was returned
email-payment-returned-body = Your bank returned payment { $reference } of { $amount }, so it has not been applied. Please make the payment again from another account, or write to us if you need help.
email-payment-payoff-returned-subject = Payoff payment { $reference } was returned — your contract is open
email-payment-payoff-returned-body = Your bank returned your payoff payment { $reference } of { $amount }, so the contract has not been paid off and is open again. Regular payments are still due. Please pay the payoff again from another account, or write to us if you need help.
email-payment-returned-late-subject = Payment { $reference } was returned after it posted
email-payment-returned-late-body = Your bank returned payment { $reference } of { $amount } after it had been applied to your contract, so we have taken it off again and that amount is owed once more. Please make the payment again from another account, or write to us if you did not expect this.
email-payment-returned-fee = A returned-payment fee of { $fee } has been added to your contract; your next payment pays it first.
email-payment-declined-subject = Payment { $reference } was declined
email-payment-declined-body = Payment { $reference } of { $amount } was declined and nothing was charged. Please pay from another card or bank account.
email-payment-cancelled-subject = Payment { $reference } cancelled
email-payment-cancelled-body = Your scheduled payment { $reference } of { $amount } was cancelled by our customer service, as agreed with you; nothing will be taken. If you did not ask for this, please write to us.

## Autopay and reminders

email-autopay-enrolled-subject = Autopay is on for contract { $contract }
email-autopay-enrolled-body = Autopay is set up for contract { $contract }: { $amount } from { $source }, first drafted on { $date }. You can change or cancel it from Payments › Autopay.
email-autopay-changed-subject = Autopay changed for contract { $contract }
email-autopay-changed-body = Your autopay for contract { $contract } now drafts { $amount } from { $source }; the next draft is on { $date }.
email-autopay-cancelled-subject = Autopay cancelled for contract { $contract }
email-autopay-cancelled-body = Autopay for contract { $contract } is cancelled; drafts not yet in progress will not be taken. Remember to pay each instalment by its due date.
email-autopay-stopped-subject = Autopay ended for contract { $contract }
email-autopay-stopped-paid-off = Contract { $contract } is paid off, so autopay has ended and nothing more will be drafted.
email-autopay-stopped-matured = The last instalment of contract { $contract } has been drafted, so autopay has ended.
email-autopay-stopped-returns = Two autopay drafts for contract { $contract } were returned by your bank, so autopay has stopped. Please pay your instalments another way, or set autopay up again from another account.
email-autopay-stopped-cancelled = The account autopay drafted from for contract { $contract } was removed, so autopay has ended.
email-autopay-stopped-hint = You can see your payments and set autopay up again from Payments.
email-autopay-draft-soon-subject = Autopay drafts { $amount } on { $date }
email-autopay-draft-soon-body = On { $date } autopay will draft { $amount } from { $source } for contract { $contract }. Please make sure the money is there.
email-due-soon-subject = Payment of { $amount } due on { $date }
email-due-soon-body = Your payment of { $amount } for contract { $contract } is due on { $date }.
email-due-soon-hint = Pay from Payments, or set up autopay so you never miss a due date. You can turn these reminders off in your profile.

email-message-answered-subject = We answered your message { $reference }
email-message-answered-body = There is an answer to your message { $reference } in your Message Center.
email-message-answered-hint = For your security we never put the message itself in an email. Sign in to read it.
email-message-answered-button = Read the answer
email-app-submitted-subject = We received your application { $reference }
email-app-submitted-body = Your application { $reference } is with us. We review applications within about 2 business days.
email-app-under-review-subject = We are reviewing your application { $reference }
email-app-under-review-body = A member of our team is reviewing your application { $reference }.
email-app-approved-subject = Your application { $reference } is approved
email-app-approved-body = We approved your application { $reference }. Your account shows the change.
email-app-rejected-subject = Your application { $reference } was declined
email-app-rejected-body = We could not approve your application { $reference }. The reason is in your portal.
email-app-returned-subject = Your application { $reference } needs a correction
email-app-returned-body = We sent your application { $reference } back to you: please correct it as the note in your portal says and submit it again.
email-app-hint = For your security, the details are only in your portal. Sign in to read them.
email-app-button = See your applications
