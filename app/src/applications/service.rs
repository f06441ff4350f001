//! Filing, correcting and reading applications, for their customer. Every query names the
//! customer in its `WHERE`, so another's application or contract is simply not found. A filing
//! is keyed by its form instance (the same form twice is one application); the partial unique
//! index keeps one open application of a kind per contract, also against concurrent filings.

use super::preview::{check_eligible, preview, standing_in};
use super::rows::{AppRow, APP_SELECT};
use super::{describe, ApplicationView, Filed};
use crate::domain::application::{ApplicationKind, ApplicationStatus, Ineligible};
use crate::domain::application_form::{ApplicationForm, Details};
use crate::domain::message::{MessageText, Topic};
use crate::error::{AppError, Conflict, ServiceError};
use crate::infra::AppState;
use crate::messages::linked::{note_in, open_in, Line};
use crate::payments::book::book_in;

fn checked_key(key: &str) -> Result<&str, AppError> {
    crate::domain::form::form_key(key).map_err(|i| AppError::validation("key", i))
}

/// The Message Center topic an application's conversation is filed under.
fn topic(kind: ApplicationKind) -> Topic {
    match kind {
        ApplicationKind::EarlyRepayment => Topic::Payoff,
        ApplicationKind::DueDateChange => Topic::Payments,
        ApplicationKind::Deferral => Topic::Hardship,
        ApplicationKind::InsuranceEvent => Topic::Insurance,
        ApplicationKind::LeaseExtension => Topic::LeaseEnd,
    }
}

/// The note the conversation records for a filing or a correction (`headline`), in the
/// customer's language, with the customer it goes to.
async fn filing_note(
    tx: &mut sqlx::AnyConnection,
    customer_id: i64,
    headline: &str,
    reference: &str,
    details: &Details,
    currency: &str,
) -> Result<(crate::emails::Recipient, MessageText), ServiceError> {
    let to = crate::emails::recipient(&mut *tx, customer_id).await?;
    let l = to.locale();
    let kind = details.kind();
    let mut text = crate::i18n::tf(
        l,
        headline,
        &[
            ("reference", reference.to_string().into()),
            ("kind", super::kind_label(l, kind).into()),
        ],
    );
    for (label, value) in describe(l, details, currency) {
        text.push_str(&format!("\n{label}: {value}"));
    }
    let cut: String = text.chars().take(MessageText::MAX).collect();
    let text = MessageText::parse(&cut)
        .map_err(|_| ServiceError::failed("writing an application's note")("empty"))?;
    Ok((to, text))
}

pub(crate) fn parse_form(form: &ApplicationForm, today: time::Date) -> Result<Details, AppError> {
    form.parse(today)
        .map_err(|(field, issue)| AppError::validation(field, issue))
}

