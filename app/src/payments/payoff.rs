//! The payoff quote (`/payments/payoff`): a loan's payoff good through a date (today … today + 30
//! days) in parts that add up to the cent, computed from the same `Book` the review and the
//! posting use — so the quote for a day is exactly what a payoff payment posting that day pays —
//! and a lease's purchase prices. `contract_paid_off` is what autopay and anything else that must
//! stop at payoff asks.

use super::book::book;
use super::PayoffView;
use crate::contracts::ContractKind;
use crate::domain::dates::{add_months, parse_iso};
use crate::domain::payoff::LoanPayoffParts;
use crate::domain::Issue;
use crate::error::{AppError, Conflict, ServiceError};
use crate::infra::AppState;
use time::Duration;

/// How far ahead a payoff may be quoted.
pub const GOOD_THROUGH_DAYS: i64 = 30;

/// The quote for `contract_id` good through `good_through` (YYYY-MM-DD; empty means today).
pub async fn quote(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
    good_through: &str,
) -> Result<PayoffView, ServiceError> {
    let b = book(state, customer_id, contract_id, 0).await?;
    if b.rec.status != "active" {
        return Err(AppError::Conflict(Conflict::ContractClosed).into());
    }
    let today = state.clock.now().date();
    let latest = today + Duration::days(GOOD_THROUGH_DAYS);
    let out_of_range = || AppError::validation("good_through", Issue::PayoffDateRange);
    let date = match good_through.trim() {
        "" => today,
        text => parse_iso(text).ok_or_else(out_of_range)?,
    };
    if date < today || date > latest {
        return Err(out_of_range().into());
    }
    let (loan, lease, maturity) = match b.rec.kind {
        ContractKind::Loan => {
            let parts = LoanPayoffParts::of(&b.loan_ledger(), today, date, b.scheduled);
            (Some(parts), None, None)
        }
        ContractKind::Lease => {
            let parts = b.purchase().expect("a lease");
            let maturity = b.schedule.last().map_or(
                add_months(b.rec.first_due, b.rec.term.saturating_sub(1)),
                |r| r.due_date,
            );
            (None, Some(parts), Some(maturity))
        }
    };
    Ok(PayoffView {
        contract_id: b.rec.id,
        number: b.rec.number.clone(),
        vehicle: b.summary.vehicle.clone(),
        vin: b.rec.vin.clone(),
        currency: b.rec.currency.clone(),
        today,
        latest,
        good_through: date,
        loan,
        lease,
        maturity,
    })
}

/// Whether the contract is paid off (or otherwise closed): recurring payments stop here. A
/// returned payoff sets the contract active again, and this answers false again.
pub async fn contract_paid_off(state: &AppState, contract_id: i64) -> Result<bool, ServiceError> {
    let status: Option<String> = sqlx::query_scalar("SELECT status FROM contracts WHERE id = $1")
        .bind(contract_id)
        .fetch_optional(&state.db.pool)
        .await?;
    Ok(status.is_some_and(|s| s != "active"))
}

/// What a returned payment of `purpose` does to its contract, and the mail it sends: a returned
/// payoff leaves the contract open (reopened if it had been closed by it) and says so — the
/// contract page and the back office show it too.
pub(super) async fn on_return(
    tx: &mut sqlx::AnyConnection,
    purpose: &str,
    contract_id: i64,
) -> Result<&'static str, ServiceError> {
    if purpose != "payoff" {
        return Ok("returned");
    }
    sqlx::query("UPDATE contracts SET status = 'active' WHERE id = $1 AND status = 'paid_off'")
        .bind(contract_id)
        .execute(&mut *tx)
        .await?;
    Ok("payoff-returned")
}
