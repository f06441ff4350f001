# Errors a server function can answer with (AppError), field problems (Issue), and conflicts.

error-unauthorized = Your session has ended. Please sign in again.
error-forbidden = You do not have access to this.
error-not-found = We could not find what you asked for.
error-invalid-credentials = The email or password is incorrect. Check both and try again.
error-not-activated = Your account is not active yet. Open the activation link we emailed you, or send a new one.
error-invalid-token = This link is invalid, already used or expired. You can ask for a new one.
error-link-not-matched = We could not match these details to a contract. Check the spelling of your names as they appear on your contract, the full VIN and the exact amount of your last payment, or your Customer ID.
error-link-tries-left = { $n ->
        [one] You have 1 more try before linking pauses for an hour.
       *[other] You have { $n } more tries before linking pauses for an hour.
    }
error-linking-paused = Linking is paused after several tries that did not match. You can try again in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }; your sign-in is not affected.
error-wrong-code-dead = That code is not correct and can no longer be used. Request a new code.
error-wrong-code = That code is not correct. You have { $n ->
        [one] { $n } more try
       *[other] { $n } more tries
    } before it stops working.
error-code-incorrect = That code is not correct. Check it and try again: authenticator codes change every 30 seconds, and each recovery code works once.
error-rate-limited = Too many attempts. For your security, please wait { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } and try again, or reset your password.
error-reauth-required = For your security, confirm it is you before making this change.
error-second-factor-reauth = This removes your last second factor: confirm it is you with a code from your authenticator app or a recovery code (the password alone is not enough).
error-internal = Something went wrong on our side. Nothing was changed; please try again.
error-transport = We could not reach the server. Check your connection and try again.
error-unavailable = We cannot reach your account records just now. Nothing was changed and you are still signed in; please try again in a minute.
error-unavailable-title = Back in a moment
error-unavailable-retry = Try again

issue-required = This field is required.
issue-too-long = Use at most { $max } characters.
issue-too-short = Use at least { $min } characters.
issue-email-format = Enter an email address like name@example.com.
issue-name-characters = Use letters, spaces, hyphens, apostrophes or periods only.
issue-password-common = This password is too common and easy to guess. Choose another.
issue-password-mismatch = The two passwords do not match.
issue-password-contains-email = Do not use your email address in your password.
issue-terms-not-accepted = Please accept the Terms of Use to continue.
issue-money-format = Enter an amount like 425.18.
issue-money-too-large = That amount is too large: check the number of digits.
issue-money-precision = Use at most two digits after the decimal point.
issue-money-negative = Enter an amount greater than zero.
issue-vin-length = A VIN has exactly 17 characters.
issue-vin-characters = A VIN uses letters and digits only, never the letters I, O or Q (use 1 and 0).
issue-vin-check-digit = This VIN's check digit (9th character) does not match. Please check each character.
issue-current-password-wrong = Your current password is not correct.
issue-same-email = This is already your email address.
issue-email-taken = Another login already uses this email address. Use a different one, or sign in with it.
issue-phone-format = Enter a mobile number with its country code, like +1 416 555 0123 or +7 912 345 67 89.
issue-postal-code-us = Enter a ZIP code like 48201 or 48201-1234.
issue-postal-code-ca = Enter a postal code like M5V 2T6.
issue-postal-code-ru = Enter a 6-digit postal index like 125009.
issue-region-unknown = Choose a state, province or region from the list.
issue-country-unsupported = We can mail to addresses in the United States, Canada and Russia.
issue-one-of = Choose one of the options.
issue-text-characters = Remove the invisible control characters (pasted from another program, perhaps).
issue-code-digits = Enter the 6-digit code.
issue-second-factor-needed = This login uses an authenticator app or passkey: enter the app's 6-digit code or one of your recovery codes. Lost them? Ask us to reset your sign-in methods.
issue-second-factor-wrong = That code is not right. Enter the current code from your authenticator app or an unused recovery code.
issue-customer-id-format = Enter the Customer ID exactly as printed on your card, like NS-48213907.

