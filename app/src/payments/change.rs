//! Changing a scheduled payment (amount, date, source, where the extra goes) until its processing
//! day comes (the lender's cut-off, `day.rs`). The payment keeps its number; the change is checked
//! exactly as a new payment is (against the contract without this payment) and mailed. Repeating
//! the same change changes nothing and mails nothing, so a double click or a retry is harmless: a
//! change is a replacement keyed by the payment's number.

use super::book::book;
use super::review::check;
use super::service::receipt;
use super::{PaymentRequest, Receipt, Review};
use crate::domain::payment::ExtraTo;
use crate::error::{AppError, Conflict, ServiceError};
use crate::infra::AppState;

#[derive(sqlx::FromRow)]
struct Scheduled {
    id: i64,
    contract_id: i64,
    status: String,
    scheduled_for: String,
    review: String,
}

/// Changes the customer's scheduled payment `reference` to `r` (its contract stays).
pub async fn change(
    state: &AppState,
    customer_id: i64,
    reference: &str,
    r: PaymentRequest,
) -> Result<Receipt, ServiceError> {
    let row: Scheduled = sqlx::query_as(
        "SELECT id, contract_id, status, scheduled_for, review FROM payments WHERE reference = $1 AND customer_id = $2",
    )
    .bind(reference)
    .bind(customer_id)
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let processing = super::day::processing_date(state).to_string();
    if row.status != "scheduled" || row.scheduled_for <= processing {
        return Err(AppError::Conflict(Conflict::PaymentNotCancellable).into());
    }
    let r = PaymentRequest {
        contract_id: row.contract_id,
        ..r
    };
    let b = book(state, customer_id, row.contract_id, row.id).await?;
    let review = check(state, customer_id, &b, &r).await?;
    let before: Review = serde_json::from_str(&row.review)
        .map_err(ServiceError::failed("reading a stored review"))?;
    if same(&before, &review) {
        return receipt(reference.to_string(), before, &row.status);
    }
    let stored =
        serde_json::to_string(&review).map_err(ServiceError::failed("storing a review"))?;
    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
    // Still scheduled and not yet due for processing: the submission job has not taken it.
    let moved = sqlx::query(
        "UPDATE payments SET source_id = $1, amount_cents = $2, fee_cents = $3, extra_to = $4, scheduled_for = $5, \
         review = $6, extra_principal_cents = $7, updated_at = $8 \
         WHERE id = $9 AND status = 'scheduled' AND scheduled_for > $10",
    )
    .bind(review.source_id)
    .bind(review.amount.cents())
    .bind(review.fee.cents())
    .bind(review.extra_to.code())
    .bind(review.date.to_string())
    .bind(&stored)
    .bind(if review.extra_to == ExtraTo::Principal {
        review.beyond_due.min(review.principal).cents()
    } else {
        0
    })
    .bind(now)
    .bind(row.id)
    .bind(&processing)
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() == 0 {
        return Err(AppError::Conflict(Conflict::PaymentNotCancellable).into());
    }
    let to = crate::emails::recipient(&mut *tx, customer_id).await?;
    let mail = crate::emails::payments::changed(&to, reference, &review);
    crate::infra::outbox::enqueue(&mut tx, &mail, now).await?;
    tx.commit().await?;
    state.outbox.wake();
    if review.date.to_string() <= processing {
        // Moved to today: submitted now (the job retries if this fails).
        if let Err(e) = super::submit::submit_one(state, row.id).await {
            tracing::error!(payment = row.id, error = %e, "submitting a changed payment failed; the job will retry");
        }
    }
    let status: String = sqlx::query_scalar("SELECT status FROM payments WHERE id = $1")
        .bind(row.id)
        .fetch_one(&state.db.pool)
        .await?;
    receipt(reference.to_string(), review, &status)
}

/// The same payment as asked for (what the customer chose, not the figures of the day).
fn same(a: &Review, b: &Review) -> bool {
    (a.amount, a.date, a.source_id, a.extra_to, a.payoff)
        == (b.amount, b.date, b.source_id, b.extra_to, b.payoff)
}
