//! Submitting a payment on its date: claimed in the database (one instance does each; a crashed
//! instance's claim expires and another takes over), checked again against the contract as it now
//! stands, sent to the processor under its reference (its idempotency key), and then pending — or
//! ended (declined, cancelled with its source) with the mail that says so. `settle` posts it later.

use super::batch::{end_item, Batch};
use super::outcomes::notify;
use super::settle::{claimed, within, Claimed, BATCH, CLAIM_SECS};
use super::sources::{ensure_verified, source_of};
use crate::domain::Money;
use crate::error::{AppError, ServiceError};
use crate::infra::processor::Submission;
use crate::infra::AppState;
use time::Date;

/// Claims payments due for submission (all of them, or just `only`): first those whose
/// submitter's claim expired (a crashed instance), then the scheduled ones whose date has come —
/// two claims rather than one with an OR, which PostgreSQL plans as a scan of every payment; each
/// in the order of its index (`payments_due`: status, scheduled_for), so a claim reads a batch of
/// rows, not every payment due (ordered by id alone, SQLite sorted them all for each batch).
async fn claim_submittable(state: &AppState, only: Option<i64>) -> Result<Vec<i64>, ServiceError> {
    let now = state.clock.unix();
    let today = super::day::processing_date(state).to_string();
    let mut ids = claim_where(
        state,
        "status = 'processing' AND claim_until <= $3",
        now,
        only,
        BATCH,
    )
    .await?;
    if ids.len() < BATCH {
        let more = BATCH - ids.len();
        ids.extend(
            claim_where(
                state,
                "status = 'scheduled' AND scheduled_for <= $3",
                today,
                only,
                more,
            )
            .await?,
        );
    }
    Ok(ids)
}

async fn claim_where<T>(
    state: &AppState,
    due: &str,
    bound: T,
    only: Option<i64>,
    limit: usize,
) -> Result<Vec<i64>, ServiceError>
where
    T: for<'q> sqlx::Encode<'q, sqlx::Any> + sqlx::Type<sqlx::Any> + Clone + Send + 'static,
{
    let sql = format!(
        "UPDATE payments SET status = 'processing', claimed_by = $1, claim_until = $2, updated_at = $6 \
         WHERE id IN (SELECT id FROM payments WHERE {due} AND ($5 = 0 OR id = $5) ORDER BY scheduled_for, id LIMIT $4) \
           AND {due} RETURNING id"
    );
    let now = state.clock.unix();
    let ids: Vec<i64> = sqlx::query_scalar(&sql)
        .bind(state.instance.as_ref())
        .bind(now + CLAIM_SECS)
        .bind(bound)
        .bind(limit as i64)
        .bind(only.unwrap_or(0))
        .bind(now)
        .fetch_all(&state.db.pool)
        .await?;
    Ok(ids)
}

/// Submits the payments whose date has come, a batch at a time; returns how many were claimed.
pub async fn submit_due(state: &AppState) -> Result<usize, ServiceError> {
    let ids = claim_submittable(state, None).await?;
    submit_batch(state, &ids).await?;
    Ok(ids.len())
}

/// Submits one payment now (a payment dated today, right after it is made).
pub async fn submit_one(state: &AppState, id: i64) -> Result<(), ServiceError> {
    let ids = claim_submittable(state, Some(id)).await?;
    submit_batch(state, &ids).await
}

/// What asking for a claimed payment came to, written with the rest of its batch.
enum Submitted {
    /// Not sent (cancelled with its source, declined), with the mail that says so.
    Ended(Claimed, &'static str, Option<&'static str>),
    /// Accepted by the processor on the first day (the processing day it was sent on); posts on
    /// the second.
    Pending(Claimed, Date, Date),
}

/// Asks for each claimed payment with no transaction open (the processor may be slow), then
/// writes what each came to in one transaction (`batch`).
async fn submit_batch(state: &AppState, ids: &[i64]) -> Result<(), ServiceError> {
    let mut done = Vec::with_capacity(ids.len());
    for id in ids {
        match submit_claimed(state, *id).await {
            Ok(s) => done.push(s),
            Err(e) => {
                tracing::error!(payment = id, error = %e, "submitting a payment failed; its claim will expire")
            }
        }
    }
    if done.is_empty() {
        return Ok(());
    }
    let mut batch = Batch::begin(state).await?;
    for s in &done {
        let mut one = batch.item().await?;
        let (p, wrote) = match s {
            Submitted::Ended(p, status, mail) => {
                (p, finish(state, &mut one, p, status, *mail).await)
            }
            Submitted::Pending(p, sent_on, posts_on) => (
                p,
                mark_pending(state, &mut one, p, *sent_on, *posts_on).await,
            ),
        };
        end_item(one, wrote, "writing a submitted payment", p.id).await?;
    }
    batch.commit(state).await
}

