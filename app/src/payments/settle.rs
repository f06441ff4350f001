//! A payment's life after it is asked for, as background work claimed in the database (many
//! instances, one of them does each payment; a crashed instance's claim expires and another takes
//! over): on its date it is submitted to the processor and appears as pending; on its posting day
//! (business days later) the processor says settled — it is allocated by the ledger at that date —
//! or returned — it is reversed. The processor takes the payment's reference as its idempotency
//! key, and the transaction's unique reference makes a re-run after a crash post nothing twice.

use super::outcomes::notify;
pub(super) use super::outcomes::{charge_returned_fee, notify_with_fee};
use super::sources::{ensure_verified, source_of};
use crate::contracts::service::{contract_of, history_lines, installments, txns};
use crate::contracts::ContractKind;
use crate::domain::dates::parse_iso;
use crate::domain::payment::{allocate_lease, replay_loan};
use crate::domain::payoff::purchase_allocation;
use crate::domain::Money;
use crate::error::{AppError, ServiceError};
use crate::infra::processor::{Outcome, Submission};
use crate::infra::AppState;

const CLAIM_SECS: i64 = 300;
/// A processor call that takes longer is abandoned (well inside the claim, so a slow call never
/// outlives it); the claim then expires and the work is retried under the same reference.
const PROCESSOR_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

pub(super) async fn within<T>(
    call: impl std::future::Future<Output = Result<T, crate::infra::processor::ProcessorError>>,
) -> Result<T, ServiceError> {
    match tokio::time::timeout(PROCESSOR_TIMEOUT, call).await {
        Ok(r) => r.map_err(ServiceError::failed("calling the payment processor")),
        Err(_) => Err(ServiceError::failed("calling the payment processor")(
            "timed out",
        )),
    }
}
/// Payments claimed at a time (a job pass takes batch after batch).
pub const BATCH: usize = 50;

const SUBMITTABLE: &str = "((status = 'scheduled' AND scheduled_for <= $4) OR (status = 'processing' AND claim_until <= $3))";

/// Claims payments due for submission (all of them, or just `only`) and submits each.
async fn claim_submittable(state: &AppState, only: Option<i64>) -> Result<Vec<i64>, ServiceError> {
    let sql = format!(
        "UPDATE payments SET status = 'processing', claimed_by = $1, claim_until = $2, updated_at = $3 \
         WHERE id IN (SELECT id FROM payments WHERE {SUBMITTABLE} AND ($6 = 0 OR id = $6) ORDER BY id LIMIT $5) \
           AND {SUBMITTABLE} RETURNING id"
    );
    let now = state.clock.unix();
    let ids: Vec<i64> = sqlx::query_scalar(&sql)
        .bind(state.instance.as_ref())
        .bind(now + CLAIM_SECS)
        .bind(now)
        .bind(super::day::processing_date(state).to_string())
        .bind(BATCH as i64)
        .bind(only.unwrap_or(0))
        .fetch_all(&state.db.pool)
        .await?;
    Ok(ids)
}

/// Submits the payments whose date has come; returns how many were claimed.
pub async fn submit_due(state: &AppState) -> Result<usize, ServiceError> {
    let ids = claim_submittable(state, None).await?;
    for id in &ids {
        if let Err(e) = submit_claimed(state, *id).await {
            tracing::error!(payment = id, error = %e, "submitting a payment failed; its claim will expire");
        }
    }
    Ok(ids.len())
}

