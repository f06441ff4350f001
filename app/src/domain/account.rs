//! Where a contract stands on a given day, from its schedule and its transactions: which
//! instalments are paid (on time or late), what is past due, what is due next. Pure, so the
//! dashboard, the schedule page and the CSV all agree.

use super::dates::add_business_days;
use super::loan::Allocation;
use super::Money;
use serde::{Deserialize, Serialize};
use time::{Date, Duration};

/// Days after the due date before a payment counts as late.
pub const GRACE_DAYS: i64 = 10;

/// Business days a submitted bank payment takes to post (seed 002: "within 3 days").
pub const SETTLEMENT_DAYS: u32 = 3;

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

codes! {
    /// What a transaction was, as the customer reads it in the history and on statements. Stored as
    /// a code; each language names it (`label_key`).
    TxnNote {
        OnlinePayment = "online_payment",
        FinalPayoff = "final_payoff",
        LateCharge = "late_charge",
        ReturnedPaymentFee = "returned_payment_fee",
        /// A payment the bank sent back for insufficient funds (NACHA R01).
        ReturnedNsf = "returned_nsf",
        /// Miles bought ahead on a lease (a charge, paid by the payment made with it).
        ExtraMiles = "extra_miles",
    }
}

impl TxnNote {
    pub fn label_key(self) -> String {
        format!("txn-note-{}", self.code().replace('_', "-"))
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
    /// Of the principal, what the customer put on principal only (not ahead on instalments).
    pub extra_principal: Money,
}

impl Txn {
    /// What a posted payment contributes towards instalments (not fees, not excess).
    fn instalment_credit(&self) -> Money {
        if self.kind == TxnKind::Payment && self.status == TxnStatus::Posted {
            self.amount - self.allocation.fees - self.allocation.excess - self.extra_principal
        } else {
            Money::ZERO
        }
    }

    fn in_flight(&self) -> bool {
        self.kind == TxnKind::Payment && self.status == TxnStatus::Pending
    }
}

/// Payments submitted but not yet posted: they count against what is due (so nobody is asked to
/// pay twice) but not yet against the balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct InFlight {
    pub amount: Money,
    /// When the last of them is expected to post.
    pub posts_on: Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowStatus {
    Paid,
    PaidLate,
    PastDue,
    /// Covered by a payment that has not posted yet.
    Pending,
    /// The next instalment, not yet due.
    Due,
    Projected,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub payments_made: u32,
    pub payments_remaining: u32,
    pub paid_to_date: Money,
    /// Owed on instalments whose date has passed, less payments in flight.
    pub past_due: Money,
    /// Fees charged and not paid, less payments in flight.
    pub fees_due: Money,
    /// The next instalment not yet due and not covered by payments posted or in flight: its date
    /// and what is still owed on it.
    pub next_due: Option<(Date, Money)>,
    pub in_flight: Option<InFlight>,
    pub rows: Vec<RowStatus>,
    /// Total still owed on instalments not yet paid, as posted (for a lease: the remaining payments).
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
    let fees_owed = (fees_charged - fees_paid).max(Money::ZERO);
    let in_flight = txns
        .iter()
        .filter(|t| t.in_flight())
        .fold(None, |acc: Option<InFlight>, t| {
            let posts_on = add_business_days(t.date, SETTLEMENT_DAYS);
            Some(match acc {
                None => InFlight {
                    amount: t.amount,
                    posts_on,
                },
                Some(a) => InFlight {
                    amount: a.amount + t.amount,
                    posts_on: a.posts_on.max(posts_on),
                },
            })
        });
    // A payment in flight goes to fees first, then to instalments in order — as it will post.
    // (Less what the customer put on principal only: that part never covers instalments.)
    let pending: Money = txns
        .iter()
        .filter(|t| t.in_flight())
        .map(|t| t.amount - t.extra_principal)
        .sum();
    let pending_to_fees = pending.min(fees_owed);
    let covered = paid + (pending - pending_to_fees);

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
        if cumulative > paid {
            remaining_scheduled += cumulative - before.max(paid);
        }
        let status = if cumulative <= paid {
            payments_made += 1;
            match date_reaching(&credits, cumulative) {
                Some(d) if d > inst.due_date + Duration::days(GRACE_DAYS) => RowStatus::PaidLate,
                _ => RowStatus::Paid,
            }
        } else if cumulative <= covered {
            RowStatus::Pending
        } else if inst.due_date < today {
            RowStatus::PastDue
        } else if next_due.is_none() {
            next_due = Some((inst.due_date, cumulative - before.max(covered)));
            RowStatus::Due
        } else {
            RowStatus::Projected
        };
        rows.push(status);
    }
    Position {
        payments_made,
        payments_remaining: schedule.len() as u32 - payments_made,
        paid_to_date: paid,
        past_due: (due_before_today - covered).max(Money::ZERO),
        fees_due: fees_owed - pending_to_fees,
        next_due,
        in_flight,
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
#[path = "account_tests.rs"]
mod tests;
