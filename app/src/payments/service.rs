//! One-time payments: what the form offers, the review (where the money goes, computed by the
//! ledger for the day the payment posts), the payment itself — exactly once per form instance —
//! the customer's list and cancelling a scheduled one.

use super::sources::source_of;
use super::{PayOptions, PaymentRequest, PaymentView, Receipt, Review, SourceStatus};
use crate::contracts::service::{
    contract_of, history_lines, installments, summarize, txns, ContractRecord,
};
use crate::contracts::{ContractKind, ContractSummary};
use crate::domain::account::{Installment, Txn, TxnStatus};
use crate::domain::dates::parse_iso;
use crate::domain::loan::Allocation;
use crate::domain::payment::{allocate_lease, replay_loan, ExtraTo, PaymentStatus};
use crate::domain::{Issue, Money};
use crate::error::{AppError, Conflict, ServiceError};
use crate::infra::AppState;
use time::{Date, Duration};

/// A contract with what the payment rules need.
pub(super) struct Book {
    pub rec: ContractRecord,
    pub schedule: Vec<Installment>,
    pub txns: Vec<Txn>,
    pub summary: ContractSummary,
}

pub(super) async fn book(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
) -> Result<Book, ServiceError> {
    let rec = contract_of(&state.db, customer_id, contract_id).await?;
    let schedule = installments(&state.db, rec.id).await?;
    let lines = history_lines(&state.db, rec.id).await?;
    let summary = summarize(&rec, &schedule, &lines, state.clock.now().date());
    Ok(Book {
        txns: txns(&lines),
        rec,
        schedule,
        summary,
    })
}

impl Book {
    /// Past due + fees + the next instalment, less payments in flight.
    pub fn due_now(&self) -> Money {
        let s = &self.summary;
        s.past_due + s.fees_due + s.next_due.map_or(Money::ZERO, |(_, m)| m)
    }

    /// The most this contract can take: a loan's payoff on `date` (after payments in flight), a
    /// lease's remaining payments and fees.
    pub fn most(&self, date: Date) -> Money {
        match self.rec.kind {
            ContractKind::Loan => {
                let mut ledger = replay_loan(
                    self.rec.financed,
                    self.rec.apr,
                    self.rec.contract_date,
                    &self.txns,
                );
                for t in self.txns.iter().filter(|t| t.status == TxnStatus::Pending) {
                    ledger.apply_payment(t.date, t.amount);
                }
                ledger.payoff(date).total
            }
            ContractKind::Lease => {
                let pending: Money = self
                    .txns
                    .iter()
                    .filter(|t| t.status == TxnStatus::Pending)
                    .map(|t| t.amount)
                    .sum();
                (self.summary.balance + self.summary.fees_due + self.summary.past_due - pending)
                    .max(Money::ZERO)
            }
        }
    }

    /// Where `amount` posted on `date` goes, after the payments in flight post first.
    pub fn allocate(&self, date: Date, amount: Money) -> (Allocation, Money) {
        let mut history: Vec<Txn> = self.txns.clone();
        let pending: Vec<usize> = (0..history.len())
            .filter(|&i| history[i].status == TxnStatus::Pending)
            .collect();
        for i in pending.into_iter().chain(std::iter::once(usize::MAX)) {
            let (when, how_much) = if i == usize::MAX {
                (date, amount)
            } else {
                (history[i].date, history[i].amount)
            };
            let (allocation, tax) = match self.rec.kind {
                ContractKind::Loan => {
                    let mut ledger = replay_loan(
                        self.rec.financed,
                        self.rec.apr,
                        self.rec.contract_date,
                        &history,
                    );
                    (ledger.apply_payment(when, how_much), Money::ZERO)
                }
                ContractKind::Lease => allocate_lease(&self.schedule, &history, how_much),
            };
            if i == usize::MAX {
                return (allocation, tax);
            }
            history[i].status = TxnStatus::Posted;
            history[i].allocation = allocation;
            history[i].tax = tax;
        }
        unreachable!("the chain ends with this payment")
    }
}

pub async fn options(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
) -> Result<PayOptions, ServiceError> {
    let b = book(state, customer_id, contract_id).await?;
    if b.rec.status != "active" {
        return Err(AppError::Conflict(Conflict::ContractClosed).into());
    }
    let today = state.clock.now().date();
    let sources = super::sources::list(state, customer_id).await?;
    Ok(PayOptions {
        contract_id,
        number: b.rec.number.clone(),
        vehicle: b.summary.vehicle.clone(),
        currency: b.rec.currency.clone(),
        is_lease: b.rec.kind == ContractKind::Lease,
        due_now: b.due_now(),
        next_due: b.summary.next_due.map(|(d, _)| d),
        regular: b.rec.payment,
        payoff: (b.rec.kind == ContractKind::Loan).then(|| b.most(today)),
        earliest: today,
        latest: latest_date(&b, today, state),
        card_fee: state
            .config
            .payment_rules
            .fee(crate::domain::payment::SourceKind::Card, &b.rec.currency),
        sources,
    })
}

