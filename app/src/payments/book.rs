//! A contract as payments see it (`Book`): what is due now, the most it can still take on a day
//! (after payments in flight and those scheduled), and where a payment posted on a day goes —
//! the one computation the review and the payoff share with what settlement will do.

use crate::contracts::service::{
    contract_in, history_lines_in, installments_in, summarize, txns, ContractRecord,
};
use crate::contracts::{ContractKind, ContractSummary};
use crate::domain::account::{Installment, Txn, TxnStatus};
use crate::domain::dates::parse_iso;
use crate::domain::in_flight::{allocate_loan, LoanTerms};
use crate::domain::lease::LeaseTerms;
use crate::domain::loan::{Allocation, LoanLedger};
use crate::domain::payment::{allocate_lease, replay_loan};
use crate::domain::payoff::LeasePurchaseParts;
use crate::domain::Money;
use crate::error::ServiceError;
use crate::infra::AppState;
use std::collections::HashMap;
use time::Date;

/// A contract with what the payment rules need.
pub(crate) struct Book {
    pub rec: ContractRecord,
    pub schedule: Vec<Installment>,
    pub txns: Vec<Txn>,
    pub summary: ContractSummary,
    /// Payments asked for and not yet submitted (scheduled, or being submitted): they have no
    /// transaction yet, but they will pay what they pay.
    pub scheduled: Money,
}

/// The contract as payments see it; `except_payment` leaves one payment out of the scheduled ones
/// (the one being submitted), 0 for none.
pub(crate) async fn book(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
    except_payment: i64,
) -> Result<Book, ServiceError> {
    let mut conn = state.db.pool.acquire().await?;
    let today = state.clock.now().date();
    book_in(&mut conn, today, customer_id, contract_id, except_payment).await
}

/// `book` on a connection or transaction of the caller's, as of `today`.
pub(crate) async fn book_in(
    conn: &mut sqlx::AnyConnection,
    today: Date,
    customer_id: i64,
    contract_id: i64,
    except_payment: i64,
) -> Result<Book, ServiceError> {
    let rec = contract_in(&mut *conn, customer_id, contract_id).await?;
    let schedule = installments_in(&mut *conn, rec.id).await?;
    let lines = history_lines_in(&mut *conn, rec.id).await?;
    let summary = summarize(&rec, &schedule, &lines, today);
    // A payment in flight posts on its posting day, not the day it was sent: the ledger applies
    // it then (what the settlement job will do).
    let posting: HashMap<String, String> = sqlx::query_as(
        "SELECT reference, posts_on FROM payments WHERE contract_id = $1 AND status = 'pending' AND posts_on IS NOT NULL",
    )
    .bind(rec.id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .collect();
    let mut lines = lines;
    for l in lines.iter_mut().filter(|l| l.status == TxnStatus::Pending) {
        if let Some(d) = posting.get(&l.reference).and_then(|d| parse_iso(d)) {
            l.date = d;
        }
    }
    let scheduled: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM payments \
         WHERE contract_id = $1 AND status IN ('scheduled', 'processing') AND id <> $2",
    )
    .bind(rec.id)
    .bind(except_payment)
    .fetch_one(&mut *conn)
    .await?;
    // Oldest first, so same-day transactions replay in the order they happened.
    let mut history = txns(&lines);
    history.reverse();
    Ok(Book {
        txns: history,
        rec,
        schedule,
        summary,
        scheduled: Money::from_cents(scheduled),
    })
}

impl Book {
    /// Past due + fees + the next instalment, less payments in flight and scheduled.
    pub fn due_now(&self) -> Money {
        let s = &self.summary;
        (s.past_due + s.fees_due + s.next_due.map_or(Money::ZERO, |(_, m)| m) - self.scheduled)
            .max(Money::ZERO)
    }