/// Files an application on one of the customer's contracts, with `files` already uploaded
/// (supporting documents, photos): checked as the page checked it, then the contract's
/// eligibility and the effect; the application, its event, its conversation and the
/// confirmation mail are written in one transaction.
pub async fn file(
    state: &AppState,
    customer_id: i64,
    contract_id: i64,
    form: &ApplicationForm,
    files: &[i64],
    key: &str,
) -> Result<Filed, ServiceError> {
    let key = checked_key(key)?;
    if let Some(first) = filed_with(state, customer_id, key).await? {
        return Ok(first);
    }
    let today = state.clock.now().date();
    let details = parse_form(form, today)?;
    crate::messages::service::count_send(state, customer_id).await?;
    let b = {
        let mut conn = state.db.pool.acquire().await?;
        book_in(&mut conn, today, customer_id, contract_id, 0).await?
    };
    preview(state, customer_id, &b, &details, today).await?;
    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
    check_eligible(
        state,
        &standing_in(&mut tx, &b).await?,
        details.kind(),
        today,
    )?;
    let reference = crate::infra::tokens::reference("APP");
    let (to, text) = filing_note(
        &mut tx,
        customer_id,
        "app-note-filed",
        &reference,
        &details,
        &b.rec.currency,
    )
    .await?;
    let stored =
        serde_json::to_string(&details).map_err(ServiceError::failed("storing an application"))?;
    let inserted: Result<Option<i64>, sqlx::Error> = sqlx::query_scalar(
        "INSERT INTO applications (reference, customer_id, contract_id, kind, status, details, \
         idempotency_key, created_at, updated_at) VALUES ($1, $2, $3, $4, 'submitted', $5, $6, $7, $7) \
         ON CONFLICT (customer_id, idempotency_key) DO NOTHING RETURNING id",
    )
    .bind(&reference)
    .bind(customer_id)
    .bind(contract_id)
    .bind(details.kind().code())
    .bind(&stored)
    .bind(key)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await;
    let id = match inserted {
        Ok(Some(id)) => id,
        Ok(None) => {
            // A concurrent twin of this form got there first: its answer is ours.
            tx.rollback().await?;
            return filed_with(state, customer_id, key).await?.ok_or_else(|| {
                ServiceError::failed("answering a repeated filing")("row vanished")
            });
        }
        // The one-open-of-a-kind index: another form filed the same kind meanwhile.
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(AppError::Conflict(Conflict::NotEligible(Ineligible::AlreadyOpen)).into())
        }
        Err(e) => return Err(e.into()),
    };
    // Its conversation, after the row that makes a repeated form the same filing.
    let line = Line {
        text: &text,
        files,
        now,
        key,
    };
    let (thread_id, _) = open_in(
        &mut tx,
        customer_id,
        topic(details.kind()),
        contract_id,
        &line,
    )
    .await?;
    sqlx::query("UPDATE applications SET thread_id = $1 WHERE id = $2")
        .bind(thread_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    event(&mut tx, id, ApplicationStatus::Submitted, None, None, now).await?;
    if wants_mail(&mut tx, customer_id).await? {
        let url = format!("{}/applications", state.config.public_url);
        let mail =
            crate::emails::applications::moved(&to, &reference, ApplicationStatus::Submitted, &url);
        crate::infra::outbox::enqueue(&mut tx, &mail, now).await?;
    }
    tx.commit().await?;
    state.outbox.wake();
    Ok(Filed {
        id,
        reference,
        thread_id: Some(thread_id),
    })
}

async fn filed_with(
    state: &AppState,
    customer_id: i64,
    key: &str,
) -> Result<Option<Filed>, ServiceError> {
    let row: Option<(i64, String, Option<i64>)> = sqlx::query_as(
        "SELECT id, reference, thread_id FROM applications WHERE customer_id = $1 AND idempotency_key = $2",
    )
    .bind(customer_id)
    .bind(key)
    .fetch_optional(&state.db.pool)
    .await?;
    Ok(row.map(|(id, reference, thread_id)| Filed {
        id,
        reference,
        thread_id,
    }))
}

pub(crate) async fn wants_mail(
    tx: &mut sqlx::AnyConnection,
    customer_id: i64,
) -> Result<bool, ServiceError> {
    let wants: i64 = sqlx::query_scalar("SELECT notify_email FROM customers WHERE id = $1")
        .bind(customer_id)
        .fetch_one(&mut *tx)
        .await?;
    Ok(wants != 0)
}

