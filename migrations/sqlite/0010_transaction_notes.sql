-- What a transaction was is stored as a code (`TxnNote`), named in each language by the page,
-- the statement and the CSV; before, it was English text ("Online payment (processing)"), which
-- Russian and French customers saw untranslated. The column keeps its name; it now holds a code.
UPDATE transactions SET description = 'online_payment'
    WHERE description IN ('Online payment', 'Online payment (processing)');
UPDATE transactions SET description = 'final_payoff' WHERE description = 'Final payoff';
UPDATE transactions SET description = 'late_charge' WHERE description = 'Late charge';
UPDATE transactions SET description = 'returned_payment_fee' WHERE description = 'Returned payment fee';
UPDATE transactions SET description = 'returned_nsf' WHERE description = 'Payment returned: insufficient funds';
