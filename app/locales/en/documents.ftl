## Documents page

documents-title = Documents
documents-intro = Monthly statements and letters for each of your contracts, as PDF files in the language you use here.
documents-missing = That file is not available to this login: the link may be old or belong to someone else. Your documents are below.
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
documents-kept = Every monthly statement from the first month of each contract is kept here, paid-off contracts included.
documents-letter-lien-release = Lien release
documents-letter-interest = Interest paid in { $year }
documents-letter-balance = Balance confirmation
documents-letter-for-taxes = for your tax records
documents-letter-as-of = as of { $date }
documents-issued-note = Each statement is kept exactly as it was issued: downloading it again gives the same file.
documents-letter-title-release = Title release