/// Records a move of application `id`.
pub(crate) async fn event(
    tx: &mut sqlx::AnyConnection,
    id: i64,
    status: ApplicationStatus,
    staff_id: Option<i64>,
    note: Option<&str>,
    now: i64,
) -> Result<(), ServiceError> {
    sqlx::query(
        "INSERT INTO application_events (application_id, status, staff_id, note, at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(status.code())
    .bind(staff_id)
    .bind(note)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct Returned {
    reference: String,
    contract_id: i64,
    kind: String,
    status: String,
    thread_id: Option<i64>,
    resubmit_key: Option<String>,
}

/// The customer's correction of an application sent back to them: the same kind, checked again
/// as a new filing would be (the contract may have moved); it goes back to the lender. The same
/// correction form sent twice corrects once.
pub async fn resubmit(
    state: &AppState,
    customer_id: i64,
    id: i64,
    form: &ApplicationForm,
    files: &[i64],
    key: &str,
) -> Result<Filed, ServiceError> {
    let key = checked_key(key)?;
    let today = state.clock.now().date();
    let details = parse_form(form, today)?;
    let row: Option<Returned> = sqlx::query_as(
        "SELECT reference, contract_id, kind, status, thread_id, resubmit_key FROM applications \
         WHERE id = $1 AND customer_id = $2",
    )
    .bind(id)
    .bind(customer_id)
    .fetch_optional(&state.db.pool)
    .await?;
    let Returned {
        reference,
        contract_id,
        kind,
        status,
        thread_id,
        resubmit_key: last_key,
    } = row.ok_or(AppError::NotFound)?;
    let answer = Filed {
        id,
        reference: reference.clone(),
        thread_id,
    };
    if last_key.as_deref() == Some(key) {
        return Ok(answer);
    }
    if status != ApplicationStatus::Returned.code() {
        return Err(AppError::Conflict(Conflict::ApplicationNotReturned).into());
    }
    if kind != details.kind().code() {
        return Err(AppError::validation("kind", crate::domain::Issue::OneOf).into());
    }
    crate::messages::service::count_send(state, customer_id).await?;
    let b = {
        let mut conn = state.db.pool.acquire().await?;
        book_in(&mut conn, today, customer_id, contract_id, 0).await?
    };
    // Checked again as a filing is (it may have fallen behind since), this application aside.
    let mut standing = {
        let mut conn = state.db.pool.acquire().await?;
        standing_in(&mut conn, &b).await?
    };
    standing.open.retain(|k| *k != details.kind());
    check_eligible(state, &standing, details.kind(), today)?;
    preview(state, customer_id, &b, &details, today).await?;
    let now = state.clock.unix();
    let stored =
        serde_json::to_string(&details).map_err(ServiceError::failed("storing an application"))?;
    let mut tx = state.db.begin().await?;
    let moved = sqlx::query(
        "UPDATE applications SET status = 'submitted', details = $1, resubmit_key = $2, updated_at = $3 \
         WHERE id = $4 AND customer_id = $5 AND status = 'returned'",
    )
    .bind(&stored)
    .bind(key)
    .bind(now)
    .bind(id)
    .bind(customer_id)
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() == 0 {
        // A twin of this correction got there first: its answer is ours.
        tx.rollback().await?;
        let last: Option<String> =
            sqlx::query_scalar("SELECT resubmit_key FROM applications WHERE id = $1")
                .bind(id)
                .fetch_one(&state.db.pool)
                .await?;
        if last.as_deref() == Some(key) {
            return Ok(answer);
        }
        return Err(AppError::Conflict(Conflict::ApplicationNotReturned).into());
    }
    event(&mut tx, id, ApplicationStatus::Submitted, None, None, now).await?;
    if let Some(thread) = thread_id {
        let (_, text) = filing_note(
            &mut tx,
            customer_id,
            "app-note-corrected",
            &reference,
            &details,
            &b.rec.currency,
        )
        .await?;
        let line = Line {
            text: &text,
            files,
            now,
            key,
        };
        note_in(&mut tx, thread, customer_id, None, &line).await?;
    }
    if wants_mail(&mut tx, customer_id).await? {
        let to = crate::emails::recipient(&mut *tx, customer_id).await?;
        let url = format!("{}/applications", state.config.public_url);
        let mail =
            crate::emails::applications::moved(&to, &reference, ApplicationStatus::Submitted, &url);
        crate::infra::outbox::enqueue(&mut tx, &mail, now).await?;
    }
    tx.commit().await?;
    state.outbox.wake();
    Ok(answer)
}

/// The customer's applications, the latest activity first.
pub async fn list(
    state: &AppState,
    customer_id: i64,
) -> Result<Vec<ApplicationView>, ServiceError> {
    let rows: Vec<AppRow> = sqlx::query_as(&format!(
        "{APP_SELECT} WHERE a.customer_id = $1 ORDER BY a.updated_at DESC, a.id DESC"
    ))
    .bind(customer_id)
    .fetch_all(&state.db.pool)
    .await?;
    let mut conn = state.db.pool.acquire().await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(row.view(&mut conn).await?);
    }
    Ok(out)
}
