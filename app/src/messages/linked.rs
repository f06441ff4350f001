//! Conversations other features open and write to (an application's): in the caller's
//! transaction, so the thread and the change it records commit together.

use super::attachments::{self, Party};
use super::service::{insert_message, seen};
use crate::domain::message::{MessageText, Topic};
use crate::error::ServiceError;

/// What is written: the text, the files sent with it, when, and the key that makes writing it
/// twice write it once.
pub(crate) struct Line<'a> {
    pub text: &'a MessageText,
    pub files: &'a [i64],
    pub now: i64,
    pub key: &'a str,
}

/// A conversation opened by something else the customer did (an application), inside the
/// caller's transaction: its first message is the customer's `text`, with their `files`. Held
/// (`legal_hold`): it is the record of a change to the contract, kept with it.
pub(crate) async fn open_in(
    tx: &mut sqlx::AnyConnection,
    customer_id: i64,
    topic: Topic,
    contract_id: i64,
    line: &Line<'_>,
) -> Result<(i64, String), ServiceError> {
    let Line {
        text,
        files,
        now,
        key,
    } = *line;
    let reference = crate::infra::tokens::reference("MSG");
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO message_threads (reference, customer_id, contract_id, topic, status, legal_hold, \
         created_at, last_message_at, idempotency_key) VALUES ($1, $2, $3, $4, 'open', 1, $5, $5, $6) RETURNING id",
    )
    .bind(&reference)
    .bind(customer_id)
    .bind(contract_id)
    .bind(topic.as_str())
    .bind(now)
    .bind(key)
    .fetch_one(&mut *tx)
    .await?;
    if let Some(message) = insert_message(tx, id, None, text, now, key).await? {
        attachments::attach(tx, Party::Customer(customer_id), message, files).await?;
    }
    Ok((id, reference))
}

/// A line written into a conversation by the lender's side (an application's move), inside the
/// caller's transaction: `staff_id` wrote it, or the customer when none (a correction, with its
/// `files`). The thread then waits on whoever did not write.
pub(crate) async fn note_in(
    tx: &mut sqlx::AnyConnection,
    thread_id: i64,
    customer_id: i64,
    staff_id: Option<i64>,
    line: &Line<'_>,
) -> Result<(), ServiceError> {
    let Line {
        text,
        files,
        now,
        key,
    } = *line;
    let Some(message) = insert_message(tx, thread_id, staff_id, text, now, key).await? else {
        return Ok(());
    };
    let party = staff_id.map_or(Party::Customer(customer_id), Party::Staff);
    attachments::attach(tx, party, message, files).await?;
    let status = if staff_id.is_some() {
        "answered"
    } else {
        "open"
    };
    sqlx::query("UPDATE message_threads SET status = $1, last_message_at = $2 WHERE id = $3")
        .bind(status)
        .bind(now)
        .bind(thread_id)
        .execute(&mut *tx)
        .await?;
    if staff_id.is_none() {
        seen(tx, thread_id, Some(message)).await?;
    }
    Ok(())
}
