# profile (en)

## Profile menu
profile-page-title = Profile
profile-menu-details = Contact details and preferences
profile-menu-details-hint = Mobile phone, mailing address, language, paperless and reminders
profile-menu-sign-in = Password and email
profile-menu-sign-in-hint = Change your password or the email address you sign in with
profile-menu-two-step = Two-step sign-in
profile-menu-two-step-hint = Authenticator app, passkeys, recovery codes and sign-in codes
profile-menu-security = Security
profile-menu-security-hint = Where you are signed in, remembered devices and sign-in history

## Password and email
profile-sign-in-title = Password and email
profile-password-changed-toast = Password changed. Other devices were signed out.
profile-password-title = Change your password
profile-password-changed = Your password was changed. Other devices were signed out.
profile-current-password = Current password
profile-new-password = New password
profile-new-password-hint = At least { $min } characters; { $recommended } or more is recommended.
profile-confirm-password = Confirm new password
profile-change-password = Change password
profile-saving = Saving…
profile-email-title = Change your email address
# Around the new address, shown in bold: "We sent a confirmation link to <address>. Your current …"
profile-email-sent-before = We sent a confirmation link to
profile-email-sent-after = . Your current address stays in use until you open it.
profile-new-email = New email address
profile-send-link = Send confirmation link
profile-sending = Sending…

## Confirm email change (/confirm-email)
profile-confirm-title = Confirm your email address
# Around the new address, shown in bold: "Your login now uses <address>."
profile-confirmed-before = Your login now uses
profile-confirmed-after = .
profile-sign-in = Sign in
profile-confirming = Confirming…
profile-confirm-submit = Confirm the new address
profile-confirm-submit-busy = Confirming…

## Contact details
details-page-title = Contact details and preferences
details-choose = Choose…
details-contact-saved = Contact details saved
details-contact-title = Contact details
details-phone-label = Mobile phone (optional)
details-phone-hint = With the country code, e.g. +1 416 555 0123. Used for sign-in codes and payment reminders if you choose.
details-phone-code-label = Code we texted to { $to } (the new number is saved once you enter it)
details-phone-confirm = Confirm the number
details-phone-confirming = Confirming…
details-country = Country
details-line1 = Street address
details-line2 = Apartment, suite, unit (optional)
details-city = City
details-region-ru = Region (oblast, krai or republic)
details-province = Province or territory
details-state = State
details-zip = ZIP code
details-postal-index = Postal index
details-postal-code = Postal code
details-save = Save contact details
details-saving = Saving…

country-us = United States
country-ca = Canada
country-ru = Russia

## Canadian provinces and territories (US states keep their English names)
province-ab = Alberta
province-bc = British Columbia
province-mb = Manitoba
province-nb = New Brunswick
province-nl = Newfoundland and Labrador
province-ns = Nova Scotia
province-nt = Northwest Territories
province-nu = Nunavut
province-on = Ontario
province-pe = Prince Edward Island
province-qc = Quebec
province-sk = Saskatchewan
province-yt = Yukon

## Preferences (language names stay in their own language)
prefs-saved = Preferences saved
prefs-title = Preferences
prefs-language = Language
prefs-statements = Statements and letters
prefs-paperless = Go paperless: statements and letters online only, no paper mail
prefs-reminders = Payment reminders and account alerts
prefs-by-email = By email
prefs-by-sms = By text message
prefs-by-sms-no-phone = By text message (add a mobile number above first)
prefs-save = Save preferences
prefs-saving = Saving…
