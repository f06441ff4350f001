//! The Message Center's SQL as staff use it: the queue of conversations awaiting an answer, one
//! conversation whole, and what staff change on it (close, assign, legal hold) — each in the
//! caller's transaction, where the back office records the action.

use super::{QueueItem, StaffMessage, StaffThread, ThreadStatus};
use crate::domain::dates::add_business_days;
use crate::domain::message::Topic;
use crate::error::{AppError, ServiceError};
use crate::infra::AppState;
use time::OffsetDateTime;

fn bad(what: &str) -> ServiceError {
    ServiceError::failed("reading a message thread")(what.to_string())
}

#[derive(sqlx::FromRow)]
struct QueueRow {
    id: i64,
    reference: String,
    topic: String,
    first_name: String,
    last_name: String,
    contract_number: Option<String>,
    waiting_since: Option<i64>,
    assigned_to: Option<String>,
}

/// The conversations awaiting the lender (of `topic`, or all), the longest waiting first, each with
/// its service level: answered by the end of the next business day (the lender's calendar).
pub async fn queue(state: &AppState, topic: Option<Topic>) -> Result<Vec<QueueItem>, ServiceError> {
    let rows: Vec<QueueRow> = sqlx::query_as(
        "SELECT t.id, t.reference, t.topic, u.first_name, u.last_name, c.contract_number, s.full_name AS assigned_to, \
         (SELECT MIN(m.sent_at) FROM messages m WHERE m.thread_id = t.id AND m.author = 'customer' AND m.id > \
            COALESCE((SELECT MAX(a.id) FROM messages a WHERE a.thread_id = t.id AND a.author = 'staff'), 0)) AS waiting_since \
         FROM message_threads t JOIN customers u ON u.id = t.customer_id \
         LEFT JOIN contracts c ON c.id = t.contract_id LEFT JOIN staff s ON s.id = t.assigned_staff_id \
         WHERE t.status = 'open' AND ($1 = '' OR t.topic = $1)",
    )
    .bind(topic.map_or("", Topic::as_str))
    .fetch_all(&state.db.pool)
    .await?;
    let today = crate::payments::day::lender_today(state);
    let mut items = rows
        .into_iter()
        .filter_map(|r| {
            // A thread whose customer messages have all expired is not waiting for anyone.
            let since = r.waiting_since?;
            Some((r, since))
        })
        .map(|(r, since)| {
            let received = OffsetDateTime::from_unix_timestamp(since)
                .map_err(|_| bad("a message's time"))?
                .date();
            let due_by = add_business_days(received, 1);
            Ok(QueueItem {
                id: r.id,
                reference: r.reference,
                topic: Topic::parse(&r.topic).map_err(|_| bad("unknown topic"))?,
                customer: format!("{} {}", r.first_name, r.last_name),
                contract_number: r.contract_number,
                waiting_since: since,
                due_by,
                overdue: today > due_by,
                assigned_to: r.assigned_to,
            })
        })
        .collect::<Result<Vec<_>, ServiceError>>()?;
    items.sort_by_key(|i| (i.waiting_since, i.id));
    Ok(items)
}

#[derive(sqlx::FromRow)]
struct ThreadRow {
    id: i64,
    reference: String,
    topic: String,
    status: String,
    customer_id: i64,
    first_name: String,
    last_name: String,
    language: String,
    contract_number: Option<String>,
    legal_hold: i64,
    assigned_to: Option<String>,
}

/// One conversation, whole, oldest message first.
pub async fn thread(state: &AppState, id: i64) -> Result<StaffThread, ServiceError> {
    let row: Option<ThreadRow> = sqlx::query_as(
        "SELECT t.id, t.reference, t.topic, t.status, t.customer_id, u.first_name, u.last_name, u.language, \
         c.contract_number, t.legal_hold, s.full_name AS assigned_to \
         FROM message_threads t JOIN customers u ON u.id = t.customer_id \
         LEFT JOIN contracts c ON c.id = t.contract_id LEFT JOIN staff s ON s.id = t.assigned_staff_id \
         WHERE t.id = $1",
    )
    .bind(id)
    .fetch_optional(&state.db.pool)
    .await?;
    let r = row.ok_or(AppError::NotFound)?;
    let messages: Vec<(i64, Option<String>, String, i64)> = sqlx::query_as(
        "SELECT m.id, s.full_name, m.body, m.sent_at FROM messages m LEFT JOIN staff s ON s.id = m.staff_id \
         WHERE m.thread_id = $1 ORDER BY m.id",
    )
    .bind(id)
    .fetch_all(&state.db.pool)
    .await?;
    let files = super::attachments::of_thread(&state.db, id).await?;
    Ok(StaffThread {
        id: r.id,
        reference: r.reference,
        topic: Topic::parse(&r.topic).map_err(|_| bad("unknown topic"))?,
        status: ThreadStatus::parse(&r.status).ok_or_else(|| bad("unknown status"))?,
        customer_id: r.customer_id,
        customer: format!("{} {}", r.first_name, r.last_name),
        language: r.language,
        contract_number: r.contract_number,
        legal_hold: r.legal_hold != 0,
        assigned_to: r.assigned_to,
        messages: messages
            .into_iter()
            .map(|(message, staff, body, sent_at)| StaffMessage {
                staff,
                body,
                sent_at,
                attachments: super::attachments::of_message(&files, message),
            })
            .collect(),
    })
}

/// The customer a thread belongs to (NotFound when there is no such thread).
pub async fn customer_of(tx: &mut sqlx::AnyConnection, id: i64) -> Result<i64, ServiceError> {
    let customer: Option<i64> =
        sqlx::query_scalar("SELECT customer_id FROM message_threads WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    Ok(customer.ok_or(AppError::NotFound)?)
}

/// Closes a thread (the customer's reply reopens it).
pub async fn close(tx: &mut sqlx::AnyConnection, id: i64) -> Result<(), ServiceError> {
    sqlx::query("UPDATE message_threads SET status = 'closed' WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Assigns a thread to a staff member.
pub async fn assign(
    tx: &mut sqlx::AnyConnection,
    id: i64,
    staff_id: i64,
) -> Result<(), ServiceError> {
    sqlx::query("UPDATE message_threads SET assigned_staff_id = $1 WHERE id = $2")
        .bind(staff_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Places (or lifts) a legal hold: a held thread is kept past the 30 days.
pub async fn hold(tx: &mut sqlx::AnyConnection, id: i64, on: bool) -> Result<(), ServiceError> {
    sqlx::query("UPDATE message_threads SET legal_hold = $1 WHERE id = $2")
        .bind(i64::from(on))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}
