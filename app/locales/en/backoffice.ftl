## Back office (staff)

bo-title = Back office
bo-role-agent = Agent
bo-role-supervisor = Supervisor
bo-role-admin = Administrator
bo-login-title = Staff sign-in
bo-login-intro = For Northstar staff only. Every action you take is recorded.
bo-login-email = Work email
bo-login-code = Authenticator code
bo-login-code-hint = The 6-digit code from your authenticator app.
bo-login-failed = The email, password or authenticator code is incorrect.
bo-search-title = Find a customer
bo-search-label = Name, email, contract number, VIN or Customer ID
bo-search-hint = Part of a name or email is enough; contract numbers, VINs and Customer IDs must be complete.
bo-search-submit = Search
bo-search-none = Nothing matches that search.
bo-search-customers = Portal customers
bo-search-contracts = Contracts
bo-col-name = Name
bo-col-email = Email
bo-col-contracts = Contracts
bo-col-sign-in = Sign-in
bo-col-contract = Contract
bo-col-vehicle = Vehicle
bo-col-borrower = Primary borrower
bo-col-portal = Portal login
bo-col-when = When
bo-col-event = Event
bo-col-result = Result
bo-col-from = From
bo-locked = Locked
bo-not-locked = Not locked
bo-locked-until = Locked until { $time }
bo-open-customer = Open customer file
bo-not-registered = Not registered.
bo-customer-title = Customer file
bo-account = Account
bo-registered = Registered
bo-activated = Email confirmed
bo-two-step = Two-step sign-in
bo-sessions = Signed-in sessions
bo-phone = Phone
bo-language = Language
bo-yes = Yes
bo-no = No
bo-unlock = Unlock sign-in
bo-unlock-confirm = Lift the wrong-password lock so the customer can sign in again now?
bo-end-sessions = Sign out everywhere
bo-end-sessions-confirm = End every session of this customer on every device?
bo-reset-methods = Reset sign-in methods
bo-reset-methods-reason = Reason (what the customer told us, how we checked who they are)
bo-reset-methods-confirm = Remove the authenticator app, passkeys, recovery codes and sign-in code setting, and sign out every session
bo-reset-methods-hint = For a customer who lost their second factor: afterwards a temporary password can set up their login again. The customer is emailed.
bo-yes-do-it = Yes, do it
bo-cancel = Cancel
bo-working = Working…
bo-done = Done. Reference { $reference }.
bo-reference = reference number
bo-no-contracts = No contracts are linked to this login.
bo-contract-money = Balance { $balance } · past due { $past_due }
bo-events = Recent sign-in events
bo-ok = OK
bo-failed = Failed
bo-actions-history = Staff actions on this account
bo-no-actions = No staff actions yet.
bo-temp-password-issue = Issue temporary password
bo-temp-password-confirm = Issue a temporary password for contract { $number }? Any earlier one stops working.
bo-temp-password-is = Temporary password:
bo-temp-password = temporary password
bo-temp-password-until = Valid until { $time }. Give it to the customer by phone after checking who they are; they sign in with the contract number and must then choose their own email and password.
bo-status-active = Active
bo-status-paid-off = Paid off
bo-status-closed = Closed
bo-action-unlock = Unlocked sign-in
bo-action-end-sessions = Signed out everywhere
bo-action-reset-methods = Reset sign-in methods
bo-action-temporary-password = Issued a temporary password
bo-back-to-search = ← Back to search
bo-contact = Contact details
bo-address = Mailing address
bo-none-on-file = None on file
bo-back-to-customer = ← Back to { $name }
bo-contract-title = Contract
bo-contract-heading = Contract { $number }
bo-contract-logins = Portal logins holding this contract
bo-contract-no-logins = No portal login holds this contract.
bo-contract-name-mismatch = Check who this is: the login's name ({ $login }) is not the name on the contract ({ $party }).
bo-contract-documents = Documents the customer can download
bo-contract-schedule-caption = { $total ->
    [one] { $total } payment
   *[other] { $total } payments
}
bo-contract-history-caption = { $total ->
    [one] { $total } transaction
   *[other] { $total } transactions
}
bo-col-excess = Excess
bo-notes = Notes
bo-note-label = New note
bo-note-hint = What the customer said or what you did. Up to { $max } characters; notes cannot be changed or deleted.
bo-note-add = Add note
bo-no-notes = No notes yet.
bo-action-add-note = Added a note
bo-recent-title = Customer files you opened recently
bo-mobile = Mobile phone

## Payments in the customer file

bo-payments = Payments
bo-cancel-payment = Cancel this payment…
bo-cancel-reason = Why it is cancelled (the customer is told)
bo-cancel-payment-confirm = Cancel the payment
bo-keep-payment = Keep it
bo-action-cancel-payment = Cancelled a scheduled payment
bo-autopays = Autopay
bo-autopay-none = No autopay.
bo-autopay-next = Next draft { $date } ({ $days } days before the due date)
