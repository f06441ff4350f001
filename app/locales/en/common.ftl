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
