# linking (en)

link-title = Link your account
link-intro = Enter your details exactly as they appear on your finance contract.
link-first-name = First name
link-last-name = Last name
link-method-legend = Link with
link-method-vin = VIN and last payment
link-method-customer-id = Customer ID from your owner's card
link-customer-id-label = Customer ID
link-customer-id-hint = Printed on your owner's card, for example NS-48213907.
link-vin-label = Vehicle Identification Number (VIN)
link-vin-hint = All 17 characters. It never contains the letters I, O or Q. Find it on your registration, insurance card, or the driver's door jamb.
link-last-payment-label = Amount of your last payment
link-last-payment-hint = The exact amount, for example 926.18.
link-submit = Link account
link-submit-busy = Checking your details…

## Authorize this device (the emailed code)

link-authorize-title = Authorize this device
link-authorize-subtitle = Enter your code
# Around the email address, which is shown in bold.
link-code-sent-before = We sent a 6-digit code to
link-code-sent-after = . It expires in 10 minutes.
link-code-label = 6-digit code
link-code-invalid = Enter the 6-digit code from the email.
link-authorize-button = Authorize Device
link-authorize-busy = Checking…
link-no-email = No email? Check your spam folder, or go back and submit your details again for a new code.

## Linked

link-toast-linked = Account linked
link-linked-title = Your account is linked
link-linked-intro = These contracts are now in your account:
# What the copy button copies (its label reads "Copy …").
link-copy-what = contract number
link-go-to-dashboard = Go to your dashboard
