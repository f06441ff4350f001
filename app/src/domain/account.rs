//! Where a contract stands on a given day, from its schedule and its transactions: which
//! instalments are paid (on time or late), what is past due, what is due next. Pure, so the
//! dashboard, the schedule page and the CSV all agree.

use super::loan::Allocation;
use super::Money;
use serde::{Deserialize, Serialize};
use time::{Date, Duration};

/// Days after the due date before a payment counts as late.
pub const GRACE_DAYS: i64 = 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Installment {
    pub number: u32,
    pub due_date: Date,
    pub payment: Money,
    /// Loans: interest. Leases: rent charge.
    pub interest: Money,
    /// Loans: principal. Leases: depreciation.
    pub principal: Money,
    pub tax: Money,
    pub balance: Money,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TxnKind {
    Payment,
    Fee,
    LateCharge,
    Adjustment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TxnStatus {
    Pending,
    Posted,
    Returned,
}

impl TxnKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TxnKind::Payment => "payment",
            TxnKind::Fee => "fee",
            TxnKind::LateCharge => "late_charge",
            TxnKind::Adjustment => "adjustment",
        }
    }
    pub fn parse(s: &str) -> Option<TxnKind> {
        [
            TxnKind::Payment,
            TxnKind::Fee,
            TxnKind::LateCharge,
            TxnKind::Adjustment,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

impl TxnStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TxnStatus::Pending => "pending",
            TxnStatus::Posted => "posted",
            TxnStatus::Returned => "returned",
        }
    }
    pub fn parse(s: &str) -> Option<TxnStatus> {
        [TxnStatus::Pending, TxnStatus::Posted, TxnStatus::Returned]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Txn {
    pub kind: TxnKind,
    pub status: TxnStatus,
    pub date: Date,
    pub amount: Money,
    pub allocation: Allocation,
    pub tax: Money,
}

impl Txn {
    /// What a posted payment contributes towards instalments (not fees, not excess).
    fn instalment_credit(&self) -> Money {
        if self.kind == TxnKind::Payment && self.status == TxnStatus::Posted {
            self.amount - self.allocation.fees - self.allocation.excess
        } else {
            Money::ZERO
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowStatus {
    Paid,
    PaidLate,
    PastDue,
    /// The next instalment, not yet due.
    Due,
    Projected,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub payments_made: u32,
    pub payments_remaining: u32,
    pub paid_to_date: Money,
    pub past_due: Money,
    pub fees_due: Money,
    /// The next instalment not yet due and not fully paid: its date and what is still owed on it.
    pub next_due: Option<(Date, Money)>,
    pub rows: Vec<RowStatus>,
    /// Total still owed on instalments not yet paid (for a lease: the remaining payments).
    pub remaining_scheduled: Money,
}

pub fn position(schedule: &[Installment], txns: &[Txn], today: Date) -> Position {
    let mut credits: Vec<(Date, Money)> = txns
        .iter()
        .map(|t| (t.date, t.instalment_credit()))
        .filter(|(_, m)| m.is_positive())
        .collect();
    credits.sort_by_key(|(d, _)| *d);
    let paid: Money = credits.iter().map(|(_, m)| *m).sum();
    let fees_charged: Money = txns
        .iter()
        .filter(|t| {
            matches!(t.kind, TxnKind::Fee | TxnKind::LateCharge) && t.status == TxnStatus::Posted
        })
        .map(|t| t.amount)
        .sum();
    let fees_paid: Money = txns
        .iter()
        .filter(|t| t.kind == TxnKind::Payment && t.status == TxnStatus::Posted)
        .map(|t| t.allocation.fees)
        .sum();

    let mut rows = Vec::with_capacity(schedule.len());
    let mut cumulative = Money::ZERO;
    let mut due_before_today = Money::ZERO;
    let mut payments_made = 0;
    let mut next_due = None;
    let mut remaining_scheduled = Money::ZERO;
    for inst in schedule {
        let before = cumulative;
        cumulative += inst.payment;
        if inst.due_date < today {
            due_before_today = cumulative;
        }
        let status = if cumulative <= paid {
            payments_made += 1;
            match date_reaching(&credits, cumulative) {
                Some(d) if d > inst.due_date + Duration::days(GRACE_DAYS) => RowStatus::PaidLate,
                _ => RowStatus::Paid,
            }
        } else {
            remaining_scheduled += cumulative - before.max(paid);
            if inst.due_date < today {
                RowStatus::PastDue
            } else if next_due.is_none() {
                next_due = Some((inst.due_date, cumulative - before.max(paid)));
                RowStatus::Due
            } else {
                RowStatus::Projected
            }
        };
        rows.push(status);
    }
    Position {
        payments_made,
        payments_remaining: schedule.len() as u32 - payments_made,
        paid_to_date: paid,
        past_due: (due_before_today - paid).max(Money::ZERO),
        fees_due: (fees_charged - fees_paid).max(Money::ZERO),
        next_due,
        rows,
        remaining_scheduled,
    }
}

/// The date on which cumulative credits first reached `target`.
fn date_reaching(credits: &[(Date, Money)], target: Money) -> Option<Date> {
    let mut sum = Money::ZERO;
    for (d, m) in credits {
        sum += *m;
        if sum >= target {
            return Some(*d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn inst(n: u32, due: Date) -> Installment {
        let m = Money::from_cents(10_000);
        Installment {
            number: n,
            due_date: due,
            payment: m,
            interest: Money::ZERO,
            principal: m,
            tax: Money::ZERO,
            balance: Money::ZERO,
        }
    }

    fn pay(d: Date, cents: i64, status: TxnStatus) -> Txn {
        let amount = Money::from_cents(cents);
        Txn {
            kind: TxnKind::Payment,
            status,
            date: d,
            amount,
            allocation: Allocation {
                principal: amount,
                ..Default::default()
            },
            tax: Money::ZERO,
        }
    }

    #[test]
    fn marks_paid_late_past_due_and_next() {
        let schedule: Vec<_> = (1..=5)
            .map(|n| {
                inst(
                    n,
                    date!(2025 - 01 - 15) + Duration::days(30 * (n as i64 - 1)),
                )
            })
            .collect();
        let txns = vec![
            pay(date!(2025 - 01 - 14), 10_000, TxnStatus::Posted),
            pay(date!(2025 - 03 - 01), 10_000, TxnStatus::Posted), // 2nd due 14 Feb, paid 15 days later
            pay(date!(2025 - 03 - 10), 10_000, TxnStatus::Returned),
            pay(date!(2025 - 03 - 20), 5_000, TxnStatus::Pending),
        ];
        let p = position(&schedule, &txns, date!(2025 - 04 - 20));
        assert_eq!(
            p.rows,
            vec![
                RowStatus::Paid,
                RowStatus::PaidLate,
                RowStatus::PastDue,
                RowStatus::PastDue,
                RowStatus::Due
            ]
        );
        assert_eq!(p.payments_made, 2);
        assert_eq!(p.payments_remaining, 3);
        assert_eq!(p.past_due, Money::from_cents(20_000));
        assert_eq!(
            p.next_due,
            Some((date!(2025 - 05 - 15), Money::from_cents(10_000)))
        );
        assert_eq!(p.remaining_scheduled, Money::from_cents(30_000));
    }

    #[test]
    fn partial_payment_reduces_the_next_amount() {
        let schedule: Vec<_> = (1..=2)
            .map(|n| {
                inst(
                    n,
                    date!(2025 - 06 - 01) + Duration::days(31 * (n as i64 - 1)),
                )
            })
            .collect();
        let p = position(
            &schedule,
            &[pay(date!(2025 - 05 - 20), 4_000, TxnStatus::Posted)],
            date!(2025 - 05 - 25),
        );
        assert_eq!(
            p.next_due,
            Some((date!(2025 - 06 - 01), Money::from_cents(6_000)))
        );
        assert_eq!(p.past_due, Money::ZERO);
    }
}
