//! A payment's life after it is asked for, as background work claimed in the database (many
//! instances, one of them does each payment; a crashed instance's claim expires and another takes
//! over): on its date it is submitted to the processor and appears as pending (`submit`); on its
//! posting day (business days later) the processor says settled — it is allocated by the ledger at
//! that date — or returned — it is reversed. Each claimed batch is written in one transaction
//! (`batch`). The processor takes the payment's reference as its idempotency
//! key, and the transaction's unique reference makes a re-run after a crash post nothing twice.

use super::batch::{end_item, Batch};
use super::outcomes::notify;
pub(super) use super::outcomes::{charge_returned_fee, notify_with_fee};
use crate::contracts::service::{contract_in, history_lines_in, installments_in, txns};
use crate::contracts::ContractKind;
use crate::domain::dates::parse_iso;
use crate::domain::payment::{allocate_lease, replay_loan};
use crate::domain::payoff::purchase_allocation;
use crate::domain::Money;
use crate::error::ServiceError;
use crate::infra::processor::Outcome;
use crate::infra::AppState;

pub(super) const CLAIM_SECS: i64 = 300;
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
    let n = claimed.len();
    // The processor's word on each first, with no transaction open…
    let mut outcomes = Vec::with_capacity(n);
    for (id, _) in claimed {
        match outcome_of(state, id).await {
            Ok(o) => outcomes.push(o),
            Err(e) => {
                tracing::error!(payment = id, error = %e, "settling a payment failed; its claim will expire")
            }
        }
    }
    // …then each posted (or reversed) in that order, in one transaction: each is allocated after
    // the ones of its contract before it, which it reads in the same transaction.
    if outcomes.is_empty() {
        return Ok(n);
    }
    let mut batch = Batch::begin(state).await?;
    for (p, outcome) in &outcomes {
        let mut one = batch.item().await?;
        let wrote = settle_claimed(state, &mut one, p, outcome).await;
        end_item(one, wrote, "settling a payment", p.id).await?;
    }
    batch.commit(state).await?;
    Ok(n)
}

async fn outcome_of(state: &AppState, id: i64) -> Result<(Claimed, Outcome), ServiceError> {
    let p = claimed(state, id).await?;
    let token: String =
        sqlx::query_scalar("SELECT processor_token FROM payment_sources WHERE id = $1")
            .bind(p.source_id)
            .fetch_one(&state.db.pool)
            .await?;
    let outcome = within(state.processor.outcome(&token, &p.reference)).await?;
    Ok((p, outcome))
}

/// Posts `p` through the ledger (or reverses it when it came back) in the caller's transaction;
/// false if the claim was lost.
async fn settle_claimed(
    state: &AppState,
    tx: &mut sqlx::AnyConnection,
    p: &Claimed,
    outcome: &Outcome,
) -> Result<bool, ServiceError> {
    let now = state.clock.unix();
    let Some(txn_id) = p.transaction_id else {
        return Err(ServiceError::failed("settling a payment")(
            "pending without its transaction",
        ));
    };
    if let Outcome::Returned(code) = outcome {
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
        if moved.rows_affected() == 0 {
            return Ok(false);
        }
        let fee = charge_returned_fee(state, tx, p, now).await?;
        let key = super::payoff::on_return(tx, &p.purpose, p.contract_id).await?;
        notify_with_fee(state, tx, p, key, fee, now).await?;
        return Ok(true);
    }
    let posts_on = p
        .posts_on
        .as_deref()
        .and_then(parse_iso)
        .unwrap_or(super::day::lender_today(state));
    let rec = contract_in(&mut *tx, p.customer_id, p.contract_id).await?;
    let schedule = installments_in(&mut *tx, rec.id).await?;
    let lines: Vec<_> = history_lines_in(&mut *tx, rec.id)
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
        return Ok(false);
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
    notify(state, tx, p, "posted", now).await?;
    Ok(true)
}
