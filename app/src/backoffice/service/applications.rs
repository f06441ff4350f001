//! Applications from the lender's side: the queue and one application (each read recorded), and
//! the decision, written with its staff action in one transaction. Approving an early repayment
//! reviews its payment first (no transaction open), then inserts it with the approval: no
//! approval, no payment; once committed, a payment due today is submitted.

use super::actions::{done, record, record_with};
use crate::applications::{apply, review, Decision, QueueItem, StaffApplication};
use crate::payments::{PaymentRequest, Review};

/// A prepayment's request and its review, made before the approval's transaction.
type Prepared = (PaymentRequest, Review);
use crate::backoffice::ActionDone;
use crate::domain::application_form::Details;
use crate::domain::payment::ExtraTo;
use crate::error::{AppError, ServiceError};
use crate::infra::guard::CurrentStaff;
use crate::infra::AppState;

pub async fn queue_recorded(
    state: &AppState,
    staff: &CurrentStaff,
) -> Result<Vec<QueueItem>, ServiceError> {
    let items = review::queue(state).await?;
    record(state, staff, None, None, super::READS[6], None).await?;
    Ok(items)
}

pub async fn application_recorded(
    state: &AppState,
    staff: &CurrentStaff,
    id: i64,
) -> Result<StaffApplication, ServiceError> {
    let a = review::one(state, id).await?;
    let detail = format!("application {}", a.application.reference);
    record(
        state,
        staff,
        Some(a.customer_id),
        Some(a.application.contract_id),
        super::READS[7],
        Some(&detail),
    )
    .await?;
    Ok(a)
}

/// The staff action a decision is recorded as.
fn action(decision: Decision) -> &'static str {
    match decision {
        Decision::Review => "review_application",
        Decision::Approve => "approve_application",
        Decision::Reject => "reject_application",
        Decision::Return => "return_application",
    }
}

/// The payment an early repayment's approval makes, reviewed before the approval's transaction
/// (the payments review reads on its own connection); none for other kinds. The approval inserts
/// it in its transaction (`applications::apply`), so a payment exists only for an approval that
/// committed.
async fn prepare_payment(state: &AppState, id: i64) -> Result<Option<Prepared>, ServiceError> {
    let row: Option<(i64, i64, String)> =
        sqlx::query_as("SELECT customer_id, contract_id, details FROM applications WHERE id = $1")
            .bind(id)
            .fetch_optional(&state.db.pool)
            .await?;
    let (customer_id, contract_id, details) = row.ok_or(AppError::NotFound)?;
    let details: Details =
        serde_json::from_str(&details).map_err(ServiceError::failed("reading an application"))?;
    let Details::EarlyRepayment {
        amount,
        on,
        source_id,
        ..
    } = details
    else {
        return Ok(None);
    };
    let today = state.clock.now().date();
    let request = crate::payments::PaymentRequest {
        contract_id,
        source_id,
        amount: amount.to_string(),
        // A day that has passed while it waited for review: the payment goes today.
        date: on.max(today).to_string(),
        extra_to: ExtraTo::Principal,
        payoff: false,
    };
    let review = crate::payments::review::review(state, customer_id, &request).await?;
    Ok(Some((request, review)))
}

/// Decides application `id` and records it; the reference of the staff action comes back.
pub async fn decide(
    state: &AppState,
    staff: &CurrentStaff,
    id: i64,
    decision: Decision,
    note: &str,
) -> Result<ActionDone, ServiceError> {
    let payment = match decision {
        Decision::Approve => prepare_payment(state, id).await?,
        _ => None,
    };
    let mut tx = state.db.begin().await?;
    let customer = review::decide(
        state,
        &mut tx,
        staff.id,
        id,
        decision,
        note,
        payment.as_ref(),
    )
    .await?;
    let contract: i64 = sqlx::query_scalar("SELECT contract_id FROM applications WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    let detail = format!("application {id}");
    let at = state.clock.unix();
    let recorded = record_with(
        &mut *tx,
        at,
        staff,
        Some(customer),
        Some(contract),
        action(decision),
        Some(&detail),
    )
    .await?;
    tx.commit().await?;
    state.outbox.wake();
    if let Some((_, review)) = &payment {
        let made: i64 = sqlx::query_scalar(
            "SELECT id FROM payments WHERE customer_id = $1 AND idempotency_key = $2",
        )
        .bind(customer)
        .bind(apply::payment_key(id))
        .fetch_one(&state.db.pool)
        .await?;
        crate::payments::service::submit_if_due(state, made, review).await;
    }
    Ok(done(recorded))
}
