//! Message Center rules and SQL. Every customer query names the customer in its `WHERE`, so another
//! customer's thread is simply not found. A send is keyed by its form instance: the same form sent
//! twice is one message. Staff answers come through `answer` (the back office records the action).

use super::attachments::{self, Party};
use super::{MessageView, Sent, ThreadStatus, ThreadSummary, ThreadView};
use crate::domain::message::{MessageText, Topic, RETENTION_DAYS};
use crate::domain::Issue;
use crate::error::{AppError, ServiceError};
use crate::infra::AppState;
use time::{Date, OffsetDateTime};

const DAY: i64 = 86_400;
/// Messages a login may send in a day (new conversations and replies): far above what a person
/// writes, low enough that a script cannot flood the lender's queue.
pub const MESSAGES_PER_DAY: i64 = 30;

pub(crate) async fn count_send(state: &AppState, customer_id: i64) -> Result<(), ServiceError> {
    crate::infra::throttle::hit(
        &state.db,
        &crate::infra::throttle::key::message(customer_id),
        state.clock.unix(),
        MESSAGES_PER_DAY,
        DAY,
    )
    .await
}

/// The day a message sent at `sent_at` is deleted (the UTC day, 30 days on).
fn expires_on(sent_at: i64) -> Option<Date> {
    OffsetDateTime::from_unix_timestamp(sent_at + RETENTION_DAYS * DAY)
        .ok()
        .map(|t| t.date())
}

/// Starts a conversation: its topic, the contract it concerns (one of the customer's, or none)
/// and the first message, in one transaction. The same form sent again is the same thread.
pub async fn start(
    state: &AppState,
    customer_id: i64,
    topic: Topic,
    contract_id: Option<i64>,
    text: &MessageText,
    files: &[i64],
    key: &str,
) -> Result<Sent, ServiceError> {
    if let Some(id) = contract_id {
        crate::contracts::service::contract_of(&state.db, customer_id, id)
            .await
            .map_err(|_| AppError::validation("contract", Issue::OneOf))?;
    }
    count_send(state, customer_id).await?;
    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
    let reference = crate::infra::tokens::reference("MSG");
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO message_threads (reference, customer_id, contract_id, topic, status, created_at, \
         last_message_at, idempotency_key) VALUES ($1, $2, $3, $4, 'open', $5, $5, $6) \
         ON CONFLICT (customer_id, idempotency_key) DO NOTHING RETURNING id",
    )
    .bind(&reference)
    .bind(customer_id)
    .bind(contract_id)
    .bind(topic.as_str())
    .bind(now)
    .bind(key)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(thread_id) = id else {
        // Sent before: the first answer again.
        let (thread_id, reference): (i64, String) = sqlx::query_as(
            "SELECT id, reference FROM message_threads WHERE customer_id = $1 AND idempotency_key = $2",
        )
        .bind(customer_id)
        .bind(key)
        .fetch_one(&mut *tx)
        .await?;
        return Ok(Sent {
            thread_id,
            reference,
        });
    };
    if let Some(message) = insert_message(&mut tx, thread_id, None, text, now, key).await? {
        attachments::attach(&mut tx, Party::Customer(customer_id), message, files).await?;
    }
    tx.commit().await?;
    Ok(Sent {
        thread_id,
        reference,
    })
}

/// Adds a message; its id, or none when the same form was sent before.
pub(super) async fn insert_message(
    tx: &mut sqlx::AnyConnection,
    thread_id: i64,
    staff_id: Option<i64>,
    text: &MessageText,
    now: i64,
    key: &str,
) -> Result<Option<i64>, ServiceError> {
    let author = if staff_id.is_some() {
        "staff"
    } else {
        "customer"
    };
    Ok(sqlx::query_scalar(
        "INSERT INTO messages (thread_id, author, staff_id, body, sent_at, idempotency_key) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (thread_id, idempotency_key) DO NOTHING RETURNING id",
    )
    .bind(thread_id)
    .bind(author)
    .bind(staff_id)
    .bind(text.as_str())
    .bind(now)
    .bind(key)
    .fetch_optional(&mut *tx)
    .await?)
}