/// Submits one payment now (a payment dated today, right after it is made).
pub async fn submit_one(state: &AppState, id: i64) -> Result<(), ServiceError> {
    for id in claim_submittable(state, Some(id)).await? {
        submit_claimed(state, id).await?;
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
pub(super) struct Claimed {
    pub(super) id: i64,
    pub(super) reference: String,
    pub(super) customer_id: i64,
    pub(super) contract_id: i64,
    pub(super) source_id: i64,
    pub(super) amount_cents: i64,
    pub(super) fee_cents: i64,
    pub(super) extra_principal_cents: i64,
    pub(super) posts_on: Option<String>,
    pub(super) transaction_id: Option<i64>,
    pub(super) purpose: String,
}

const CLAIMED_COLUMNS: &str =
    "id, reference, customer_id, contract_id, source_id, amount_cents, fee_cents, extra_principal_cents, \
    posts_on, transaction_id, purpose";

pub(super) async fn claimed(state: &AppState, id: i64) -> Result<Claimed, ServiceError> {
    Ok(sqlx::query_as(&format!(
        "SELECT {CLAIMED_COLUMNS} FROM payments WHERE id = $1"
    ))
    .bind(id)
    .fetch_one(&state.db.pool)
    .await?)
}

async fn submit_claimed(state: &AppState, id: i64) -> Result<(), ServiceError> {
    let p = claimed(state, id).await?;
    let mut source = match source_of(state, p.customer_id, p.source_id).await {
        Ok(s) => s,
        Err(e) if e.refusal() == Some(&AppError::NotFound) => {
            return finish(state, &p, "cancelled", None).await
        }
        Err(e) => return Err(e),
    };
    if !ensure_verified(state, &mut source).await? {
        return finish(state, &p, "declined", Some("declined")).await;
    }
    // Since it was asked for, other payments may have paid the contract down (or off): a payment
    // that would now pay more than is owed is not taken.
    let book = super::book::book(state, p.customer_id, p.contract_id, p.id).await?;
    let today = super::day::processing_date(state);
    let posts_on = state.config.payment_rules.posts_on(source.kind(), today);
    let most = book.most_for(&p.purpose, posts_on);
    if book.rec.status != "active" || Money::from_cents(p.amount_cents) > most {
        return finish(state, &p, "declined", Some("declined")).await;
    }
    let total = p.amount_cents + p.fee_cents;
    let submission = state.processor.submit(
        &source.processor_token,
        &p.reference,
        total,
        &book.rec.currency,
    );
    let submission = within(submission).await?;
    if submission == Submission::Declined {
        return finish(state, &p, "declined", Some("declined")).await;
    }
    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
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
    if moved.rows_affected() == 1 {
        tx.commit().await?;
    }
    Ok(())
}

/// Ends a payment without posting it (cancelled with its source, declined, returned), with a mail
/// when `mail` names one.
async fn finish(
    state: &AppState,
    p: &Claimed,
    status: &str,
    mail: Option<&str>,
) -> Result<(), ServiceError> {
    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
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
        return Ok(());
    }
    if let Some(key) = mail {
        notify(state, &mut tx, p, key, now).await?;
    }
    tx.commit().await?;
    state.outbox.wake();
    Ok(())
}

/// Settles the submitted payments whose posting day has come; returns how many were claimed.
pub async fn settle_due(state: &AppState) -> Result<usize, ServiceError> {
    let now = state.clock.unix();
    let claimed: Vec<(i64, String)> = sqlx::query_as(
        "UPDATE payments SET claimed_by = $1, claim_until = $2 \
         WHERE id IN (SELECT id FROM payments WHERE status = 'pending' AND posts_on <= $4 \
                      AND (claim_until IS NULL OR claim_until <= $3) ORDER BY posts_on, id LIMIT $5) \
           AND status = 'pending' AND (claim_until IS NULL OR claim_until <= $3) RETURNING id, posts_on",
    )
    .bind(state.instance.as_ref())
    .bind(now + CLAIM_SECS)
    .bind(now)
    .bind(super::day::lender_today(state).to_string())
    .bind(BATCH as i64)
    .fetch_all(&state.db.pool)
    .await?;
    // In the order they post, so each is allocated after the ones before it.
    let mut claimed = claimed;
    claimed.sort_by(|a, b| (&a.1, a.0).cmp(&(&b.1, b.0)));
    let ids: Vec<i64> = claimed.into_iter().map(|(id, _)| id).collect();
    for id in &ids {
        if let Err(e) = settle_claimed(state, *id).await {
            tracing::error!(payment = id, error = %e, "settling a payment failed; its claim will expire");
        }
    }
    Ok(ids.len())
}

async fn settle_claimed(state: &AppState, id: i64) -> Result<(), ServiceError> {
    let p = claimed(state, id).await?;
    let token: String =
        sqlx::query_scalar("SELECT processor_token FROM payment_sources WHERE id = $1")
            .bind(p.source_id)
            .fetch_one(&state.db.pool)
            .await?;
    let outcome = within(state.processor.outcome(&token, &p.reference)).await?;
    let now = state.clock.unix();
    let Some(txn_id) = p.transaction_id else {
        return Err(ServiceError::failed("settling a payment")(
            "pending without its transaction",
        ));
    };
    if let Outcome::Returned(code) = outcome {
        let mut tx = state.db.begin().await?;
        sqlx::query("UPDATE transactions SET status = 'returned' WHERE id = $1")
            .bind(txn_id)
            .execute(&mut *tx)
            .await?;
        let moved = sqlx::query(
            "UPDATE payments SET status = 'returned', return_code = $1, claimed_by = NULL, claim_until = NULL, \
             updated_at = $2 WHERE id = $3 AND claimed_by = $4",
        )
        .bind(code.code())
        .bind(now)
        .bind(p.id)
        .bind(state.instance.as_ref())
        .execute(&mut *tx)
        .await?;
        if moved.rows_affected() == 1 {
            let fee = charge_returned_fee(state, &mut tx, &p, now).await?;
            let key = super::payoff::on_return(&mut tx, &p.purpose, p.contract_id).await?;
            notify_with_fee(state, &mut tx, &p, key, fee, now).await?;
            tx.commit().await?;
            state.outbox.wake();
        }
        return Ok(());
    }
    let posts_on = p
        .posts_on
        .as_deref()
        .and_then(parse_iso)
        .unwrap_or(super::day::lender_today(state));
    let rec = contract_of(&state.db, p.customer_id, p.contract_id).await?;
    let schedule = installments(&state.db, rec.id).await?;
    let lines: Vec<_> = history_lines(&state.db, rec.id)
        .await?
        .into_iter()
        .filter(|l| l.reference != p.reference)
        .collect();
    // Oldest first, so same-day transactions replay in the order they happened.
    let mut history = txns(&lines);
    history.reverse();
    let amount = Money::from_cents(p.amount_cents);
    let (allocation, tax, paid_off) = match rec.kind {
        ContractKind::Loan => {
            let mut ledger = replay_loan(rec.financed, rec.apr, rec.contract_date, &history);
            let a = ledger.apply_payment(posts_on, amount);
            (a, Money::ZERO, ledger.principal.is_zero())
        }
        // The payment that buys the vehicle ends the lease.
        ContractKind::Lease if p.purpose == "payoff" => {
            let fees = crate::domain::payoff::lease_fees_owed(&history);
            (purchase_allocation(fees, amount), Money::ZERO, true)
        }
        ContractKind::Lease => {
            let (a, tax) = allocate_lease(&schedule, &history, amount);
            (a, tax, false)
        }
    };
    // The part the customer put on principal only, as decided when they asked.
    let extra_principal = Money::from_cents(p.extra_principal_cents).min(allocation.principal);
    let mut tx = state.db.begin().await?;
    let moved = sqlx::query(
        "UPDATE payments SET status = 'posted', claimed_by = NULL, claim_until = NULL, updated_at = $1, \
         final_on = $4 WHERE id = $2 AND claimed_by = $3 AND status = 'pending'",
    )
    .bind(now)
    .bind(p.id)
    .bind(state.instance.as_ref())
    .bind(state.config.payment_rules.final_on(posts_on).to_string())
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() == 0 {
        return Ok(());
    }
    sqlx::query(
        "UPDATE transactions SET status = 'posted', effective_date = $1, fees_cents = $2, interest_cents = $3, \
         principal_cents = $4, tax_cents = $5, excess_cents = $6, extra_principal_cents = $7 WHERE id = $8",
    )
    .bind(posts_on.to_string())
    .bind(allocation.fees.cents())
    .bind(allocation.interest.cents())
    .bind(allocation.principal.cents())
    .bind(tax.cents())
    .bind(allocation.excess.cents())
    .bind(extra_principal.cents())
    .bind(txn_id)
    .execute(&mut *tx)
    .await?;
    if paid_off {
        sqlx::query("UPDATE contracts SET status = 'paid_off' WHERE id = $1 AND status = 'active'")
            .bind(rec.id)
            .execute(&mut *tx)
            .await?;
    }
    notify(state, &mut tx, &p, "posted", now).await?;
    tx.commit().await?;
    state.outbox.wake();
    Ok(())
}
