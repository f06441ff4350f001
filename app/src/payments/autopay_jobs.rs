//! Autopay's background work, claimed in the database so it happens once across instances and
//! after a crash: ending autopays that should stop (the contract is paid off, or two drafts came
//! back returned), and drafting each instalment on its draft day — one scheduled payment per
//! (autopay, due date), a unique index making a second one impossible even when two instances
//! race. The submit and settle jobs then carry the draft like any scheduled payment.

use super::autopay_rows::{due_dates, end_in, AutopayRow, AUTOPAY_COLUMNS};
use super::batch::{end_item, Batch};
use super::book::{book, book_in, Book};
use super::sources::{source_in, SourceRow};
use super::{source_label, Review};
use crate::domain::autopay::{draft_date, following_due, MAX_DAYS_BEFORE};
use crate::domain::payment::ExtraTo;
use crate::domain::Money;
use crate::error::{AppError, ServiceError};
use crate::infra::{outbox, AppState};
use time::{Date, Duration};

const CLAIM_SECS: i64 = 300;
/// Two returned drafts stop an autopay.
pub const RETURNS_TO_STOP: i64 = 2;

/// What a draft for the instalment due on `due` takes: the autopay's amount less what has already
/// been paid (or is on its way) towards that instalment, never more than the contract can take.
/// Zero when the instalment is already covered: no draft is made.
pub(super) fn draft_amount(b: &Book, base: Money, due: Date, posts_on: Date) -> Money {
    let regular = b.rec.payment;
    let owed = match b.summary.next_due {
        Some((next, _)) if next <= due => b.due_now(),
        _ => Money::ZERO,
    };
    if !owed.is_positive() {
        return Money::ZERO;
    }
    let covered = (regular - owed).max(Money::ZERO);
    (base - covered).max(Money::ZERO).min(b.most(posts_on))
}

/// A draft's review: what it pays, its fee and where it goes when it posts on `posts_on`.
fn draft_review(
    state: &AppState,
    b: &Book,
    amount: Money,
    draft_on: Date,
    posts_on: Date,
    source: &SourceRow,
    locale: crate::i18n::Locale,
) -> Review {
    let (a, tax) = b.allocate(posts_on, amount);
    let fee = state
        .config
        .payment_rules
        .fee(source.kind(), &b.rec.currency);
    Review {
        amount,
        fee,
        total: amount + fee,
        currency: b.rec.currency.clone(),
        date: draft_on,
        posts_on,
        source_id: source.id,
        source: source_label(locale, &source.view()),
        fees: a.fees,
        interest: a.interest,
        principal: a.principal,
        tax,
        excess: a.excess,
        beyond_due: Money::ZERO,
        extra_to: ExtraTo::NextInstalment,
        payoff: false,
    }
}

