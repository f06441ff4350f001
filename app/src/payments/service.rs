//! One-time payments: the payment itself — exactly once per form instance, after the review
//! (`review.rs`) — the customer's list and cancelling a scheduled one.

use super::review::review;
use super::{PaymentRequest, PaymentView, Receipt, Review};
use crate::domain::dates::parse_iso;
use crate::domain::payment::{ExtraTo, PaymentStatus};
use crate::domain::Money;
use crate::error::{AppError, Conflict, ServiceError};
use crate::infra::AppState;

/// A form instance's key: what the page made.
pub(super) fn checked_key(key: &str) -> Result<&str, AppError> {
    crate::domain::form::form_key(key).map_err(|i| AppError::validation("key", i))
}

/// What the customer asked for, independent of the contract's state (so a repeat of the same
/// request is recognised whatever happened since).
fn request_hash(r: &PaymentRequest) -> String {
    use sha2::{Digest, Sha256};
    let amount = if r.payoff {
        "payoff".to_string()
    } else {
        Money::parse(&r.amount)
            .map_or_else(|_| r.amount.trim().to_string(), |m| m.cents().to_string())
    };
    let canonical = format!(
        "{}|{}|{}|{}|{}",
        r.contract_id,
        r.source_id,
        amount,
        r.date.trim(),
        r.extra_to.code()
    );
    hex::encode(Sha256::digest(canonical.as_bytes()))
}

pub(super) fn new_reference() -> String {
    crate::infra::tokens::reference("PMT")
}

/// The payment already made with `key`, answered again: its stored review and current status,
/// or a conflict when the request differs.
async fn repeat(
    state: &AppState,
    customer_id: i64,
    key: &str,
    hash: &str,
) -> Result<Option<Receipt>, ServiceError> {
    let row: Option<(String, String, String, String)> = sqlx::query_as(
        "SELECT reference, request_hash, review, status FROM payments WHERE customer_id = $1 AND idempotency_key = $2",
    )
    .bind(customer_id)
    .bind(key)
    .fetch_optional(&state.db.pool)
    .await?;
    let Some((reference, stored_hash, review, status)) = row else {
        return Ok(None);
    };
    if stored_hash != hash {
        return Err(AppError::Conflict(Conflict::PaymentKeyReused).into());
    }
    let review: Review =
        serde_json::from_str(&review).map_err(ServiceError::failed("reading a stored review"))?;
    receipt(reference, review, &status).map(Some)
}

/// Makes the payment once per `key`: the same key with the same request answers with the first
/// payment (whatever happened since); with another request it is refused; concurrent duplicates
/// meet the unique constraint.
pub async fn create(
    state: &AppState,
    customer_id: i64,
    r: PaymentRequest,
    key: &str,
) -> Result<Receipt, ServiceError> {
    let key = checked_key(key)?;
    let hash = request_hash(&r);
    if let Some(first) = repeat(state, customer_id, key, &hash).await? {
        return Ok(first);
    }
    let review = review(state, customer_id, &r).await?;
    let mut tx = state.db.begin().await?;
    let Some((id, reference)) = insert_in(state, &mut tx, customer_id, &r, &review, key).await?
    else {
        // A concurrent duplicate got there first: its answer is ours.
        tx.rollback().await?;
        return repeat(state, customer_id, key, &hash)
            .await?
            .ok_or_else(|| ServiceError::failed("answering a duplicate payment")("row vanished"));
    };
    tx.commit().await?;
    state.outbox.wake();
    submit_if_due(state, id, &review).await;
    let status: String = sqlx::query_scalar("SELECT status FROM payments WHERE id = $1")
        .bind(id)
        .fetch_one(&state.db.pool)
        .await?;
    receipt(reference, review, &status)
}

/// Inserts the payment `r` as reviewed (`review`, made before the transaction) with its
/// "scheduled" mail, in the caller's transaction: its id and reference, or none when `key` was
/// used already. The caller wakes the mail worker and calls `submit_if_due` after commit. Also
/// how an approved application's prepayment is made, with the approval (`applications::apply`).
pub(crate) async fn insert_in(
    state: &AppState,
    tx: &mut sqlx::AnyConnection,
    customer_id: i64,
    r: &PaymentRequest,
    review: &Review,
    key: &str,
) -> Result<Option<(i64, String)>, ServiceError> {
    let key = checked_key(key)?;
    let hash = request_hash(r);
    let now = state.clock.unix();
    let reference = new_reference();
    let stored = serde_json::to_string(review).map_err(ServiceError::failed("storing a review"))?;
    let inserted: Option<i64> = sqlx::query_scalar(
        "INSERT INTO payments (reference, customer_id, contract_id, source_id, amount_cents, fee_cents, extra_to, \
         scheduled_for, status, idempotency_key, request_hash, review, created_at, updated_at, extra_principal_cents, purpose) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'scheduled', $9, $10, $11, $12, $12, $13, $14) \
         ON CONFLICT (customer_id, idempotency_key) DO NOTHING RETURNING id",
    )
    .bind(&reference)
    .bind(customer_id)
    .bind(r.contract_id)
    .bind(r.source_id)
    .bind(review.amount.cents())
    .bind(review.fee.cents())
    .bind(review.extra_to.code())
    .bind(review.date.to_string())
    .bind(key)
    .bind(&hash)
    .bind(&stored)
    .bind(now)
    .bind(if review.extra_to == ExtraTo::Principal {
        review.beyond_due.min(review.principal).cents()
    } else {
        0
    })
    .bind(if review.payoff { "payoff" } else { "payment" })
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = inserted else {
        return Ok(None);
    };
    let to = crate::emails::recipient(&mut *tx, customer_id).await?;
    let mail = crate::emails::payments::scheduled(&to, &reference, review);
    crate::infra::outbox::enqueue(tx, &mail, now).await?;
    Ok(Some((id, reference)))
}

/// Submits payment `id` now when its day has come (after the transaction that made it); if
/// that fails here, the job submits it when the claim expires.
pub(crate) async fn submit_if_due(state: &AppState, id: i64, review: &Review) {
    if review.date <= super::day::processing_date(state) {
        if let Err(e) = super::submit::submit_one(state, id).await {
            tracing::error!(payment = id, error = %e, "submitting a payment at once failed; the job will retry");
        }
    }
}

pub(super) fn receipt(
    reference: String,
    review: Review,
    status: &str,
) -> Result<Receipt, ServiceError> {
    let status = PaymentStatus::parse(status).ok_or_else(|| ServiceError::Failed {
        what: "reading a payment's status",
        cause: status.to_string(),
    })?;
    if status == PaymentStatus::Declined {
        return Err(AppError::Conflict(Conflict::CardDeclined).into());
    }
    Ok(Receipt {
        reference,
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
    let today = super::day::processing_date(state);
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
    let today = super::day::processing_date(state).to_string();
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
