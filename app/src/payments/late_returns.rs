//! Returns that come back after a payment posted. The payer's bank may still return a debit for a
//! few business days after it settled (NACHA R10 "not authorised" and the like); until that window
//! closes (`final_on`, set at posting) a posted payment is not final. On that day a claimed job
//! asks the processor once: nothing → the payment is final; a return → the payment is taken off
//! again in one transaction: its transaction is marked returned, the payments posted after it are
//! split again as the ledger now posts them (`domain::resplit`), the returned-payment fee is
//! charged, a loan the payment had paid off is open again, and the customer is told.

use super::settle::{charge_returned_fee, claimed, notify_with_fee, within, Claimed, BATCH};
use crate::contracts::service::{contract_of, history_lines, installments, txns};
use crate::contracts::ContractKind;
use crate::domain::resplit::{resplit_lease, resplit_loan, Split};
use crate::domain::Money;
use crate::error::ServiceError;
use crate::infra::processor::ReturnCode;
use crate::infra::AppState;
use std::collections::HashMap;

const CLAIM_SECS: i64 = 300;

/// Claims the posted payments whose return window has closed and settles each for good; returns
/// how many were claimed.
pub async fn finalise_due(state: &AppState) -> Result<usize, ServiceError> {
    let now = state.clock.unix();
    let ids: Vec<i64> = sqlx::query_scalar(
        "UPDATE payments SET claimed_by = $1, claim_until = $2 \
         WHERE id IN (SELECT id FROM payments WHERE status = 'posted' AND final_at IS NULL AND final_on <= $4 \
                      AND (claim_until IS NULL OR claim_until <= $3) ORDER BY final_on, id LIMIT $5) \
           AND status = 'posted' AND final_at IS NULL AND (claim_until IS NULL OR claim_until <= $3) RETURNING id",
    )
    .bind(state.instance.as_ref())
    .bind(now + CLAIM_SECS)
    .bind(now)
    .bind(super::day::lender_today(state).to_string())
    .bind(BATCH as i64)
    .fetch_all(&state.db.pool)
    .await?;
    let mut ids = ids;
    ids.sort_unstable();
    for id in &ids {
        if let Err(e) = finalise_claimed(state, *id).await {
            tracing::error!(payment = id, error = %e, "finalising a payment failed; its claim will expire");
        }
    }
    Ok(ids.len())
}

async fn finalise_claimed(state: &AppState, id: i64) -> Result<(), ServiceError> {
    let p = claimed(state, id).await?;
    let token: String =
        sqlx::query_scalar("SELECT processor_token FROM payment_sources WHERE id = $1")
            .bind(p.source_id)
            .fetch_one(&state.db.pool)
            .await?;
    match within(state.processor.late_return(&token, &p.reference)).await? {
        None => {
            sqlx::query(
                "UPDATE payments SET final_at = $1, claimed_by = NULL, claim_until = NULL \
                 WHERE id = $2 AND claimed_by = $3 AND status = 'posted'",
            )
            .bind(state.clock.unix())
            .bind(p.id)
            .bind(state.instance.as_ref())
            .execute(&state.db.pool)
            .await?;
            Ok(())
        }
        Some(code) => take_off(state, &p, code).await,
    }
}

/// Takes a posted payment off its contract (see the module header).
async fn take_off(state: &AppState, p: &Claimed, code: ReturnCode) -> Result<(), ServiceError> {
    let rec = contract_of(&state.db, p.customer_id, p.contract_id).await?;
    // The contract's history, oldest first, with this payment no longer posted.
    let mut lines = history_lines(&state.db, rec.id).await?;
    lines.reverse();
    let mut history = txns(&lines);
    for (line, t) in lines.iter().zip(history.iter_mut()) {
        if line.reference == p.reference {
            t.status = crate::domain::account::TxnStatus::Returned;
        }
    }
    let (splits, still_owed): (Vec<Split>, bool) = match rec.kind {
        ContractKind::Loan => {
            let (ledger, splits) = resplit_loan(rec.financed, rec.apr, rec.contract_date, &history);
            (splits, ledger.principal.is_positive())
        }
        ContractKind::Lease => {
            let schedule = installments(&state.db, rec.id).await?;
            (resplit_lease(&schedule, &history), false)
        }
    };
    let asked_extra: HashMap<String, i64> = sqlx::query_as(
        "SELECT reference, extra_principal_cents FROM payments WHERE contract_id = $1 AND status = 'posted'",
    )
    .bind(rec.id)
    .fetch_all(&state.db.pool)
    .await?
    .into_iter()
    .collect();

    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
    let moved = sqlx::query(
        "UPDATE payments SET status = 'returned', return_code = $1, final_at = $2, claimed_by = NULL, \
         claim_until = NULL, updated_at = $2 WHERE id = $3 AND claimed_by = $4 AND status = 'posted'",
    )
    .bind(code.code())
    .bind(now)
    .bind(p.id)
    .bind(state.instance.as_ref())
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() == 0 {
        return Ok(());
    }
    sqlx::query(
        "UPDATE transactions SET status = 'returned' WHERE contract_id = $1 AND reference = $2",
    )
    .bind(rec.id)
    .bind(&p.reference)
    .execute(&mut *tx)
    .await?;
    for s in splits {
        let line = &lines[s.index];
        let asked = asked_extra
            .get(&line.reference)
            .map_or(line.extra_principal, |c| Money::from_cents(*c));
        let extra = asked.min(s.allocation.principal);
        let same = (
            line.fees,
            line.interest,
            line.principal,
            line.excess,
            line.tax,
            line.extra_principal,
        ) == (
            s.allocation.fees,
            s.allocation.interest,
            s.allocation.principal,
            s.allocation.excess,
            s.tax,
            extra,
        );
        if same {
            continue;
        }
        sqlx::query(
            "UPDATE transactions SET fees_cents = $1, interest_cents = $2, principal_cents = $3, tax_cents = $4, \
             excess_cents = $5, extra_principal_cents = $6 WHERE contract_id = $7 AND reference = $8",
        )
        .bind(s.allocation.fees.cents())
        .bind(s.allocation.interest.cents())
        .bind(s.allocation.principal.cents())
        .bind(s.tax.cents())
        .bind(s.allocation.excess.cents())
        .bind(extra.cents())
        .bind(rec.id)
        .bind(&line.reference)
        .execute(&mut *tx)
        .await?;
    }
    let fee = charge_returned_fee(state, &mut tx, p, now).await?;
    let mut key = super::payoff::on_return(&mut tx, &p.purpose, p.contract_id).await?;
    if still_owed {
        let reopened = sqlx::query(
            "UPDATE contracts SET status = 'active' WHERE id = $1 AND status = 'paid_off'",
        )
        .bind(rec.id)
        .execute(&mut *tx)
        .await?;
        if reopened.rows_affected() == 1 {
            key = "payoff-returned";
        }
    }
    let key = if key == "returned" {
        "returned-late"
    } else {
        key
    };
    notify_with_fee(state, &mut tx, p, key, fee, now).await?;
    tx.commit().await?;
    state.outbox.wake();
    tracing::info!(payment = %p.reference, code = code.code(), "a posted payment was returned and taken off");
    Ok(())
}