async fn submit_claimed(state: &AppState, id: i64) -> Result<Submitted, ServiceError> {
    let p = claimed(state, id).await?;
    let ended = |p, status, mail| Ok(Submitted::Ended(p, status, mail));
    let mut source = match source_of(state, p.customer_id, p.source_id).await {
        Ok(s) => s,
        Err(e) if e.refusal() == Some(&AppError::NotFound) => return ended(p, "cancelled", None),
        Err(e) => return Err(e),
    };
    if !ensure_verified(state, &mut source).await? {
        return ended(p, "declined", Some("declined"));
    }
    // Since it was asked for, other payments may have paid the contract down (or off): a payment
    // that would now pay more than is owed is not taken.
    let book = super::book::book(state, p.customer_id, p.contract_id, p.id).await?;
    let today = super::day::processing_date(state);
    let posts_on = state.config.payment_rules.posts_on(source.kind(), today);
    let most = book.most_for(&p.purpose, posts_on);
    if book.rec.status != "active" || Money::from_cents(p.amount_cents) > most {
        return ended(p, "declined", Some("declined"));
    }
    let total = p.amount_cents + p.fee_cents;
    let submission = state.processor.submit(
        &source.processor_token,
        &p.reference,
        total,
        &book.rec.currency,
    );
    if within(submission).await? == Submission::Declined {
        return ended(p, "declined", Some("declined"));
    }
    Ok(Submitted::Pending(p, today, posts_on))
}

/// A payment the processor accepted: pending, with its transaction (allocated when it posts).
async fn mark_pending(
    state: &AppState,
    tx: &mut sqlx::AnyConnection,
    p: &Claimed,
    today: Date,
    posts_on: Date,
) -> Result<bool, ServiceError> {
    let now = state.clock.unix();
    let txn_id: i64 = sqlx::query_scalar(
        "INSERT INTO transactions (contract_id, kind, status, effective_date, amount_cents, fees_cents, interest_cents, \
         principal_cents, tax_cents, excess_cents, reference, description, created_at, extra_principal_cents) \
         VALUES ($1, 'payment', 'pending', $2, $3, 0, 0, 0, 0, 0, $4, 'online_payment', $5, $6) RETURNING id",
    )
    .bind(p.contract_id)
    .bind(today.to_string())
    .bind(p.amount_cents)
    .bind(&p.reference)
    .bind(now)
    .bind(p.extra_principal_cents)
    .fetch_one(&mut *tx)
    .await?;
    let moved = sqlx::query(
        "UPDATE payments SET status = 'pending', posts_on = $1, transaction_id = $2, claimed_by = NULL, \
         claim_until = NULL, updated_at = $3 WHERE id = $4 AND status = 'processing' AND claimed_by = $5",
    )
    .bind(posts_on.to_string())
    .bind(txn_id)
    .bind(now)
    .bind(p.id)
    .bind(state.instance.as_ref())
    .execute(&mut *tx)
    .await?;
    Ok(moved.rows_affected() == 1)
}

/// Ends a payment without posting it (cancelled with its source, declined, returned), with a mail
/// when `mail` names one; false if the claim was lost.
async fn finish(
    state: &AppState,
    tx: &mut sqlx::AnyConnection,
    p: &Claimed,
    status: &str,
    mail: Option<&str>,
) -> Result<bool, ServiceError> {
    let now = state.clock.unix();
    let moved = sqlx::query(
        "UPDATE payments SET status = $1, claimed_by = NULL, claim_until = NULL, updated_at = $2 \
         WHERE id = $3 AND claimed_by = $4 AND status = 'processing'",
    )
    .bind(status)
    .bind(now)
    .bind(p.id)
    .bind(state.instance.as_ref())
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() == 0 {
        return Ok(false);
    }
    if let Some(key) = mail {
        notify(state, tx, p, key, now).await?;
    }
    Ok(true)
}