fn latest_date(b: &Book, today: Date, state: &AppState) -> Date {
    b.summary.next_due.map_or(today, |(d, _)| d.max(today))
        + Duration::days(state.config.payment_rules.schedule_ahead_days)
}

/// Checks a request and says what it will do, without writing anything.
pub async fn review(
    state: &AppState,
    customer_id: i64,
    r: &PaymentRequest,
) -> Result<Review, ServiceError> {
    let b = book(state, customer_id, r.contract_id).await?;
    if b.rec.status != "active" {
        return Err(AppError::Conflict(Conflict::ContractClosed).into());
    }
    let today = state.clock.now().date();
    let amount = Money::parse(&r.amount).map_err(|i| AppError::validation("amount", i))?;
    let date = parse_iso(&r.date).ok_or(AppError::validation("date", Issue::PaymentDateRange))?;
    if date < today || date > latest_date(&b, today, state) {
        return Err(AppError::validation("date", Issue::PaymentDateRange).into());
    }
    let source = source_of(state, customer_id, r.source_id).await?;
    if source.view().status == SourceStatus::Failed {
        return Err(AppError::Conflict(Conflict::SourceFailed).into());
    }
    let rules = &state.config.payment_rules;
    let posts_on = rules.posts_on(source.kind(), date);
    if amount > b.most(posts_on) {
        return Err(AppError::validation("amount", Issue::PaymentOverPayoff).into());
    }
    let (a, tax) = b.allocate(posts_on, amount);
    let fee = rules.fee(source.kind(), &b.rec.currency);
    Ok(Review {
        amount,
        fee,
        total: amount + fee,
        currency: b.rec.currency.clone(),
        date,
        posts_on,
        source_id: r.source_id,
        source: super::source_label(crate::i18n::current(), &source.view()),
        fees: a.fees,
        interest: a.interest,
        principal: a.principal,
        tax,
        excess: a.excess,
        beyond_due: (amount - b.due_now()).max(Money::ZERO),
        extra_to: if b.rec.kind == ContractKind::Lease {
            ExtraTo::NextInstalment
        } else {
            r.extra_to
        },
    })
}

/// A form instance's key: what the page made (letters, digits, dashes; 16–64 characters).
fn checked_key(key: &str) -> Result<&str, AppError> {
    let ok = (16..=64).contains(&key.len())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    ok.then_some(key)
        .ok_or(AppError::validation("key", Issue::OneOf))
}

fn request_hash(r: &PaymentRequest, review: &Review) -> String {
    use sha2::{Digest, Sha256};
    let canonical = format!(
        "{}|{}|{}|{}|{}",
        r.contract_id,
        r.source_id,
        review.amount.cents(),
        review.date,
        review.extra_to.code()
    );
    hex::encode(Sha256::digest(canonical.as_bytes()))
}

fn new_reference() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::thread_rng();
    let code: String = (0..10)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect();
    format!("PMT-{code}")
}