/// After autopay `id` changed (amount `base` before netting, `days_before`, `source`): each of its
/// drafts still waiting is made again from the new terms — amount, date, source, fee and review —
/// as the draft job would make it now (a draft whose instalment is already covered is cancelled).
pub(super) async fn redraft_waiting(
    state: &AppState,
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    customer_id: i64,
    id: i64,
    base: Money,
    days_before: u8,
    source: &SourceRow,
) -> Result<(), ServiceError> {
    let waiting: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT id, contract_id, due_date FROM payments WHERE autopay_id = $1 AND status = 'scheduled'",
    )
    .bind(id)
    .fetch_all(&mut **tx)
    .await?;
    let earliest = super::day::processing_date(state);
    let to = crate::emails::recipient(&mut **tx, customer_id).await?;
    let now = state.clock.unix();
    for (payment, contract, due) in waiting {
        let Some(due) = crate::domain::dates::parse_iso(&due) else {
            continue;
        };
        // The contract as it stands without this draft.
        let b = book(state, customer_id, contract, payment).await?;
        let draft_on = draft_date(due, days_before).max(earliest);
        let posts_on = state.config.payment_rules.posts_on(source.kind(), draft_on);
        let amount = draft_amount(&b, base, due, posts_on);
        let review = draft_review(state, &b, amount, draft_on, posts_on, source, to.locale());
        let stored =
            serde_json::to_string(&review).map_err(ServiceError::failed("storing a review"))?;
        sqlx::query(
            "UPDATE payments SET source_id = $1, amount_cents = $2, fee_cents = $3, scheduled_for = $4, review = $5, \
             status = $6, updated_at = $7 WHERE id = $8 AND status = 'scheduled'",
        )
        .bind(source.id)
        .bind(amount.cents())
        .bind(review.fee.cents())
        .bind(draft_on.to_string())
        .bind(&stored)
        .bind(if amount.is_positive() { "scheduled" } else { "cancelled" })
        .bind(now)
        .bind(payment)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Ends the autopays that must stop: contract no longer active (paid off), or two returns.
pub async fn stop_finished(state: &AppState) -> Result<usize, ServiceError> {
    let paid_off: Vec<i64> = sqlx::query_scalar(
        "SELECT a.id FROM autopays a JOIN contracts c ON c.id = a.contract_id \
         WHERE a.status = 'active' AND c.status <> 'active'",
    )
    .fetch_all(&state.db.pool)
    .await?;
    let returned: Vec<i64> = sqlx::query_scalar(
        "SELECT a.id FROM autopays a WHERE a.status = 'active' AND (SELECT COUNT(*) FROM payments p \
         WHERE p.autopay_id = a.id AND p.status = 'returned') >= $1",
    )
    .bind(RETURNS_TO_STOP)
    .fetch_all(&state.db.pool)
    .await?;
    let mut stopped = 0;
    for (id, reason) in paid_off
        .into_iter()
        .map(|id| (id, "paid_off"))
        .chain(returned.into_iter().map(|id| (id, "returns")))
    {
        if stop(state, id, reason).await? {
            stopped += 1;
        }
    }
    Ok(stopped)
}

/// Ends autopay `id` for `reason` with its mail, in one transaction; false if it had already
/// ended (another instance, or the customer).
async fn stop(state: &AppState, id: i64, reason: &str) -> Result<bool, ServiceError> {
    let mut tx = state.db.begin().await?;
    if !stop_in(state, &mut tx, id, reason).await? {
        tx.rollback().await?;
        return Ok(false);
    }
    tx.commit().await?;
    state.outbox.wake();
    Ok(true)
}

/// `stop` in the caller's transaction.
async fn stop_in(
    state: &AppState,
    tx: &mut sqlx::AnyConnection,
    id: i64,
    reason: &str,
) -> Result<bool, ServiceError> {
    if end_in(state, tx, id, reason).await?.is_none() {
        return Ok(false);
    }
    stopped_mail(state, tx, id, reason).await?;
    Ok(true)
}

async fn stopped_mail(
    state: &AppState,
    tx: &mut sqlx::AnyConnection,
    id: i64,
    reason: &str,
) -> Result<(), ServiceError> {
    let (customer_id, number): (i64, String) = sqlx::query_as(
        "SELECT a.customer_id, c.contract_number FROM autopays a JOIN contracts c ON c.id = a.contract_id WHERE a.id = $1",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let to = crate::emails::recipient(&mut *tx, customer_id).await?;
    let mail = crate::emails::autopay::stopped(&to, &number, reason);
    outbox::enqueue(tx, &mail, state.clock.unix()).await?;
    Ok(())
}

/// Drafts the instalments whose draft day has come, a batch at a time: up to `settle::BATCH`
/// autopays claimed in one statement and drafted in one transaction (`batch`; a draft whose claim
/// was lost is rolled back alone). Returns how many were claimed; the payments pass calls it until it claims less than a batch.
pub async fn draft_due(state: &AppState) -> Result<usize, ServiceError> {
    let ids = claim_draftable(state).await?;
    if ids.is_empty() {
        return Ok(0);
    }
    let mut batch = Batch::begin(state).await?;
    for id in &ids {
        let mut one = batch.item().await?;
        let wrote = draft_claimed(state, &mut one, *id).await;
        end_item(one, wrote, "drafting an autopay", *id).await?;
    }
    batch.commit(state).await?;
    Ok(ids.len())
}

/// Claims up to a batch of the autopays whose draft day (`next_due` less `days_before`, 0–10
/// days) has come, in one statement; another instance's live claim is skipped.
async fn claim_draftable(state: &AppState) -> Result<Vec<i64>, ServiceError> {
    let today = state.clock.now().date();
    let now = state.clock.unix();
    // next_due − days_before ≤ today ⟺ next_due ≤ today + days_before: one bound per value.
    let bound: String = (0..MAX_DAYS_BEFORE)
        .map(|d| format!("WHEN {d} THEN ${} ", 5 + u32::from(d)))
        .collect();
    let last = 5 + u32::from(MAX_DAYS_BEFORE);
    let due = format!(
        "status = 'active' AND next_due IS NOT NULL AND next_due <= ${last} \
         AND next_due <= CASE days_before {bound}ELSE ${last} END AND (claim_until IS NULL OR claim_until <= $3)"
    );
    let sql = format!(
        "UPDATE autopays SET claimed_by = $1, claim_until = $2 \
         WHERE id IN (SELECT id FROM autopays WHERE {due} ORDER BY next_due, id LIMIT $4) AND {due} RETURNING id"
    );
    let mut q = sqlx::query_scalar(&sql)
        .bind(state.instance.as_ref())
        .bind(now + CLAIM_SECS)
        .bind(now)
        .bind(super::settle::BATCH as i64);
    for d in 0..=MAX_DAYS_BEFORE {
        q = q.bind((today + Duration::days(i64::from(d))).to_string());
    }
    Ok(q.fetch_all(&state.db.pool).await?)
}

/// Drafts claimed autopay `id` in the caller's transaction; false when the claim was lost.
async fn draft_claimed(
    state: &AppState,
    tx: &mut sqlx::AnyConnection,
    id: i64,
) -> Result<bool, ServiceError> {
    let row: AutopayRow = sqlx::query_as(&format!(
        "SELECT {AUTOPAY_COLUMNS} FROM autopays WHERE id = $1 AND claimed_by = $2 AND status = 'active'"
    ))
    .bind(id)
    .bind(state.instance.as_ref())
    .fetch_one(&mut *tx)
    .await?;
    let Some(due) = row.next_due() else {
        return Ok(true);
    };
    let today = state.clock.now().date();
    let b = book_in(tx, today, row.customer_id, row.contract_id, 0).await?;
    if b.rec.status != "active" || !b.most(today).is_positive() {
        return stop_in(state, tx, id, "paid_off").await;
    }
    let source = match source_in(&mut *tx, row.customer_id, row.source_id).await {
        Ok(s) => s,
        // The source was removed under it (removal cancels autopays; this is the race).
        Err(e) if e.refusal() == Some(&AppError::NotFound) => {
            return stop_in(state, tx, id, "cancelled").await;
        }
        Err(e) => return Err(e),
    };
    let rules = &state.config.payment_rules;
    let draft_on = draft_date(due, row.days_before());
    let posts_on = rules.posts_on(source.kind(), today.max(draft_on));
    let amount = draft_amount(&b, row.base(b.rec.payment), due, posts_on);
    let following = following_due(&due_dates(&b), due);
    let now = state.clock.unix();
    if amount.is_positive() {
        let to = crate::emails::recipient(&mut *tx, row.customer_id).await?;
        let review = draft_review(state, &b, amount, draft_on, posts_on, &source, to.locale());
        let fee = review.fee;
        let stored =
            serde_json::to_string(&review).map_err(ServiceError::failed("storing a review"))?;
        // ON CONFLICT: the (autopay, due date) index — a draft already made is not made again.
        sqlx::query(
            "INSERT INTO payments (reference, customer_id, contract_id, source_id, amount_cents, fee_cents, extra_to, \
             scheduled_for, status, idempotency_key, request_hash, review, created_at, updated_at, autopay_id, due_date) \
             VALUES ($1, $2, $3, $4, $5, $6, 'next_instalment', $7, 'scheduled', $8, 'autopay', $9, $10, $10, $11, $12) \
             ON CONFLICT DO NOTHING",
        )
        .bind(super::service::new_reference())
        .bind(row.customer_id)
        .bind(row.contract_id)
        .bind(source.id)
        .bind(amount.cents())
        .bind(fee.cents())
        .bind(draft_on.to_string())
        .bind(format!("autopay-{id}-{due}"))
        .bind(&stored)
        .bind(now)
        .bind(id)
        .bind(due.to_string())
        .execute(&mut *tx)
        .await?;
    }
    // On to the next instalment (none left: autopay has done its work).
    let moved = sqlx::query(
        "UPDATE autopays SET next_due = $1, status = $2, ended_reason = $3, ended_at = $4, updated_at = $5, \
         claimed_by = NULL, claim_until = NULL WHERE id = $6 AND claimed_by = $7 AND next_due = $8 AND status = 'active'",
    )
    .bind(following.map(|d| d.to_string()))
    .bind(if following.is_some() { "active" } else { "ended" })
    .bind(following.is_none().then_some("matured"))
    .bind(following.is_none().then_some(now))
    .bind(now)
    .bind(id)
    .bind(state.instance.as_ref())
    .bind(due.to_string())
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() == 0 {
        return Ok(false);
    }
    if following.is_none() {
        stopped_mail(state, tx, id, "matured").await?;
    }
    Ok(true)
}
