//! Where a new loan payment goes when payments in flight (sent, not yet posted) post before it:
//! each on its own posting day, in date order, and then the new one — what settlement will do.
//!
//! Two ways to compute it. `by_replays` replays the posted history again before each payment in
//! flight, so it is right whatever the dates, at a cost that grows with the square of their
//! number. `in_order` replays the history once and posts the payments in flight one after another
//! on that ledger. Both give the same result when every payment in flight comes after all of the
//! posted history in the replay's order (by date, then as recorded). That is the usual case: a
//! payment in flight posts on a later day than anything already posted. `allocate_loan` takes
//! `in_order` then and `by_replays` otherwise; a property test checks that they agree.

use super::account::{Txn, TxnKind, TxnStatus};
use super::loan::Allocation;
use super::payment::replay_loan;
use super::{Apr, Money};
use time::Date;

/// A loan's terms, as the ledger is opened from them.
#[derive(Debug, Clone, Copy)]
pub struct LoanTerms {
    pub financed: Money,
    pub apr: Apr,
    pub contract_date: Date,
}

/// Where `amount` posted on `date` goes after the payments in flight that post on or before
/// `date` (`txns` oldest first, as the ledger replays them).
pub fn allocate_loan(terms: LoanTerms, txns: &[Txn], date: Date, amount: Money) -> Allocation {
    let pending = in_flight_until(txns, date);
    if follow_the_posted(txns, &pending) {
        in_order(terms, txns, &pending, date, amount)
    } else {
        by_replays(terms, txns, &pending, date, amount)
    }
}

/// The payments in flight that post on or before `date`, by posting day (then as recorded).
fn in_flight_until(txns: &[Txn], date: Date) -> Vec<usize> {
    let mut pending: Vec<usize> = (0..txns.len())
        .filter(|&i| txns[i].status == TxnStatus::Pending && txns[i].date <= date)
        .collect();
    pending.sort_by_key(|&i| txns[i].date);
    pending
}

/// Whether each of `pending` is a payment that the replay would order after every posted entry.
fn follow_the_posted(txns: &[Txn], pending: &[usize]) -> bool {
    let last_posted = (0..txns.len())
        .filter(|&i| txns[i].status == TxnStatus::Posted)
        .map(|i| (txns[i].date, i))
        .max();
    pending.iter().all(|&i| {
        txns[i].kind == TxnKind::Payment && last_posted.is_none_or(|last| (txns[i].date, i) > last)
    })
}

fn in_order(
    terms: LoanTerms,
    txns: &[Txn],
    pending: &[usize],
    date: Date,
    amount: Money,
) -> Allocation {
    let mut ledger = replay_loan(terms.financed, terms.apr, terms.contract_date, txns);
    for &i in pending {
        ledger.apply_payment(txns[i].date, txns[i].amount);
    }
    ledger.apply_payment(date, amount)
}

fn by_replays(
    terms: LoanTerms,
    txns: &[Txn],
    pending: &[usize],
    date: Date,
    amount: Money,
) -> Allocation {
    let replay =
        |history: &[Txn]| replay_loan(terms.financed, terms.apr, terms.contract_date, history);
    let mut history = txns.to_vec();
    for &i in pending {
        let allocation = replay(&history).apply_payment(history[i].date, history[i].amount);
        history[i].status = TxnStatus::Posted;
        history[i].allocation = allocation;
    }
    replay(&history).apply_payment(date, amount)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn terms() -> LoanTerms {
        LoanTerms {
            financed: Money::from_cents(2_400_000),
            apr: Apr::parse("7.49").unwrap(),
            contract_date: date!(2026 - 01 - 05),
        }
    }

    fn txn(kind: TxnKind, status: TxnStatus, day: i64, cents: i64) -> Txn {
        Txn {
            kind,
            status,
            date: date!(2026 - 02 - 01) + time::Duration::days(day),
            amount: Money::from_cents(cents),
            allocation: Allocation::default(),
            tax: Money::ZERO,
            extra_principal: Money::ZERO,
        }
    }

    fn entry() -> impl Strategy<Value = Txn> {
        (0..4u8, 0..5u8, 0..200i64, 1..90_000i64).prop_map(|(kind, status, day, cents)| {
            let kind = match kind {
                0 => TxnKind::Fee,
                1 => TxnKind::LateCharge,
                _ => TxnKind::Payment,
            };
            let status = match status {
                0 => TxnStatus::Returned,
                1 | 2 => TxnStatus::Pending,
                _ => TxnStatus::Posted,
            };
            let kind = if status == TxnStatus::Pending {
                TxnKind::Payment
            } else {
                kind
            };
            txn(kind, status, day, cents)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        /// Whatever the history, the answer is the one of replaying it before each payment in
        /// flight; the histories drawn have the payments in flight both among and after the
        /// posted entries, so both ways are taken.
        #[test]
        fn the_fast_way_agrees_with_replaying_before_each_payment_in_flight(
            txns in proptest::collection::vec(entry(), 0..40),
            day in 0..220i64,
            cents in 1..500_000i64,
        ) {
            let date = date!(2026 - 02 - 01) + time::Duration::days(day);
            let amount = Money::from_cents(cents);
            let pending = in_flight_until(&txns, date);
            prop_assert_eq!(
                allocate_loan(terms(), &txns, date, amount),
                by_replays(terms(), &txns, &pending, date, amount)
            );
            if follow_the_posted(&txns, &pending) {
                prop_assert_eq!(
                    in_order(terms(), &txns, &pending, date, amount),
                    by_replays(terms(), &txns, &pending, date, amount)
                );
            }
        }
    }

    #[test]
    fn payments_in_flight_after_the_posted_history_take_the_fast_way_and_agree() {
        let mut txns: Vec<Txn> = (0..6)
            .map(|m| txn(TxnKind::Payment, TxnStatus::Posted, m * 30, 60_000))
            .collect();
        txns.extend((0..50).map(|k| txn(TxnKind::Payment, TxnStatus::Pending, 181 + k % 3, 100)));
        let date = date!(2026 - 02 - 01) + time::Duration::days(190);
        let pending = in_flight_until(&txns, date);
        assert_eq!(pending.len(), 50);
        assert!(follow_the_posted(&txns, &pending));
        let amount = Money::from_cents(25_000);
        let fast = allocate_loan(terms(), &txns, date, amount);
        assert_eq!(fast, by_replays(terms(), &txns, &pending, date, amount));
        assert_eq!(fast.total(), amount);
    }

    #[test]
    fn a_payment_in_flight_before_a_posted_entry_is_replayed_with_it() {
        // A fee posted on day 40, after a payment in flight that posts on day 35.
        let txns = vec![
            txn(TxnKind::Payment, TxnStatus::Posted, 0, 60_000),
            txn(TxnKind::Payment, TxnStatus::Pending, 35, 60_000),
            txn(TxnKind::Fee, TxnStatus::Posted, 40, 2_500),
        ];
        let date = date!(2026 - 02 - 01) + time::Duration::days(45);
        let pending = in_flight_until(&txns, date);
        assert!(!follow_the_posted(&txns, &pending));
        let amount = Money::from_cents(60_000);
        assert_eq!(
            allocate_loan(terms(), &txns, date, amount),
            by_replays(terms(), &txns, &pending, date, amount)
        );
    }
}
