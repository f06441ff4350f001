## Documents page

documents-title = Documents
documents-intro = Monthly statements and letters for each of your contracts, as PDF files in the language you use here.
documents-statements = Monthly statements
documents-letters = Letters
documents-statement-link = Statement for { $month }
documents-pdf = PDF
documents-no-statements = Your first statement appears here after the month of your first payment has ended.
documents-no-letters = No letters yet. When a contract is paid in full, its confirmation letter appears here.
documents-letter-paid-in-full = Paid-in-full letter
documents-letter-lease-completed = Lease completion letter
documents-letter-closed-on = settled { $date }
documents-none = You have no linked contracts yet, so there are no documents to show.
documents-link-contract = Link a contract
documents-show-all = Show all { $n } statements
documents-show-fewer = Show fewer statements
documents-kept = Statements for the last two years are kept here; older ones are available on request in the Message Center.

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
