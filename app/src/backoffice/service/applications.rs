//! Applications from the lender's side: the queue and one application (each read recorded), and
//! the decision, written with its staff action in one transaction. Approving an early repayment
//! first makes its payment (keyed by the application, so approving twice makes it once) with
//! no transaction open; the approval then ties it in. A payment made for an approval that did
//! not happen is cancelled when the application is declined or sent back.

use super::actions::{done, record, record_with};
use crate::applications::{apply, review, Decision, QueueItem, StaffApplication};
use crate::backoffice::ActionDone;
use crate::domain::application::ApplicationStatus;
use crate::domain::application_form::Details;
use crate::domain::payment::ExtraTo;
use crate::error::{AppError, Conflict, ServiceError};
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

/// Makes the payment an approved early repayment schedules (before the approval's transaction).
async fn make_payment(state: &AppState, id: i64) -> Result<(), ServiceError> {
    let row: Option<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT customer_id, contract_id, details, status FROM applications WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&state.db.pool)
    .await?;
    let (customer_id, contract_id, details, status) = row.ok_or(AppError::NotFound)?;
    if status != ApplicationStatus::UnderReview.code() {
        return Err(AppError::Conflict(Conflict::ApplicationMoved).into());
    }
    let details: Details =
        serde_json::from_str(&details).map_err(ServiceError::failed("reading an application"))?;
    if let Details::EarlyRepayment {
        amount,
        on,
        source_id,
        ..
    } = details
    {
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
        crate::payments::service::create(state, customer_id, request, &apply::payment_key(id))
            .await?;
    }
    Ok(())
}

/// Cancels the payment made for an approval that did not happen (still scheduled).
async fn cancel_payment(
    tx: &mut sqlx::AnyConnection,
    id: i64,
    now: i64,
) -> Result<(), ServiceError> {
    sqlx::query(
        "UPDATE payments SET status = 'cancelled', updated_at = $1 WHERE idempotency_key = $2 \
         AND status = 'scheduled' AND customer_id = (SELECT customer_id FROM applications WHERE id = $3)",
    )
    .bind(now)
    .bind(apply::payment_key(id))
    .bind(id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Decides application `id` and records it; the reference of the staff action comes back.
pub async fn decide(
    state: &AppState,
    staff: &CurrentStaff,
    id: i64,
    decision: Decision,
    note: &str,
) -> Result<ActionDone, ServiceError> {
    if decision == Decision::Approve {
        make_payment(state, id).await?;
    }
    let mut tx = state.db.begin().await?;
    if matches!(decision, Decision::Reject | Decision::Return) {
        cancel_payment(&mut tx, id, state.clock.unix()).await?;
    }
    let customer = review::decide(state, &mut tx, staff.id, id, decision, note).await?;
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
    Ok(done(recorded))
}
