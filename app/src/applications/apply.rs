//! What approval does to the contract, inside the approval's transaction: the contract's
//! eligibility is checked again (it may have fallen behind since filing), then the schedule's
//! unpaid instalments move (a new due day, a deferral), a lease gains its extra months, or an
//! early repayment's payment (reviewed just before) is made, keyed by the application.
//! Autopay drafts waiting for a moved instalment are cancelled; the draft job makes them again
//! for the new dates. Returns what changed (kept with the application, shown before/after).

use super::preview::{check_eligible, maturity, standing_in};
use super::rows::AppRow;
use super::Outcome;
use crate::domain::application::due_date_change;
use crate::domain::application_form::Details;
use crate::domain::dates::{add_months, with_due_day};
use crate::error::{AppError, ServiceError};
use crate::infra::AppState;
use crate::payments::book::{book_in, Book};
use time::Date;

/// The idempotency key of the payment an approved early repayment makes (one per application).
pub fn payment_key(application_id: i64) -> String {
    format!("application-payment-{application_id:08}")
}

/// Serialises changes to contract `id` for the rest of the transaction: two approvals on one
/// contract, or an approval and the recalculation job, never rewrite its schedule from the same
/// stale reading.
pub(crate) async fn lock_contract(
    tx: &mut sqlx::AnyConnection,
    id: i64,
) -> Result<(), ServiceError> {
    sqlx::query("UPDATE contracts SET id = id WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Sets the due dates of the instalments still to pay from the next one due (`from`; those a
/// payment in flight already covers stay): the `k`-th (from 0) to `date(k, row)`.
async fn move_unpaid(
    tx: &mut sqlx::AnyConnection,
    b: &Book,
    now: i64,
    from: Date,
    date: impl Fn(u32, Date) -> Date,
) -> Result<Option<Date>, ServiceError> {
    let paid = b.summary.payments_made;
    let mut moved: Vec<(Date, Date)> = Vec::new();
    let rows = b
        .schedule
        .iter()
        .filter(|r| r.number > paid && r.due_date >= from);
    for (k, row) in rows.enumerate() {
        let new = date(k as u32, row.due_date);
        moved.push((row.due_date, new));
        sqlx::query(
            "UPDATE schedule_rows SET due_date = $1 WHERE contract_id = $2 AND number = $3",
        )
        .bind(new.to_string())
        .bind(b.rec.id)
        .bind(i64::from(row.number))
        .execute(&mut *tx)
        .await?;
    }
    follow_autopay(tx, b.rec.id, now, &moved).await?;
    Ok(moved.first().map(|(_, new)| *new))
}

/// The contract's autopay follows its moved instalments: drafts waiting for one are cancelled,
/// and the autopay drafts next for the new date of the instalment it was at (the earliest of
/// its next one and those whose drafts were cancelled), so the draft job makes them again.
async fn follow_autopay(
    tx: &mut sqlx::AnyConnection,
    contract_id: i64,
    now: i64,
    moved: &[(Date, Date)],
) -> Result<(), ServiceError> {
    let cancelled: Vec<Option<String>> = sqlx::query_scalar(
        "UPDATE payments SET status = 'cancelled', updated_at = $1 WHERE contract_id = $2 \
         AND autopay_id IS NOT NULL AND status = 'scheduled' RETURNING due_date",
    )
    .bind(now)
    .bind(contract_id)
    .fetch_all(&mut *tx)
    .await?;
    let next: Option<(i64, Option<String>)> = sqlx::query_as(
        "SELECT id, next_due FROM autopays WHERE contract_id = $1 AND status = 'active'",
    )
    .bind(contract_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((autopay, Some(next_due))) = next else {
        return Ok(());
    };
    let at = cancelled
        .iter()
        .flatten()
        .chain(std::iter::once(&next_due))
        .filter_map(|d| crate::domain::dates::parse_iso(d))
        .min();
    let new = at.and_then(|at| moved.iter().find(|(old, _)| *old >= at).map(|(_, n)| *n));
    if let Some(new) = new {
        sqlx::query("UPDATE autopays SET next_due = $1, updated_at = $2 WHERE id = $3")
            .bind(new.to_string())
            .bind(now)
            .bind(autopay)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

/// Applies approved `details` of application `row` to its contract, in `tx`.
pub(crate) async fn apply(
    state: &AppState,
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    row: &AppRow,
    details: &Details,
    payment: Option<&(crate::payments::PaymentRequest, crate::payments::Review)>,
) -> Result<Outcome, ServiceError> {
    let today = state.clock.now().date();
    let now = state.clock.unix();
    // One change to a contract at a time (a row lock on PostgreSQL; SQLite's write lock already).
    lock_contract(tx, row.contract_id).await?;
    let b = book_in(tx, today, row.customer_id, row.contract_id, 0).await?;
    let mut standing = standing_in(tx, &b).await?;
    let kind = details.kind();
    standing.open.retain(|k| *k != kind);
    check_eligible(state, &standing, kind, today)?;
    let next_before = b.summary.next_due.map(|(d, _)| d);
    let maturity_before = maturity(&b);
    let mut outcome = Outcome {
        next_due_before: next_before,
        next_due_after: next_before,
        maturity_before,
        maturity_after: maturity_before,
        payment_reference: None,
        payment_after: None,
    };
    match details {
        Details::DueDateChange { new_day } => {
            let next = next_before.ok_or(AppError::NotFound)?;
            let moved =
                due_date_change(next, *new_day, rust_decimal::Decimal::ZERO, maturity_before)
                    .ok_or(AppError::NotFound)?;
            let first = move_unpaid(tx, &b, now, next, |k, _| {
                with_due_day(add_months(moved.next_due, k), *new_day)
            })
            .await?;
            sqlx::query("UPDATE contracts SET due_day = $1 WHERE id = $2")
                .bind(i64::from(*new_day))
                .bind(b.rec.id)
                .execute(&mut **tx)
                .await?;
            outcome.next_due_after = first;
        }
        Details::Deferral { months, .. } => {
            let next = next_before.ok_or(AppError::NotFound)?;
            let due_day = b.rec.due_day;
            outcome.next_due_after = move_unpaid(tx, &b, now, next, |_, d| {
                with_due_day(add_months(d, *months), due_day)
            })
            .await?;
        }
        Details::LeaseExtension { months } => {
            let last = b.schedule.last().ok_or(AppError::NotFound)?;
            for m in 1..=*months {
                sqlx::query(
                    "INSERT INTO schedule_rows (contract_id, number, due_date, payment_cents, interest_cents, \
                     principal_cents, tax_cents, balance_cents) VALUES ($1, $2, $3, $4, $5, 0, $6, $7)",
                )
                .bind(b.rec.id)
                .bind(i64::from(last.number + m))
                .bind(with_due_day(add_months(last.due_date, m), b.rec.due_day).to_string())
                .bind(last.payment.cents())
                .bind((last.payment - last.tax).cents())
                .bind(last.tax.cents())
                .bind(last.balance.cents())
                .execute(&mut **tx)
                .await?;
            }
        }
        Details::EarlyRepayment { .. } => {
            let (request, review) = payment.ok_or_else(|| {
                ServiceError::failed("approving an early repayment")("no payment prepared")
            })?;
            let made = crate::payments::service::insert_in(
                state,
                tx,
                row.customer_id,
                request,
                review,
                &payment_key(row.id),
            )
            .await?;
            // Approved once: a second approval meets the payment the first one made.
            let (_, reference) =
                made.ok_or(AppError::Conflict(crate::error::Conflict::ApplicationMoved))?;
            outcome.payment_reference = Some(reference);
        }
        Details::InsuranceEvent { .. } => {}
    }
    if !matches!(
        details,
        Details::EarlyRepayment { .. } | Details::InsuranceEvent { .. }
    ) {
        let after = book_in(tx, today, row.customer_id, row.contract_id, 0).await?;
        outcome.maturity_after = maturity(&after);
        outcome.next_due_after = after.summary.next_due.map(|(d, _)| d);
    }
    Ok(outcome)
}