/// The customer has seen thread `thread_id` up to message `upto` (never back).
pub(super) async fn seen(
    tx: &mut sqlx::AnyConnection,
    thread_id: i64,
    upto: Option<i64>,
) -> Result<(), ServiceError> {
    if let Some(upto) = upto {
        sqlx::query("UPDATE message_threads SET read_upto = $1 WHERE id = $2 AND read_upto < $1")
            .bind(upto)
            .bind(thread_id)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

/// The customer's reply: the thread is theirs (else not found); it is open again, awaiting the
/// lender, whatever it was (a closed thread is reopened by a reply while it is kept).
pub async fn reply(
    state: &AppState,
    customer_id: i64,
    thread_id: i64,
    text: &MessageText,
    files: &[i64],
    key: &str,
) -> Result<Sent, ServiceError> {
    // Counted before the transaction (the throttle writes on its own connection).
    count_send(state, customer_id).await?;
    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
    let reference: Option<String> = sqlx::query_scalar(
        "SELECT reference FROM message_threads WHERE id = $1 AND customer_id = $2",
    )
    .bind(thread_id)
    .bind(customer_id)
    .fetch_optional(&mut *tx)
    .await?;
    let reference = reference.ok_or(AppError::NotFound)?;
    if let Some(id) = insert_message(&mut tx, thread_id, None, text, now, key).await? {
        attachments::attach(&mut tx, Party::Customer(customer_id), id, files).await?;
        sqlx::query(
            "UPDATE message_threads SET status = 'open', last_message_at = $1 WHERE id = $2",
        )
        .bind(now)
        .bind(thread_id)
        .execute(&mut *tx)
        .await?;
        seen(&mut tx, thread_id, Some(id)).await?;
    }
    tx.commit().await?;
    Ok(Sent {
        thread_id,
        reference,
    })
}

/// A staff member's answer to thread `thread_id`, in the caller's transaction (the back office
/// records the action in it): the thread is answered, and its customer is told by email — a
/// sign-in link, never the text — when they take notices by email. Returns the customer it went
/// to, none when the same form was sent before. The caller wakes the mail worker after commit.
pub async fn answer(
    state: &AppState,
    tx: &mut sqlx::AnyConnection,
    staff_id: i64,
    thread_id: i64,
    text: &MessageText,
    files: &[i64],
    key: &str,
) -> Result<Option<i64>, ServiceError> {
    let now = state.clock.unix();
    let thread: Option<(i64, String)> =
        sqlx::query_as("SELECT customer_id, reference FROM message_threads WHERE id = $1")
            .bind(thread_id)
            .fetch_optional(&mut *tx)
            .await?;
    let (customer_id, reference) = thread.ok_or(AppError::NotFound)?;
    let Some(message) = insert_message(tx, thread_id, Some(staff_id), text, now, key).await? else {
        return Ok(None);
    };
    attachments::attach(tx, Party::Staff(staff_id), message, files).await?;
    sqlx::query(
        "UPDATE message_threads SET status = 'answered', last_message_at = $1 WHERE id = $2",
    )
    .bind(now)
    .bind(thread_id)
    .execute(&mut *tx)
    .await?;
    let wants: i64 = sqlx::query_scalar("SELECT notify_email FROM customers WHERE id = $1")
        .bind(customer_id)
        .fetch_one(&mut *tx)
        .await?;
    if wants != 0 {
        let to = crate::emails::recipient(&mut *tx, customer_id).await?;
        let url = format!("{}/messages/{thread_id}", state.config.public_url);
        let mail = crate::emails::messages::answered(&to, &reference, &url);
        crate::infra::outbox::enqueue(tx, &mail, now).await?;
    }
    Ok(Some(customer_id))
}

#[derive(sqlx::FromRow)]
struct ThreadRow {
    id: i64,
    reference: String,
    topic: String,
    contract_number: Option<String>,
    status: String,
    legal_hold: i64,
    last_message_at: i64,
    read_upto: i64,
    last_answer: Option<i64>,
}

const THREAD_SELECT: &str = "SELECT t.id, t.reference, t.topic, c.contract_number, t.status, t.legal_hold, \
    t.last_message_at, t.read_upto, \
    (SELECT MAX(m.id) FROM messages m WHERE m.thread_id = t.id AND m.author = 'staff') AS last_answer \
    FROM message_threads t LEFT JOIN contracts c ON c.id = t.contract_id";

impl ThreadRow {
    fn summary(self) -> Result<ThreadSummary, ServiceError> {
        let bad = |what: &str| ServiceError::failed("reading a message thread")(what.to_string());
        Ok(ThreadSummary {
            id: self.id,
            reference: self.reference,
            topic: Topic::parse(&self.topic).map_err(|_| bad("unknown topic"))?,
            contract_number: self.contract_number,
            status: ThreadStatus::parse(&self.status).ok_or_else(|| bad("unknown status"))?,
            last_message_at: self.last_message_at,
            unread: self.last_answer.is_some_and(|a| a > self.read_upto),
            expires_on: (self.legal_hold == 0)
                .then(|| expires_on(self.last_message_at))
                .flatten(),
        })
    }
}

/// The customer's threads, the latest activity first.
pub async fn inbox(state: &AppState, customer_id: i64) -> Result<Vec<ThreadSummary>, ServiceError> {
    let rows: Vec<ThreadRow> = sqlx::query_as(&format!(
        "{THREAD_SELECT} WHERE t.customer_id = $1 ORDER BY t.last_message_at DESC, t.id DESC"
    ))
    .bind(customer_id)
    .fetch_all(&state.db.pool)
    .await?;
    rows.into_iter().map(ThreadRow::summary).collect()
}

/// How many of the customer's threads have an answer they have not opened.
pub async fn unread(state: &AppState, customer_id: i64) -> Result<i64, ServiceError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM message_threads t WHERE t.customer_id = $1 AND EXISTS \
         (SELECT 1 FROM messages m WHERE m.thread_id = t.id AND m.author = 'staff' AND m.id > t.read_upto)",
    )
    .bind(customer_id)
    .fetch_one(&state.db.pool)
    .await?)
}

