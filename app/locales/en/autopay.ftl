# autopay (en)

autopay-title = Autopay
autopay-intro = Autopay drafts each instalment from your account on the due day or up to 10 days before it. You can change or cancel it at any time; drafts already in progress go ahead.
autopay-link = Autopay
autopay-no-contracts = You have no active contract to set autopay up for.
autopay-on = On
autopay-off = Off
autopay-by-co-borrower = Your co-borrower has set up autopay for this contract from their own account. Only they can change or cancel it; you can still make one-time payments.
autopay-from = Drafts from { $source }.
autopay-next-draft = Next draft: { $amount } on { $date }.
autopay-cancel = Cancel autopay
autopay-cancelled-toast = Autopay cancelled.
autopay-amount-label = Amount ({ $currency })
autopay-amount-hint = Leave empty for your regular payment ({ $regular }), or enter a higher fixed amount.
autopay-days-label = Draft day
autopay-days-hint = Your payment is due on day { $day } of the month.
autopay-on-due-day = On the due day
autopay-days-before = { $days ->
    [one] 1 day before
   *[other] { $days } days before
}
autopay-start-label = Start month
autopay-enrol = Set up autopay
autopay-save = Save changes
autopay-saving = Saving…
