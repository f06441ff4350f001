//! Autopay: what the page offers per contract, enrolling, changing and cancelling — each once per
//! form instance (the key of `components/form_key.rs`), with its mail in the same transaction.
//! One active autopay per contract (a unique index). Changing or cancelling touches only drafts
//! not yet processing (status `scheduled`); those being submitted or in flight go on.
//!
//! Re-authentication: enrolling names a source that will be drafted every month, like adding a
//! source, so it needs a recent one (`guard::recent_customer`); a change needs it only when it
//! moves the drafts to another source; cancelling never does (it only stops money leaving).

use super::autopay_rows::{
    active_of, due_dates, end_in, mail_change, other_holders_autopay, pays_in, request_hash, view,
    AutopayRow, Tx, AUTOPAY_COLUMNS,
};
use super::book::{book, Book};
use super::service::checked_key;
use super::sources::{source_of, SourceRow, SOURCE_COLUMNS};
use super::{AutopayContract, AutopayRequest, AutopayView, SourceStatus};
use crate::contracts::service::contracts_of;
use crate::domain::autopay::{first_due, parse_days_before, start_months, YearMonth};
use crate::domain::dates::parse_iso;
use crate::domain::{Issue, Money};
use crate::emails::autopay::Change;
use crate::error::{AppError, Conflict, ServiceError};
use crate::infra::AppState;
use time::Date;

/// The autopay page: every active contract the customer holds, with its autopay if any.
pub async fn options(
    state: &AppState,
    customer_id: i64,
) -> Result<Vec<AutopayContract>, ServiceError> {
    let today = state.clock.now().date();
    let sources: Vec<SourceRow> = sqlx::query_as(&format!(
        "SELECT {SOURCE_COLUMNS} FROM payment_sources WHERE customer_id = $1 AND status <> 'removed' ORDER BY id"
    ))
    .bind(customer_id)
    .fetch_all(&state.db.pool)
    .await?;
    let mut out = Vec::new();
    for rec in contracts_of(&state.db, customer_id).await? {
        if rec.status != "active" {
            continue;
        }
        let b = book(state, customer_id, rec.id, 0).await?;
        let autopay = match active_of(state, customer_id, rec.id).await? {
            Some(row) => Some(view(state, &b, &row).await?),
            None => None,
        };
        let co_borrower_autopay =
            autopay.is_none() && other_holders_autopay(state, customer_id, rec.id).await?;
        out.push(AutopayContract {
            contract_id: rec.id,
            number: rec.number.clone(),
            vehicle: b.summary.vehicle.clone(),
            currency: rec.currency.clone(),
            regular: rec.payment,
            due_day: rec.due_day,
            start_months: start_months(&due_dates(&b), today),
            sources: sources
                .iter()
                .filter(|s| s.status != "failed" && pays_in(s, &rec.currency))
                .map(SourceRow::view)
                .collect(),
            autopay,
            co_borrower_autopay,
        });
    }
    Ok(out)
}

/// A request checked against the contract and the customer's sources.
struct Checked {
    b: Book,
    fixed: Option<Money>,
    days_before: u8,
    source: SourceRow,
    start: YearMonth,
}

