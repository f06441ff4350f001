//! A customer's payments as staff see them — sources by their last four digits only, as the
//! customer sees them — and cancelling a scheduled one for the customer (agents; a reason is
//! required, the customer is told, the action is on file with its reference).

use super::super::ActionDone;
use super::actions::{done, record_with};
use crate::error::{AppError, Conflict, ServiceError};
use crate::infra::guard::CurrentStaff;
use crate::infra::AppState;

/// A reason a staff member gives: trimmed, 5 to 500 characters.
pub fn checked_reason(reason: &str) -> Result<&str, AppError> {
    let reason = reason.trim();
    let n = reason.chars().count();
    if n < 5 {
        return Err(AppError::validation(
            "reason",
            crate::domain::Issue::TooShort { min: 5 },
        ));
    }
    if n > 500 {
        return Err(AppError::validation(
            "reason",
            crate::domain::Issue::TooLong { max: 500 },
        ));
    }
    Ok(reason)
}

/// Cancels a scheduled payment before its day, for the customer: in one transaction the payment,
/// the staff action (reason in its detail) and the mail to the customer.
pub async fn cancel_payment(
    state: &AppState,
    staff: &CurrentStaff,
    reference: &str,
    reason: &str,
) -> Result<ActionDone, ServiceError> {
    let reason = checked_reason(reason)?;
    let now = state.clock.unix();
    let today = state.clock.now().date().to_string();
    let mut tx = state.db.begin().await?;
    let row: Option<(i64, i64, i64, String, String)> = sqlx::query_as(
        "SELECT id, customer_id, contract_id, status, scheduled_for FROM payments WHERE reference = $1",
    )
    .bind(reference)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((id, customer_id, contract_id, status, day)) = row else {
        return Err(AppError::NotFound.into());
    };
    if status != "scheduled" || day <= today {
        return Err(AppError::Conflict(Conflict::PaymentNotCancellable).into());
    }
    sqlx::query("UPDATE payments SET status = 'cancelled', updated_at = $1 WHERE id = $2 AND status = 'scheduled'")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let detail = format!("{reference}: {reason}");
    let action = record_with(
        &mut *tx,
        now,
        staff,
        Some(customer_id),
        Some(contract_id),
        "cancel_payment",
        Some(&detail),
    )
    .await?;
    let to = crate::emails::recipient(&mut *tx, customer_id).await?;
    let (amount, currency): (i64, String) = sqlx::query_as(
        "SELECT p.amount_cents, c.currency FROM payments p JOIN contracts c ON c.id = p.contract_id WHERE p.id = $1",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let shown = crate::i18n::format::money(
        to.locale(),
        crate::domain::Money::from_cents(amount),
        &currency,
    );
    let mail = crate::emails::payments::outcome(&to, "cancelled", reference, &shown, None);
    crate::infra::outbox::enqueue(&mut tx, &mail, now).await?;
    tx.commit().await?;
    state.outbox.wake();
    Ok(done(action))
}