/// One of the customer's threads, whole, oldest message first; opening it marks it read.
pub async fn thread(
    state: &AppState,
    customer_id: i64,
    thread_id: i64,
) -> Result<ThreadView, ServiceError> {
    let row: Option<ThreadRow> = sqlx::query_as(&format!(
        "{THREAD_SELECT} WHERE t.id = $1 AND t.customer_id = $2"
    ))
    .bind(thread_id)
    .bind(customer_id)
    .fetch_optional(&state.db.pool)
    .await?;
    let row = row.ok_or(AppError::NotFound)?;
    let held = row.legal_hold != 0;
    let summary = row.summary()?;
    let messages: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT id, author, body, sent_at FROM messages WHERE thread_id = $1 ORDER BY id",
    )
    .bind(thread_id)
    .fetch_all(&state.db.pool)
    .await?;
    let files = attachments::of_thread(&state.db, thread_id).await?;
    let mut conn = state.db.pool.acquire().await?;
    seen(&mut conn, thread_id, messages.last().map(|m| m.0)).await?;
    Ok(ThreadView {
        summary: ThreadSummary {
            unread: false,
            ..summary
        },
        messages: messages
            .into_iter()
            .map(|(id, author, body, sent_at)| MessageView {
                from_lender: author == "staff",
                body,
                sent_at,
                expires_on: (!held).then(|| expires_on(sent_at)).flatten(),
                attachments: attachments::of_message(&files, id),
            })
            .collect(),
    })
}

/// Deletes the messages sent more than 30 days ago (the threads on legal hold keep theirs), their
/// files, uploads never sent, and the threads left without a message; returns how many messages
/// went. A periodic job under a lease
/// (`server/src/jobs.rs`), so one instance runs it at a time.
pub async fn purge_expired(state: &AppState) -> Result<u64, ServiceError> {
    let now = state.clock.unix();
    let cutoff = now - RETENTION_DAYS * DAY;
    let mut tx = state.db.begin().await?;
    attachments::mark_expired(&mut tx, cutoff, now).await?;
    let gone = sqlx::query(
        "DELETE FROM messages WHERE sent_at <= $1 AND thread_id IN \
         (SELECT id FROM message_threads WHERE legal_hold = 0)",
    )
    .bind(cutoff)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "DELETE FROM message_threads WHERE legal_hold = 0 AND NOT EXISTS \
         (SELECT 1 FROM messages m WHERE m.thread_id = message_threads.id)",
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    attachments::purge_files(state).await?;
    Ok(gone.rows_affected())
}