/// `editing`: a start month already past is the month the autopay already runs in (the form
/// sends the month it started in), read as this month.
async fn check(
    state: &AppState,
    customer_id: i64,
    r: &AutopayRequest,
    editing: bool,
) -> Result<Checked, ServiceError> {
    let b = book(state, customer_id, r.contract_id, 0).await?;
    if b.rec.status != "active" {
        return Err(AppError::Conflict(Conflict::ContractClosed).into());
    }
    let today = state.clock.now().date();
    let regular = b.rec.payment;
    let mut problems: Vec<(&'static str, Issue)> = Vec::new();
    let fixed = match r.amount.trim() {
        "" => None,
        typed => match Money::parse(typed) {
            Err(i) => {
                problems.push(("amount", i));
                None
            }
            Ok(m) if m < regular => {
                problems.push(("amount", Issue::AutopayBelowRegular));
                None
            }
            Ok(m) if m > b.most(today) => {
                problems.push(("amount", Issue::PaymentOverPayoff));
                None
            }
            Ok(m) => (m > regular).then_some(m),
        },
    };
    let days_before = parse_days_before(&r.days_before)
        .map_err(|i| problems.push(("days_before", i)))
        .unwrap_or(0);
    let this_month = YearMonth::of(today);
    let start = YearMonth::parse(&r.start_month)
        .ok()
        .map(|m| if editing { m.max(this_month) } else { m })
        .filter(|m| start_months(&due_dates(&b), today).contains(m));
    if start.is_none() {
        problems.push(("start_month", Issue::AutopayStartMonth));
    }
    if !problems.is_empty() {
        return Err(AppError::first_problem(problems).into());
    }
    let source = source_of(state, customer_id, r.source_id).await?;
    if source.view().status == SourceStatus::Failed {
        return Err(AppError::Conflict(Conflict::SourceFailed).into());
    }
    if !pays_in(&source, &b.rec.currency) {
        return Err(AppError::Conflict(Conflict::SourceCurrency).into());
    }
    Ok(Checked {
        b,
        fixed,
        days_before,
        source,
        start: start.expect("checked above"),
    })
}

/// The autopay a form instance already made or changed, or a conflict when the request differs.
async fn remembered(
    state: &AppState,
    customer_id: i64,
    key: &str,
    hash: &str,
) -> Result<Option<AutopayView>, ServiceError> {
    let row: Option<(String, i64)> = sqlx::query_as(
        "SELECT request_hash, autopay_id FROM autopay_requests WHERE customer_id = $1 AND idempotency_key = $2",
    )
    .bind(customer_id)
    .bind(key)
    .fetch_optional(&state.db.pool)
    .await?;
    let Some((stored, id)) = row else {
        return Ok(None);
    };
    if stored != hash {
        return Err(AppError::Conflict(Conflict::PaymentKeyReused).into());
    }
    let row: AutopayRow = sqlx::query_as(&format!(
        "SELECT {AUTOPAY_COLUMNS} FROM autopays WHERE id = $1 AND customer_id = $2"
    ))
    .bind(id)
    .bind(customer_id)
    .fetch_one(&state.db.pool)
    .await?;
    let b = book(state, customer_id, row.contract_id, 0).await?;
    Ok(Some(view(state, &b, &row).await?))
}

/// Writes the key in `tx`; false when a concurrent duplicate wrote it first.
async fn remember(
    tx: &mut Tx,
    customer_id: i64,
    key: &str,
    hash: &str,
    autopay_id: i64,
    now: i64,
) -> Result<bool, ServiceError> {
    let done = sqlx::query(
        "INSERT INTO autopay_requests (customer_id, idempotency_key, request_hash, autopay_id, created_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (customer_id, idempotency_key) DO NOTHING",
    )
    .bind(customer_id)
    .bind(key)
    .bind(hash)
    .bind(autopay_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends an enrolment or a change in `tx`: writes the form's key, queues the mail, commits, and
/// answers with the autopay as it now is (a concurrent duplicate of the form: its answer).
#[allow(clippy::too_many_arguments)]
async fn conclude(
    state: &AppState,
    mut tx: Tx,
    customer_id: i64,
    key: &str,
    hash: &str,
    id: i64,
    change: Change,
    b: &Book,
) -> Result<AutopayView, ServiceError> {
    if !remember(&mut tx, customer_id, key, hash, id, state.clock.unix()).await? {
        tx.rollback().await?;
        return remembered(state, customer_id, key, hash)
            .await?
            .ok_or_else(|| {
                ServiceError::failed("answering a repeated autopay form")("row vanished")
            });
    }
    mail_change(state, &mut tx, id, change).await?;
    tx.commit().await?;
    state.outbox.wake();
    let row: AutopayRow = sqlx::query_as(&format!(
        "SELECT {AUTOPAY_COLUMNS} FROM autopays WHERE id = $1"
    ))
    .bind(id)
    .fetch_one(&state.db.pool)
    .await?;
    view(state, b, &row).await
}

/// Enrols a contract in autopay, once per form `key`.
pub async fn enrol(
    state: &AppState,
    customer_id: i64,
    r: AutopayRequest,
    key: &str,
) -> Result<AutopayView, ServiceError> {
    let key = checked_key(key)?;
    let hash = request_hash("enrol", &r);
    if let Some(first) = remembered(state, customer_id, key, &hash).await? {
        return Ok(first);
    }
    let c = check(state, customer_id, &r, false).await?;
    let today = state.clock.now().date();
    let next_due = first_due(&due_dates(&c.b), c.days_before, c.start, today).ok_or(
        AppError::validation("start_month", Issue::AutopayStartMonth),
    )?;
    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO autopays (customer_id, contract_id, source_id, fixed_amount_cents, days_before, start_month, \
         next_due, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8, $8) \
         ON CONFLICT (contract_id) WHERE status = 'active' DO NOTHING RETURNING id",
    )
    .bind(customer_id)
    .bind(r.contract_id)
    .bind(c.source.id)
    .bind(c.fixed.map(|m| m.cents()))
    .bind(i64::from(c.days_before))
    .bind(c.start.to_string())
    .bind(next_due.to_string())
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = id else {
        tx.rollback().await?;
        // A concurrent duplicate of this form got there first: its answer is ours.
        if let Some(first) = remembered(state, customer_id, key, &hash).await? {
            return Ok(first);
        }
        return Err(AppError::Conflict(Conflict::AutopayExists).into());
    };
    conclude(
        state,
        tx,
        customer_id,
        key,
        &hash,
        id,
        Change::Enrolled,
        &c.b,
    )
    .await
}

/// Changes the contract's autopay, once per form `key`; `recent` says whether the customer
/// re-authenticated lately (needed to move the drafts to another source).
pub async fn change(
    state: &AppState,
    customer_id: i64,
    r: AutopayRequest,
    key: &str,
    recent: bool,
) -> Result<AutopayView, ServiceError> {
    let key = checked_key(key)?;
    let hash = request_hash("change", &r);
    if let Some(first) = remembered(state, customer_id, key, &hash).await? {
        return Ok(first);
    }
    let c = check(state, customer_id, &r, true).await?;
    let current = active_of(state, customer_id, r.contract_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if c.source.id != current.source_id && !recent {
        return Err(AppError::ReauthRequired.into());
    }
    let today = state.clock.now().date();
    // Instalments already drafted are not drafted again.
    let drafted: Option<String> = sqlx::query_scalar(
        "SELECT MAX(due_date) FROM payments WHERE autopay_id = $1 AND status <> 'cancelled'",
    )
    .bind(current.id)
    .fetch_one(&state.db.pool)
    .await?;
    let drafted = drafted.as_deref().and_then(parse_iso);
    let dues: Vec<Date> = due_dates(&c.b)
        .into_iter()
        .filter(|d| drafted.is_none_or(|x| *d > x))
        .collect();
    let next_due = first_due(&dues, c.days_before, c.start, today);
    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
    let moved = sqlx::query(
        "UPDATE autopays SET source_id = $1, fixed_amount_cents = $2, days_before = $3, start_month = $4, \
         next_due = $5, updated_at = $6 WHERE id = $7 AND status = 'active'",
    )
    .bind(c.source.id)
    .bind(c.fixed.map(|m| m.cents()))
    .bind(i64::from(c.days_before))
    .bind(c.start.to_string())
    .bind(next_due.map(|d| d.to_string()))
    .bind(now)
    .bind(current.id)
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() == 0 {
        return Err(AppError::NotFound.into());
    }
    // Drafts not yet processing follow the change; those being submitted or in flight go on.
    let base = c.fixed.unwrap_or(c.b.rec.payment);
    super::autopay_jobs::redraft_waiting(
        state,
        &mut tx,
        customer_id,
        current.id,
        base,
        c.days_before,
        &c.source,
    )
    .await?;
    conclude(
        state,
        tx,
        customer_id,
        key,
        &hash,
        current.id,
        Change::Changed,
        &c.b,
    )
    .await
}

/// Cancels the contract's autopay and its drafts not yet processing; returns how many drafts.
pub async fn cancel(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
) -> Result<u32, ServiceError> {
    let current = active_of(state, customer_id, contract_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut tx = state.db.begin().await?;
    let Some(drafts) = end_in(state, &mut tx, current.id, "cancelled").await? else {
        return Err(AppError::NotFound.into());
    };
    mail_change(state, &mut tx, current.id, Change::Cancelled).await?;
    tx.commit().await?;
    state.outbox.wake();
    Ok(drafts)
}
