//! The lender's side: the review queue (waiting the longest first, with the two-business-day
//! service level of seed 002), one application with its contract's preview, and the decision.
//! A decision checks the workflow (`ApplicationStatus::can_become`) in the `UPDATE`'s `WHERE`,
//! so two staff deciding at once decide once; approval applies the change in the same
//! transaction (`apply`), and every move writes to the conversation, the events and the mail.
//! The back office records the staff action in that transaction too (`backoffice::service`).

use super::rows::{AppRow, APP_SELECT};
use super::service::{event, wants_mail};
use super::{Decision, QueueItem, StaffApplication};
use crate::domain::application::ApplicationStatus;
use crate::domain::dates::add_business_days;
use crate::domain::message::MessageText;
use crate::error::{AppError, Conflict, ServiceError};
use crate::infra::AppState;
use crate::messages::linked::{note_in, Line};
use time::OffsetDateTime;

/// Business days the lender takes to review an application (seed 002: "about 2 days").
pub const REVIEW_DAYS: u32 = 2;

fn day_of(unix: i64) -> time::Date {
    OffsetDateTime::from_unix_timestamp(unix).map_or(time::Date::MIN, |t| t.date())
}

#[derive(sqlx::FromRow)]
struct QueueRow {
    id: i64,
    reference: String,
    kind: String,
    status: String,
    customer: String,
    contract_id: i64,
    contract_number: String,
    updated_at: i64,
}

/// Applications waiting on the lender: submitted or under review, the longest waiting first.
pub async fn queue(state: &AppState) -> Result<Vec<QueueItem>, ServiceError> {
    let today = state.clock.now().date();
    let rows: Vec<QueueRow> = sqlx::query_as(
        "SELECT a.id, a.reference, a.kind, a.status, cu.first_name || ' ' || cu.last_name AS customer, \
         a.contract_id, c.contract_number, a.updated_at FROM applications a \
         JOIN customers cu ON cu.id = a.customer_id JOIN contracts c ON c.id = a.contract_id \
         WHERE a.status IN ('submitted', 'under_review') ORDER BY a.updated_at, a.id LIMIT 200",
    )
    .fetch_all(&state.db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let due_by = add_business_days(day_of(r.updated_at), REVIEW_DAYS);
            Some(QueueItem {
                id: r.id,
                reference: r.reference,
                kind: crate::domain::application::ApplicationKind::parse(&r.kind)?,
                status: ApplicationStatus::parse(&r.status)?,
                customer: r.customer,
                contract_id: r.contract_id,
                contract_number: r.contract_number,
                waiting_since: r.updated_at,
                due_by,
                overdue: today > due_by,
            })
        })
        .collect())
}

/// One application as staff review it, with what approving would do now.
pub async fn one(state: &AppState, id: i64) -> Result<StaffApplication, ServiceError> {
    let row: Option<AppRow> = sqlx::query_as(&format!("{APP_SELECT} WHERE a.id = $1"))
        .bind(id)
        .fetch_optional(&state.db.pool)
        .await?;
    let row = row.ok_or(AppError::NotFound)?;
    let kind = row.kind()?;
    let customer_id = row.customer_id;
    let name: String =
        sqlx::query_scalar("SELECT first_name || ' ' || last_name FROM customers WHERE id = $1")
            .bind(customer_id)
            .fetch_one(&state.db.pool)
            .await?;
    let mut conn = state.db.pool.acquire().await?;
    let application = row.view(&mut conn).await?;
    drop(conn);
    let today = state.clock.now().date();
    let preview =
        match crate::payments::book::book(state, customer_id, application.contract_id, 0).await {
            Ok(b) => super::preview::preview(state, customer_id, &b, &application.details, today)
                .await
                .map_err(AppError::from),
            Err(e) => Err(AppError::from(e)),
        };
    Ok(StaffApplication {
        application,
        kind,
        customer_id,
        customer: name,
        preview,
    })
}

/// The move a decision makes.
fn target(decision: Decision) -> (ApplicationStatus, ApplicationStatus) {
    use ApplicationStatus::*;
    match decision {
        Decision::Review => (Submitted, UnderReview),
        Decision::Approve => (UnderReview, Approved),
        Decision::Reject => (UnderReview, Rejected),
        Decision::Return => (UnderReview, Returned),
    }
}

