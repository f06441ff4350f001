//! Where each posted payment goes when the posted history is replayed in date order — the order
//! the ledger posts them in. Posting a payment splits it once; when the history under it changes
//! afterwards (a payment that had posted is taken off again by a late return), the payments after
//! it are split again from this, so the stored splits always add up to the ledger's balance.

use super::account::{Installment, Txn, TxnKind, TxnStatus};
use super::loan::{Allocation, LoanLedger};
use super::payment::allocate_lease;
use super::{Apr, Money};
use time::Date;

/// A posted payment's split: its index in the history given, the allocation and (leases) the tax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    pub index: usize,
    pub allocation: Allocation,
    pub tax: Money,
}

/// The posted history in date order, same-day entries in the order given (oldest first).
fn posted_in_order(txns: &[Txn]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..txns.len())
        .filter(|i| txns[*i].status == TxnStatus::Posted)
        .collect();
    order.sort_by_key(|i| txns[*i].date);
    order
}

/// A loan's ledger after its posted history, and the split of every posted payment in it.
pub fn resplit_loan(
    financed: Money,
    apr: Apr,
    contract_date: Date,
    txns: &[Txn],
) -> (LoanLedger, Vec<Split>) {
    let mut ledger = LoanLedger::open(financed, apr, contract_date);
    let mut splits = Vec::new();
    for index in posted_in_order(txns) {
        let t = &txns[index];
        match t.kind {
            TxnKind::Fee | TxnKind::LateCharge => ledger.charge_fee(t.amount),
            TxnKind::Payment => splits.push(Split {
                index,
                allocation: ledger.apply_payment(t.date, t.amount),
                tax: Money::ZERO,
            }),
            TxnKind::Adjustment => {}
        }
    }
    (ledger, splits)
}

/// The split of every posted lease payment: each covers fees charged before it, then the
/// instalments the payments before it left unpaid.
pub fn resplit_lease(schedule: &[Installment], txns: &[Txn]) -> Vec<Split> {
    let mut before: Vec<Txn> = Vec::new();
    let mut splits = Vec::new();
    for index in posted_in_order(txns) {
        let mut t = txns[index].clone();
        if t.kind == TxnKind::Payment {
            let (allocation, tax) = allocate_lease(schedule, &before, t.amount);
            t.allocation = allocation;
            t.tax = tax;
            splits.push(Split {
                index,
                allocation,
                tax,
            });
        }
        before.push(t);
    }
    splits
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn txn(kind: TxnKind, status: TxnStatus, date: Date, cents: i64) -> Txn {
        Txn {
            kind,
            status,
            date,
            amount: Money::from_cents(cents),
            allocation: Allocation::default(),
            tax: Money::ZERO,
            extra_principal: Money::ZERO,
        }
    }

    fn pay(date: Date, cents: i64) -> Txn {
        txn(TxnKind::Payment, TxnStatus::Posted, date, cents)
    }

    #[test]
    fn a_loan_payment_taken_off_resplits_the_ones_after_it_as_if_it_never_posted() {
        let apr = Apr::parse("6.9").unwrap();
        let start = date!(2026 - 01 - 01);
        let financed = Money::from_cents(2_000_000);
        let mut history = vec![
            pay(date!(2026 - 02 - 01), 60_000),
            pay(date!(2026 - 03 - 01), 60_000),
            pay(date!(2026 - 04 - 01), 60_000),
        ];
        let (_, before) = resplit_loan(financed, apr, start, &history);
        history[1].status = TxnStatus::Returned;
        let (ledger, after) = resplit_loan(financed, apr, start, &history);
        assert_eq!(after.len(), 2);
        assert_eq!(after[0], before[0], "the payment before it is untouched");
        // The April payment now also pays March's interest: more interest, less principal.
        assert_eq!(after[1].index, 2);
        assert!(after[1].allocation.interest > before[2].allocation.interest);
        assert!(after[1].allocation.principal < before[2].allocation.principal);
        assert_eq!(after[1].allocation.total(), Money::from_cents(60_000));
        // The same as a history that never had it.
        let direct = [history[0].clone(), history[2].clone()];
        let (direct_ledger, direct_splits) = resplit_loan(financed, apr, start, &direct);
        assert_eq!(ledger.principal, direct_ledger.principal);
        assert_eq!(
            after.iter().map(|s| s.allocation).collect::<Vec<_>>(),
            direct_splits
                .iter()
                .map(|s| s.allocation)
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_lease_payment_taken_off_moves_the_next_one_onto_the_month_it_left_unpaid() {
        let row = |n: u32| Installment {
            number: n,
            due_date: date!(2026 - 01 - 01),
            payment: Money::from_cents(50_000),
            interest: Money::from_cents(10_000),
            principal: Money::from_cents(36_000),
            tax: Money::from_cents(4_000),
            balance: Money::ZERO,
        };
        let schedule = [row(1), row(2), row(3)];
        let mut history = vec![
            txn(
                TxnKind::Fee,
                TxnStatus::Posted,
                date!(2026 - 01 - 05),
                2_500,
            ),
            pay(date!(2026 - 01 - 10), 52_500),
            pay(date!(2026 - 02 - 10), 50_000),
        ];
        let before = resplit_lease(&schedule, &history);
        assert_eq!(before[0].allocation.fees, Money::from_cents(2_500));
        assert_eq!(before[1].allocation.fees, Money::ZERO);
        history[1].status = TxnStatus::Returned;
        let after = resplit_lease(&schedule, &history);
        assert_eq!(after.len(), 1);
        // February's payment now pays the fee first, then month 1 (rent, tax, depreciation).
        assert_eq!(after[0].index, 2);
        assert_eq!(after[0].allocation.fees, Money::from_cents(2_500));
        assert_eq!(after[0].allocation.interest, Money::from_cents(10_000));
        assert_eq!(after[0].tax, Money::from_cents(4_000));
        assert_eq!(after[0].allocation.principal, Money::from_cents(33_500));
    }
}
