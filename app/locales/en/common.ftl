# common (en)

common-loading = Loading…
# The language switcher's label stays readable in every language, the current one first.
common-language-label = Language / Langue / Язык

layout-skip-link = Skip to content
layout-footer = Northstar Auto Finance · Secure customer portal
layout-sign-out = Sign out
layout-signing-out = Signing out…
layout-main-nav = Main

nav-dashboard = Dashboard
nav-payments = Payments
nav-documents = Documents
nav-messages = Messages
nav-profile = Profile

pwa-update-available = Update available
pwa-reload = Reload

toast-dismiss = Dismiss
toast-copy = Copy
# Accessible name of a copy button; $what is what it copies ("contract number").
toast-copy-label = Copy { $what }
toast-copied = Copied { $text }
toast-copy-failed = Could not copy. Select the number and copy it instead.
contact-link = Contact us: phone numbers and hours
contact-title = Contact us
contact-intro = Our people answer by phone in your country. Have your contract number ready; we will never ask for your password.
contact-country-us = United States
contact-country-ca = Canada
contact-country-ru = Russia
contact-hours-us = Monday to Friday 8 am – 8 pm, Saturday 9 am – 5 pm (Eastern Time)
contact-hours-ca = Monday to Friday 8 am – 8 pm, Saturday 9 am – 5 pm (Eastern Time), in English and French
contact-hours-ru = Monday to Friday 9:00 – 20:00 (Moscow time), in Russian
contact-self-service = Locked out?
contact-forgot-password = Reset your password
contact-forgot-username = Find your username
