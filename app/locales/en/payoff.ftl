# payoff (en)

payoff-title = Payoff quote
payoff-back = Back to your contracts
payoff-date-label = Good through
payoff-date-hint = Any day from today to 30 days from today. Interest is added for each day up to that date.
payoff-date-submit = Update the quote
payoff-caption = Payoff good through { $date }
payoff-principal = Principal
payoff-interest-to = Interest accrued to { $date }
payoff-per-diem-days = Per diem: { $days ->
    [one] { $days } day
   *[other] { $days } days
} × { $perdiem }
payoff-days-times = { $days ->
    [one] { $days } day
   *[other] { $days } days
} × { $perdiem } ({ $interest })
payoff-fees = Fees due
payoff-credits = Payments already scheduled
payoff-total = Payoff amount
payoff-per-diem-note = Interest grows by about { $perdiem } a day (per diem); the amounts are rounded to the cent once, on the total.
payoff-letter = Download the payoff letter (PDF)
payoff-pay-now = Pay this now
payoff-buy-now = Buy it now
payoff-pay-now-note = Pay on or before the good-through date: the payment pays exactly the payoff on the day it reaches us.
payoff-buyout-caption = Early buyout today
payoff-remaining-payments = { $count ->
    [one] { $count } remaining payment
   *[other] { $count } remaining payments
} × { $amount }
payoff-residual = Residual value
payoff-unearned-rent = Rent charge not yet earned
payoff-option-fee = Purchase option fee
payoff-buyout-total = Purchase price today
payoff-maturity-caption = Purchase at maturity ({ $date })
payoff-tax = Sales tax
payoff-maturity-total = Purchase price at maturity
payoff-buyout-how = “Buy it now” pays today's purchase price from one of your accounts; when it posts, the lease ends and no further payments are due. You can also send it by bank transfer quoting your contract number.
payoff-refund-due = Refund due to you: { $amount }. We will send it to you.
payoff-reopened = Your payoff payment { $reference } was returned by your bank, so the contract is open again. Please pay again.
