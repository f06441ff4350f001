# site (en)

site-meta-description = Northstar Auto Finance customer portal: balance, payments, documents and messages.

home-title = Your car finance, online
home-lead = See your balance and next payment, pay, get a payoff quote and write to us — securely, from your phone or computer.
home-sign-in = Sign in
home-register = Create your login

terms-page-title = Terms of Use
terms-title = Website Terms of Use
terms-p1 = This portal lets customers of Northstar Auto Finance view and manage their finance contracts. Keep your password private and sign out on shared devices. We will never ask for your password by email or phone.
terms-p2 = Information shown here is provided for your convenience; your contract and official statements remain the binding record. Payments are credited according to your contract once they settle.
terms-back = Back to registration

notfound-title = Page not found
notfound-text = The address may be mistyped, or the page has moved.
notfound-home = Go to the start page

soon-intro = Coming soon.

devmail-title = Dev mailbox
devmail-hint = Demo mode: no SMTP server is configured, so emails are kept here instead of being sent.
devmail-empty = No messages yet.
devmail-to = To { $to }
devmail-sms-subject = Text message (simulated SMS)