conflict-recovery-needs-factor = Recovery codes go with an authenticator app or a passkey. Add one first.
conflict-passkey-rejected = Your passkey could not be checked. Try again, or use another way to sign in.
conflict-passkey-limit = You already have 10 passkeys. Remove one you no longer use first.
conflict-sms-needs-phone = Add your mobile number on the Profile page first, then choose text messages.
conflict-email-taken = That email address is already used by another login.
conflict-contract-taken = This contract is already linked to another login. Call us (numbers and hours are on the Contact page) and we will sort it out with you.
conflict-passkey-other-login = This passkey belongs to a different login. Use the passkey of the login you signed in to.
conflict-current-session = To end this session, use Sign out.
conflict-staff-exists = A staff member with this email already exists.
conflict-card-declined = This card was declined. Please use another card or a bank account.
conflict-source-in-use = Scheduled payments use this account. Choose to cancel them with it, or keep it.
conflict-source-failed = The bank could not verify this account, so it cannot be used. Please add it again or use another.
conflict-payment-key-reused = This payment form was already sent with different details. Please start a new payment.
conflict-payment-not-cancellable = This payment is already being processed and can no longer be changed or cancelled.
conflict-contract-closed = This contract is paid off or closed; there is nothing to pay.
conflict-extra-miles-closed = Extra miles can be bought at the pre-paid rate only until 120 days before the lease ends.
conflict-source-currency = This bank account is in another country's currency than the contract. Please choose an account in the contract's currency, or a card.
conflict-source-busy = Payments in progress use this account. You can remove it once they have posted.

## Payment sources

issue-routing-format = A routing number is 9 digits — it is the first number printed at the bottom of a cheque.
issue-routing-check = This routing number does not exist (its check digit does not match). Please check each digit.
issue-account-format = An account number here is { $min } to { $max } digits.
issue-account-mismatch = The two account numbers differ. Please type the same number twice.
issue-institution-format = An institution number is 3 digits.
issue-transit-format = A transit (branch) number is 5 digits.
issue-bik-format = A BIK is 9 digits starting with 04.
issue-ru-account-format = An account number is 20 digits.
issue-ru-account-key = This account number does not match the BIK (its control digit is wrong). Please check both.
issue-card-format = A card number is 12 to 19 digits.
issue-card-check = This card number is not valid. Please check each digit.
issue-card-expiry-format = Enter the expiry date as printed on the card, like 08/29.
issue-card-expired = This card has expired.
issue-card-cvc = The security code is the { $digits }-digit number on the card.
issue-payment-over-payoff = This is more than it takes to pay the contract off. Choose the payoff amount or a smaller one.
issue-payment-date-range = Choose a date from today to 30 days after your next due date.
issue-payoff-date-range = Choose a good-through date from today to 30 days from today.
issue-autopay-below-regular = Autopay drafts at least your regular payment. Choose the regular payment or a higher amount.
issue-autopay-days-before = Choose the due day or a day up to 10 days before it.
issue-autopay-start-month = Choose this month or a later one, up to your last payment.
conflict-autopay-exists = This contract already has autopay. Change it instead.
conflict-payments-in-progress = Payments on their way or scheduled must post, or be cancelled, before you buy the vehicle. The purchase price then counts them.

file-too-large = This file is larger than { $mb } MB. Send a smaller copy (a photo at a lower resolution, or a PDF of fewer pages).
file-too-much-together = The files of one message can be { $mb } MB together at most. Send the rest in another message.
file-too-many = A message can carry { $max } files at most.
file-empty = This file is empty.
file-kind = Only PDF, PNG, JPEG and HEIC files can be attached.
file-mismatch = This file is { $content } but its name says { $name }. Check you chose the right file.
file-missing = Choose a file to attach.
file-unavailable = One of the attached files is no longer available. Remove it and attach it again.
file-kind-pdf = a PDF
file-kind-png = a PNG image
file-kind-jpeg = a JPEG image
file-kind-heic = a HEIC photo
issue-date-format = Enter a date as year-month-day, for example 2027-01-15.
issue-date-in-future = This date has not come yet: enter the day it happened.
issue-date-ahead = Choose a date from today to { $days } days from today.
issue-due-day = Choose a day from 1 to 28.
issue-months-range = Choose from 1 to { $max } months.
issue-prepayment-not-partial = This is the whole payoff or more: use Pay off instead.
issue-date-too-old = That is more than { $days } days ago: write to us in the Message Center instead.
conflict-application-not-returned = Only an application sent back to you for correction can be corrected.
conflict-application-moved = This application has moved on since you opened it: reload to see where it stands.
issue-prepayment-within-due = That only pays what is due now: make a regular payment instead, or enter more.
issue-whole-miles = Enter the odometer reading in whole miles, for example 36500.
issue-miles-to-buy = Buy from 100 to 20,000 miles, in whole miles.
issue-inspection-date = Choose a weekday from 2 business days from now to 30 days after your lease ends.
issue-same-due-day = Your payments already fall on that day: choose another.
