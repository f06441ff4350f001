# contracts (en)

## Shared by the dashboard, details, schedule and history pages

contracts-kind-loan = Loan
contracts-kind-lease = Lease
contracts-co-borrower = Co-borrower
contracts-vehicle-and-number = { $vehicle } · Contract { $number }
contracts-download-csv = Download CSV
contracts-print = Print all rows
contracts-col-status = Status
contracts-col-interest = Interest
contracts-col-rent-charge = Rent charge
contracts-col-principal = Principal
contracts-col-depreciation = Depreciation
contracts-col-tax = Tax
contracts-pages-label = Pages
contracts-previous = Previous
contracts-next = Next
contracts-page-of = Page { $page } of { $pages }

## Schedule row status

contracts-row-paid = Paid
contracts-row-paid-late = Paid late
contracts-row-past-due = Past due
contracts-row-due = Next due
contracts-row-pending = Payment pending
contracts-row-projected = Scheduled

## Transaction type and status

contracts-txn-payment = Payment
contracts-txn-fee = Fee
contracts-txn-late-charge = Late charge
contracts-txn-adjustment = Adjustment
contracts-txn-pending = Pending
contracts-txn-posted = Posted
contracts-txn-returned = Returned

## What a transaction was (TxnNote codes)

txn-note-online-payment = Online payment
txn-note-final-payoff = Final payoff
txn-note-late-charge = Late charge
txn-note-extra-miles = Extra miles bought
txn-note-returned-payment-fee = Returned payment fee
txn-note-returned-nsf = Payment returned: insufficient funds

## Dashboard

dashboard-title = Dashboard
dashboard-another-contract = Another contract in your name?
dashboard-link-another = Link another account
dashboard-link-title = Link your account
dashboard-link-text = To see your balance, payments and documents, link your finance contract to this login. You will need your full Vehicle Identification Number (VIN) and the exact amount of your last payment — or your Customer ID from your owner's card.
dashboard-link-button = Link your account
dashboard-balance = Balance
dashboard-remaining-payments = Remaining payments
dashboard-next-due-on = { $amount } on { $date }
dashboard-closed = Paid off · closed
dashboard-card-hint = { $colour } · Contract { $number } · VIN …{ $vin }
dashboard-past-due = Past due: { $amount }
dashboard-past-due-note = — includes late charges. Please pay now to avoid further charges, or write to us if you need help.
dashboard-next-payment = Next payment
dashboard-due-today = Due today
dashboard-nothing-due = Nothing due
dashboard-in-flight = Payment of { $amount } pending, posts on { $date }
dashboard-scheduled = Payment of { $amount } scheduled for { $date }
dashboard-autopay = Autopay
dashboard-autopay-on = On
dashboard-autopay-off = Off
dashboard-autopay-detail = On — drafts on { $date } from { $source }
dashboard-autopay-manage = Autopay
dashboard-actions-for = Actions for { $vehicle }
dashboard-pay = Pay
dashboard-payoff-quote = Payoff quote
dashboard-buyout-quote = Buyout quote
dashboard-details = Details
dashboard-messages = Messages

## Contract details

detail-tabs-label = Contract
detail-tab-details = Details
detail-tab-schedule = Schedule
detail-tab-history = History
detail-page-title = Contract details
detail-error-title = Contract
detail-back-to-dashboard = Back to the dashboard
detail-hint = { $kind } · Contract { $number } · VIN { $vin }
detail-terms = Terms
detail-apr = Annual percentage rate (APR)
detail-apr-value = { $rate }%
detail-money-factor = Money factor
detail-adjusted-cap-cost = Adjusted capitalized cost
detail-amount-financed = Amount financed
detail-monthly-payment = Monthly payment
detail-term = Term
detail-term-months = { $n } months
detail-contract-date = Contract date
detail-first-due = First payment due
detail-due-day = Payment due day
detail-due-day-value = Day { $day } of each month
detail-maturity = Maturity date
detail-residual = Residual value
detail-purchase-price = Purchase price at maturity (incl. fee and tax)
detail-mileage = Mileage allowance
# $miles is $n already written with digit grouping.
detail-miles = { $miles } miles
detail-standing = Where it stands
detail-payments-made = Payments made
detail-payments-remaining = Payments remaining
detail-remaining-total = Remaining payments total
detail-principal-balance = Principal balance
detail-past-due = Past due
detail-fees-due = Fees due
detail-in-flight = Payments in progress
detail-parties = People on this contract
detail-primary-borrower = Primary borrower
detail-lessee = Lessee
detail-co-lessee = Co-lessee

## Payment schedule

schedule-title = Payment schedule
schedule-caption = { $total } payments · page { $page } of { $pages }
schedule-col-number = #
schedule-col-due-date = Due date
schedule-col-payment = Payment
schedule-col-balance-after = Balance after

## Payment history

history-title = Payment history
history-empty = No transactions yet.
history-caption = { $total } transactions · page { $page } of { $pages }
history-col-date = Date
history-col-type = Transaction
history-col-amount = Amount
history-col-fees = Fees
history-col-reference = Reference

## Balance chart (the label is read by screen readers)

chart-label = Balance over the term: { $financed } financed, { $left } left after { $paid } of { $total } payments.
chart-label-ending = Balance over the term: { $financed } financed, { $left } left after { $paid } of { $total } payments, ending { $end }.
chart-paid = Paid
chart-scheduled-balance = Scheduled balance

## Pay from another bank (contract details): the lender's account in the contract's country

transfer-title = Pay from another bank
# $number is the contract number; $days the business days a transfer takes to reach the lender.
transfer-instructions = Send a bank transfer to the account below and quote your contract number { $number } as the reference, or the payment cannot be matched to your contract. A transfer takes up to { $days ->
        [one] { $days } business day
       *[other] { $days } business days
    } to reach us, so send it early enough to arrive by the due date.
transfer-payee = Payee
transfer-bank = Bank
transfer-account-number = Account number
transfer-us-routing = ABA routing number
transfer-us-account-type = Account type
transfer-us-checking = Checking
transfer-us-savings = Savings
transfer-ca-institution = Institution number
transfer-ca-transit = Transit number
transfer-ru-inn = Payee's INN (taxpayer number)
transfer-ru-kpp = Payee's KPP
transfer-ru-bank = Payee's bank
transfer-ru-bik = BIK (bank code)
transfer-ru-corr = Correspondent account
transfer-ru-account = Settlement account
transfer-reference = Reference (contract number)
transfer-amount-due = Amount due now
detail-request-change = Ask for a change (early repayment, due date, deferral…)
