## Monthly statement (PDF)

pdf-statement-title = Monthly statement
pdf-statement-date = Statement date
pdf-statement-period = Statement period
pdf-period-range = { $from } – { $to }
pdf-contract-number = Contract number
pdf-vehicle = Vehicle
pdf-vin = VIN
pdf-account-summary = Account summary
pdf-balance-loan = Principal balance
pdf-balance-lease = Remaining lease payments
pdf-payments-made = Payments made
pdf-payments-made-value = { $made } of { $term }
pdf-regular-payment = Regular monthly payment
pdf-past-due = Past due
pdf-fees-due = Fees and late charges due
pdf-in-flight = Payments in progress (not yet posted)
pdf-amount-due = Amount due
pdf-due-by = Due by { $date }
pdf-nothing-due = Nothing is due.
pdf-contract-closed = This contract is closed; nothing more is due.
pdf-activity = Activity this period
pdf-col-date = Date
pdf-col-description = Description
pdf-col-status = Status
pdf-col-amount = Amount
pdf-col-reference = Reference
pdf-no-activity = No payments or charges this period.
pdf-statement-note = You can pay at any time in the customer portal. A payment received more than { $days } days after its due date may incur a late charge.
pdf-questions = Questions? Write to us in the Message Center of the customer portal.
pdf-footer = { $number } · Page { $page } of { $pages } · Northstar Auto Finance

## Letters (PDF)

pdf-letter-paid-title = Paid-in-full confirmation
pdf-letter-lease-title = Lease completion confirmation
pdf-letter-subject = { $title } — contract { $number }
pdf-letter-greeting = Dear { $name },
pdf-letter-paid-body = This letter confirms that your loan contract { $number } for the { $vehicle }, VIN { $vin }, was paid in full on { $date }. The balance is { $zero } and no further payments are due.
pdf-letter-paid-lien = We have released our security interest (lien) in the vehicle. If the title still lists Northstar Auto Finance as lienholder, keep this letter with your records as proof of payment.
pdf-letter-lease-body = This letter confirms that your lease contract { $number } for the { $vehicle }, VIN { $vin }, was completed on { $date }. All lease payments have been received and no further payments are due.
pdf-letter-lease-next = Keep this letter with your records. If you have a question about the contract, write to us in the Message Center of the customer portal.
pdf-letter-closing = Sincerely,
pdf-letter-signature = Customer Care, Northstar Auto Finance

# Lien release, interest and balance letters
pdf-letter-lien-title = Lien release
pdf-letter-lien-to = To the motor vehicle registration office
pdf-letter-lien-greeting = To whom it may concern:
pdf-letter-lien-body = Northstar Auto Finance, lienholder of the vehicle described below, releases all of its security interest (lien) in it. The loan it secured, contract { $number }, was paid in full on { $date }.
pdf-letter-colour = Colour
pdf-letter-owners = Owner(s)
pdf-letter-released-on = Lien released on
pdf-letter-bought-on = Bought and paid on
pdf-letter-lien-next = Present this letter with the certificate of title to have Northstar Auto Finance removed as lienholder.
pdf-letter-lien-signature = Authorised signatory, Lien Release Department, Northstar Auto Finance
pdf-letter-title-title = Title release
pdf-letter-title-body = Northstar Auto Finance, lessor and titled owner of the vehicle described below, releases its title to the lessee(s) named below, who bought the vehicle under lease contract { $number }; the purchase was paid in full on { $date }.
pdf-letter-title-next = Present this letter with the certificate of title to register the vehicle in your name.
pdf-letter-interest-title = Interest paid in { $year }
pdf-letter-interest-body = In { $year }, the payments posted to your loan contract { $number } for the { $vehicle }, VIN { $vin }, paid { $interest } of interest.
pdf-letter-interest-payments = Payments posted
pdf-letter-interest-total = Total paid
pdf-letter-interest-principal = Of which principal
pdf-letter-interest-fees = Of which fees and late charges
pdf-letter-interest-paid = Interest paid in { $year }
pdf-letter-interest-note = Only payments that posted in the year are counted; a returned payment is not. Keep this letter with your tax records. We cannot give tax advice.
pdf-letter-balance-title = Balance confirmation
pdf-letter-balance-body = As you asked, this confirms the balance of contract { $number } for the { $vehicle }, VIN { $vin }, on { $today }.
pdf-letter-balance-note = This is not a payoff quote: interest accrues daily. For the amount that pays the contract off on a given day, ask for a payoff quote in the customer portal.
pdf-contact = Questions? Call { $phone } · { $hours }

# Payoff letter
pdf-payoff-title = Payoff letter
pdf-payoff-subject = Payoff of contract { $number } good through { $date }
pdf-payoff-body = As you asked, this is the amount that pays off your loan contract { $number } for the { $vehicle }, VIN { $vin }, if we receive it on or before { $date }.
pdf-payoff-lease-body = As you asked, these are the prices to buy the { $vehicle }, VIN { $vin }, leased under contract { $number }.
pdf-payoff-principal = Principal
pdf-payoff-interest-to = Interest accrued to { $date }
pdf-payoff-days = Per diem: { $days } day(s) × { $perdiem }
pdf-payoff-fees = Fees due
pdf-payoff-credits = Payments already scheduled
pdf-payoff-total = Payoff amount good through { $date }
pdf-payoff-per-diem = Interest grows by about { $perdiem } a day (per diem). If the money reaches us after the good-through date, ask for a new quote.
pdf-payoff-remaining = Remaining payments: { $count } × { $amount }
pdf-payoff-residual = Residual value
pdf-payoff-unearned = Rent charge not yet earned
pdf-payoff-option-fee = Purchase option fee
pdf-payoff-buyout-total = Purchase price today
pdf-payoff-maturity-total = Purchase price at maturity (with tax)
pdf-payoff-where = Where to pay
pdf-payoff-reference = Reference (required)
pdf-payoff-after = Once the payoff has posted, we send a paid-in-full confirmation and release our lien. Any amount paid beyond the payoff is refunded to you.