    /// The most this contract can take on `date`: a loan's payoff then, a lease's remaining
    /// payments and fees — after the payments in flight and those scheduled.
    pub fn most(&self, date: Date) -> Money {
        let pending = || self.txns.iter().filter(|t| t.status == TxnStatus::Pending);
        let owed = match self.rec.kind {
            ContractKind::Loan => self.loan_ledger().payoff(date).total,
            ContractKind::Lease => {
                // `balance` is the remaining payments as posted (past-due ones included).
                let in_flight: Money = pending().map(|t| t.amount).sum();
                self.summary.balance + self.lease_fees_owed() - in_flight
            }
        };
        (owed - self.scheduled).max(Money::ZERO)
    }

    /// The most a payment of `purpose` can be on `date`: a lease's purchase is its purchase price
    /// (while nothing else is on its way), anything else `most`.
    pub fn most_for(&self, purpose: &str, date: Date) -> Money {
        match self.purchase() {
            Some(p) if purpose == "payoff" && !self.payments_in_progress() => p.buyout_total,
            Some(_) if purpose == "payoff" => Money::ZERO,
            _ => self.most(date),
        }
    }

    /// A lease's fees and late charges posted and not yet paid.
    pub fn lease_fees_owed(&self) -> Money {
        crate::domain::payoff::lease_fees_owed(&self.txns)
    }

    /// A lease's terms, as the purchase prices are computed from them.
    pub fn lease_terms(&self) -> LeaseTerms {
        LeaseTerms {
            adjusted_cap_cost: self.rec.financed,
            residual: self.rec.residual.unwrap_or(Money::ZERO),
            apr: self.rec.apr,
            term_months: self.rec.term,
            tax_percent: self.rec.tax_percent,
            purchase_option_fee: self.rec.purchase_option_fee.unwrap_or(Money::ZERO),
        }
    }

    /// A lease's purchase prices as it stands (none for a loan).
    pub fn purchase(&self) -> Option<LeasePurchaseParts> {
        (self.rec.kind == ContractKind::Lease).then(|| {
            LeasePurchaseParts::of(
                &self.lease_terms(),
                self.summary.payments_made,
                self.lease_fees_owed(),
            )
        })
    }

    /// Whether payments are on their way or scheduled (a lease is bought only when none are).
    pub fn payments_in_progress(&self) -> bool {
        self.scheduled.is_positive() || self.txns.iter().any(|t| t.status == TxnStatus::Pending)
    }

    /// A loan's ledger after the posted history and then the payments in flight, each on its
    /// posting day (what the payoff and the most a payment can be are computed from).
    pub fn loan_ledger(&self) -> LoanLedger {
        let mut ledger = replay_loan(
            self.rec.financed,
            self.rec.apr,
            self.rec.contract_date,
            &self.txns,
        );
        let mut in_flight: Vec<&Txn> = self
            .txns
            .iter()
            .filter(|t| t.status == TxnStatus::Pending)
            .collect();
        in_flight.sort_by_key(|t| t.date);
        for t in in_flight {
            ledger.apply_payment(t.date, t.amount);
        }
        ledger
    }

    /// Where `amount` posted on `date` goes, after the payments in flight post first.
    pub fn allocate(&self, date: Date, amount: Money) -> (Allocation, Money) {
        if self.rec.kind == ContractKind::Loan {
            let terms = LoanTerms {
                financed: self.rec.financed,
                apr: self.rec.apr,
                contract_date: self.rec.contract_date,
            };
            return (allocate_loan(terms, &self.txns, date, amount), Money::ZERO);
        }
        // A lease: payments in flight posting on or before this one's day go first, in date
        // order (each covers what the ones before it left); later ones cannot change it.
        let mut history: Vec<Txn> = self.txns.clone();
        let mut pending: Vec<usize> = (0..history.len())
            .filter(|&i| history[i].status == TxnStatus::Pending && history[i].date <= date)
            .collect();
        pending.sort_by_key(|&i| history[i].date);
        for i in pending {
            let (allocation, tax) = allocate_lease(&self.schedule, &history, history[i].amount);
            history[i].status = TxnStatus::Posted;
            history[i].allocation = allocation;
            history[i].tax = tax;
        }
        allocate_lease(&self.schedule, &history, amount)
    }
}
