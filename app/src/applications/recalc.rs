//! After an approved partial early repayment has posted, the contract's schedule is made again
//! from the balance it left (seed 002: "shows in the schedule a day later"): the unpaid
//! instalments are replaced by the loan at the lower payment over the same months, or at the
//! same payment over fewer (`domain::loan::after_prepayment`, `amortize_with`). Run by the
//! payments job after settling; each application is recalculated once — the `UPDATE` that marks
//! it is the claim, in the transaction that rewrites the schedule, so two instances never both
//! do it and a crash leaves it to be done again.

use crate::domain::application_form::Details;
use crate::domain::dates::{add_months, with_due_day};
use crate::domain::loan::{after_prepayment, amortize_with};
use crate::error::ServiceError;
use crate::infra::AppState;
use crate::payments::book::book_in;

/// Recalculates the schedules of the approved early repayments whose payment has posted;
/// returns how many.
pub async fn after_posted(state: &AppState) -> Result<usize, ServiceError> {
    let due: Vec<(i64, i64, i64, String, Option<String>)> = sqlx::query_as(
        "SELECT a.id, a.customer_id, a.contract_id, a.details, a.outcome FROM applications a \
         JOIN payments p ON p.reference = a.payment_reference \
         WHERE a.kind = 'early_repayment' AND a.status = 'approved' AND a.recalculated_at IS NULL \
         AND p.status = 'posted' AND NOT EXISTS (SELECT 1 FROM payments q WHERE q.contract_id = a.contract_id \
         AND q.status IN ('processing', 'pending')) ORDER BY a.id LIMIT 50",
    )
    .fetch_all(&state.db.pool)
    .await?;
    let mut done = 0;
    for (id, customer_id, contract_id, details, outcome) in due {
        let Ok(Details::EarlyRepayment { effect, .. }) = serde_json::from_str(&details) else {
            tracing::error!(
                application = id,
                "an early repayment's details are unreadable"
            );
            continue;
        };
        // One failing application never holds up the others (it is tried again next pass).
        let job = Job {
            id,
            customer_id,
            contract_id,
            effect,
            outcome,
        };
        match recalculate(state, job).await {
            Ok(true) => done += 1,
            Ok(false) => {}
            Err(e) => {
                tracing::error!(application = id, error = %e, "recalculating a schedule failed")
            }
        }
    }
    Ok(done)
}

struct Job {
    id: i64,
    customer_id: i64,
    contract_id: i64,
    effect: crate::domain::loan::PrepaymentEffect,
    outcome: Option<String>,
}

/// Recalculates one application's contract; whether it did (not when another instance had, or
/// a payment is still on its way).
async fn recalculate(state: &AppState, job: Job) -> Result<bool, ServiceError> {
    let Job {
        id,
        customer_id,
        contract_id,
        effect,
        outcome,
    } = job;
    let today = state.clock.now().date();
    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
    let claimed = sqlx::query(
        "UPDATE applications SET recalculated_at = $1 WHERE id = $2 AND recalculated_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if claimed.rows_affected() == 0 {
        return Ok(false);
    }
    super::apply::lock_contract(&mut tx, contract_id).await?;
    let b = book_in(&mut tx, today, customer_id, contract_id, 0).await?;
    if b.summary.in_flight.is_some() {
        // Another payment is on its way: the balance is not final yet. A later pass does it.
        tx.rollback().await?;
        return Ok(false);
    }
    let paid = b.summary.payments_made;
    let Some(first) = b
        .schedule
        .iter()
        .find(|r| r.number > paid)
        .map(|r| r.due_date)
    else {
        // Nothing left to pay: the repayment finished the loan.
        tx.commit().await?;
        return Ok(true);
    };
    let (payment, n) = after_prepayment(
        b.summary.balance,
        b.rec.apr,
        b.rec.payment,
        b.summary.payments_remaining,
        effect,
    );
    let rows = amortize_with(b.summary.balance, b.rec.apr, payment, n, first);
    sqlx::query("DELETE FROM schedule_rows WHERE contract_id = $1 AND number > $2")
        .bind(contract_id)
        .bind(i64::from(paid))
        .execute(&mut *tx)
        .await?;
    for (k, row) in rows.iter().enumerate() {
        sqlx::query(
            "INSERT INTO schedule_rows (contract_id, number, due_date, payment_cents, interest_cents, \
             principal_cents, tax_cents, balance_cents) VALUES ($1, $2, $3, $4, $5, $6, 0, $7)",
        )
        .bind(contract_id)
        .bind(i64::from(paid + row.number))
        .bind(with_due_day(add_months(first, k as u32), b.rec.due_day).to_string())
        .bind(row.payment.cents())
        .bind(row.interest.cents())
        .bind(row.principal.cents())
        .bind(row.balance.cents())
        .execute(&mut *tx)
        .await?;
    }
    // What the customer sees changed: the new payment and last instalment.
    let mut outcome: super::Outcome = outcome
        .as_deref()
        .map(serde_json::from_str)
        .transpose()
        .map_err(ServiceError::failed("reading an application's outcome"))?
        .ok_or_else(|| ServiceError::failed("recalculating a schedule")("no outcome"))?;
    outcome.payment_after = Some(payment);
    if let Some(k) = rows.len().checked_sub(1) {
        outcome.maturity_after = with_due_day(add_months(first, k as u32), b.rec.due_day);
    }
    let stored = serde_json::to_string(&outcome)
        .map_err(ServiceError::failed("storing an application's outcome"))?;
    sqlx::query("UPDATE applications SET outcome = $1 WHERE id = $2")
        .bind(stored)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE contracts SET payment_cents = $1, term_months = $2 WHERE id = $3")
        .bind(payment.cents())
        .bind(i64::from(paid) + rows.len() as i64)
        .bind(contract_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}