/// Staff member `staff_id` decides application `id`, inside the caller's transaction (which
/// records the staff action): the move is made only from the status it starts from, so a
/// decision made twice, or by two people, is made once (`ApplicationMoved` for the second).
/// A rejection or a return needs its reason, which the customer reads. Returns the customer.
pub async fn decide(
    state: &AppState,
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    staff_id: i64,
    id: i64,
    decision: Decision,
    note: &str,
    payment: Option<&(crate::payments::PaymentRequest, crate::payments::Review)>,
) -> Result<i64, ServiceError> {
    let (from, to) = target(decision);
    debug_assert!(from.can_become(to));
    let note = note.trim();
    let needs_reason = matches!(decision, Decision::Reject | Decision::Return);
    let reason = if needs_reason || !note.is_empty() {
        Some(MessageText::parse(note).map_err(|i| AppError::validation("note", i))?)
    } else {
        None
    };
    let now = state.clock.unix();
    let row: Option<AppRow> = sqlx::query_as(&format!("{APP_SELECT} WHERE a.id = $1"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    let row = row.ok_or(AppError::NotFound)?;
    if row.status != from.code() {
        return Err(AppError::Conflict(Conflict::ApplicationMoved).into());
    }
    let customer_id = row.customer_id;
    let outcome = if decision == Decision::Approve {
        let details = serde_json::from_str(&row.details)
            .map_err(ServiceError::failed("reading an application"))?;
        Some(super::apply::apply(state, tx, &row, &details, payment).await?)
    } else {
        None
    };
    let stored = outcome
        .as_ref()
        .map(serde_json::to_string)
        .transpose()
        .map_err(ServiceError::failed("storing an application's outcome"))?;
    let moved = sqlx::query(
        "UPDATE applications SET status = $1, reviewer_id = $2, decision_note = $3, outcome = COALESCE($4, outcome), \
         updated_at = $5, decided_at = CASE WHEN $6 = 1 THEN $5 ELSE decided_at END, \
         payment_reference = COALESCE($9, payment_reference) WHERE id = $7 AND status = $8",
    )
    .bind(to.code())
    .bind(staff_id)
    .bind(reason.as_ref().map(|r| r.as_str()))
    .bind(stored)
    .bind(now)
    .bind(i64::from(matches!(decision, Decision::Approve | Decision::Reject)))
    .bind(id)
    .bind(from.code())
    .bind(outcome.as_ref().and_then(|o| o.payment_reference.clone()))
    .execute(&mut **tx)
    .await?;
    if moved.rows_affected() == 0 {
        return Err(AppError::Conflict(Conflict::ApplicationMoved).into());
    }
    event(
        tx,
        id,
        to,
        Some(staff_id),
        reason.as_ref().map(|r| r.as_str()),
        now,
    )
    .await?;
    let recipient = crate::emails::recipient(&mut **tx, customer_id).await?;
    if let Some(thread) = row.thread_id {
        let l = recipient.locale();
        let mut text = crate::i18n::tf(
            l,
            &format!("app-note-{}", to.code().replace('_', "-")),
            &[("reference", row.reference.clone().into())],
        );
        if let Some(r) = &reason {
            text.push_str("\n\n");
            text.push_str(r.as_str());
        }
        let text: String = text.chars().take(MessageText::MAX).collect();
        let text = MessageText::parse(&text).map_err(|i| AppError::validation("note", i))?;
        let key = format!("app-{id}-{}-{now}", to.code());
        let line = Line {
            text: &text,
            files: &[],
            now,
            key: &key,
        };
        note_in(tx, thread, customer_id, Some(staff_id), &line).await?;
    }
    if wants_mail(tx, customer_id).await? {
        let url = format!("{}/applications", state.config.public_url);
        let mail = crate::emails::applications::moved(&recipient, &row.reference, to, &url);
        crate::infra::outbox::enqueue(tx, &mail, now).await?;
    }
    Ok(customer_id)
}