/// Makes the payment once per `key`: the same key with the same request answers with the first
/// payment; with another request it is refused; concurrent duplicates meet the unique constraint.
pub async fn create(
    state: &AppState,
    customer_id: i64,
    r: PaymentRequest,
    key: &str,
) -> Result<Receipt, ServiceError> {
    let key = checked_key(key)?;
    let review = review(state, customer_id, &r).await?;
    let hash = request_hash(&r, &review);
    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
    let inserted: Option<i64> = sqlx::query_scalar(
        "INSERT INTO payments (reference, customer_id, contract_id, source_id, amount_cents, fee_cents, extra_to, \
         scheduled_for, status, idempotency_key, request_hash, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'scheduled', $9, $10, $11, $11) \
         ON CONFLICT (customer_id, idempotency_key) DO NOTHING RETURNING id",
    )
    .bind(new_reference())
    .bind(customer_id)
    .bind(r.contract_id)
    .bind(r.source_id)
    .bind(review.amount.cents())
    .bind(review.fee.cents())
    .bind(review.extra_to.code())
    .bind(review.date.to_string())
    .bind(key)
    .bind(&hash)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = inserted else {
        tx.rollback().await?;
        let (reference, stored_hash): (String, String) = sqlx::query_as(
            "SELECT reference, request_hash FROM payments WHERE customer_id = $1 AND idempotency_key = $2",
        )
        .bind(customer_id)
        .bind(key)
        .fetch_one(&state.db.pool)
        .await?;
        if stored_hash != hash {
            return Err(AppError::Conflict(Conflict::PaymentKeyReused).into());
        }
        return receipt(state, customer_id, &reference, review).await;
    };
    let to = crate::emails::recipient(&mut *tx, customer_id).await?;
    let reference: String = sqlx::query_scalar("SELECT reference FROM payments WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    let mail = crate::emails::payments::scheduled(&to, &reference, &review);
    crate::infra::outbox::enqueue(&mut tx, &mail, now).await?;
    tx.commit().await?;
    state.outbox.wake();
    if review.date <= state.clock.now().date() {
        super::settle::submit_one(state, id).await?;
    }
    receipt(state, customer_id, &reference, review).await
}

async fn receipt(
    state: &AppState,
    customer_id: i64,
    reference: &str,
    review: Review,
) -> Result<Receipt, ServiceError> {
    let status: String =
        sqlx::query_scalar("SELECT status FROM payments WHERE reference = $1 AND customer_id = $2")
            .bind(reference)
            .bind(customer_id)
            .fetch_one(&state.db.pool)
            .await?;
    let status = PaymentStatus::parse(&status).ok_or_else(|| ServiceError::Failed {
        what: "reading a payment's status",
        cause: status.clone(),
    })?;
    if status == PaymentStatus::Declined {
        return Err(AppError::Conflict(Conflict::CardDeclined).into());
    }
    Ok(Receipt {
        reference: reference.to_string(),
        review,
        status,
    })
}

#[derive(sqlx::FromRow)]
struct PaymentRow {
    reference: String,
    contract_id: i64,
    contract_number: String,
    currency: String,
    amount_cents: i64,
    fee_cents: i64,
    scheduled_for: String,
    posts_on: Option<String>,
    status: String,
    source_id: i64,
}

/// The customer's payments, newest first.
pub async fn list(state: &AppState, customer_id: i64) -> Result<Vec<PaymentView>, ServiceError> {
    let rows: Vec<PaymentRow> = sqlx::query_as(
        "SELECT p.reference, p.contract_id, c.contract_number, c.currency, p.amount_cents, p.fee_cents, \
         p.scheduled_for, p.posts_on, p.status, p.source_id FROM payments p JOIN contracts c ON c.id = p.contract_id \
         WHERE p.customer_id = $1 ORDER BY p.scheduled_for DESC, p.id DESC",
    )
    .bind(customer_id)
    .fetch_all(&state.db.pool)
    .await?;
    let sources: Vec<super::sources::SourceRow> = sqlx::query_as(&format!(
        "SELECT {} FROM payment_sources WHERE customer_id = $1",
        super::sources::SOURCE_COLUMNS
    ))
    .bind(customer_id)
    .fetch_all(&state.db.pool)
    .await?;
    let today = state.clock.now().date();
    rows.into_iter()
        .map(|r| {
            let date = parse_iso(&r.scheduled_for).ok_or_else(|| ServiceError::Failed {
                what: "reading a payment's date",
                cause: r.scheduled_for.clone(),
            })?;
            let status = PaymentStatus::parse(&r.status).unwrap_or(PaymentStatus::Scheduled);
            let source = sources
                .iter()
                .find(|s| s.id == r.source_id)
                .map(|s| s.view())
                .ok_or_else(|| ServiceError::Failed {
                    what: "finding a payment's source",
                    cause: r.reference.clone(),
                })?;
            Ok(PaymentView {
                can_cancel: status == PaymentStatus::Scheduled && date > today,
                reference: r.reference,
                contract_id: r.contract_id,
                contract_number: r.contract_number,
                currency: r.currency,
                amount: Money::from_cents(r.amount_cents),
                fee: Money::from_cents(r.fee_cents),
                date,
                posts_on: r.posts_on.as_deref().and_then(parse_iso),
                status,
                source,
            })
        })
        .collect()
}

/// Cancels a scheduled payment before its processing day.
pub async fn cancel(
    state: &AppState,
    customer_id: i64,
    reference: &str,
) -> Result<(), ServiceError> {
    let today = state.clock.now().date().to_string();
    let done = sqlx::query(
        "UPDATE payments SET status = 'cancelled', updated_at = $1 WHERE reference = $2 AND customer_id = $3 \
         AND status = 'scheduled' AND scheduled_for > $4",
    )
    .bind(state.clock.unix())
    .bind(reference)
    .bind(customer_id)
    .bind(&today)
    .execute(&state.db.pool)
    .await?;
    if done.rows_affected() == 1 {
        return Ok(());
    }
    let exists: Option<i64> =
        sqlx::query_scalar("SELECT id FROM payments WHERE reference = $1 AND customer_id = $2")
            .bind(reference)
            .bind(customer_id)
            .fetch_optional(&state.db.pool)
            .await?;
    Err(match exists {
        Some(_) => AppError::Conflict(Conflict::PaymentNotCancellable),
        None => AppError::NotFound,
    }
    .into())
}
