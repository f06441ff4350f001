//! Message Center server functions: a signed-in customer (guard) → parse → service; every query is
//! scoped to that customer in the service's SQL.

use super::{Sent, ThreadSummary, ThreadView};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::service,
    crate::domain::message::{MessageText, Topic},
    crate::infra::guard,
};

#[cfg(feature = "ssr")]
fn text(body: &str) -> Result<MessageText, AppError> {
    MessageText::parse(body).map_err(|i| AppError::validation("body", i))
}

#[cfg(feature = "ssr")]
fn key(key: &str) -> Result<&str, AppError> {
    crate::domain::form::form_key(key).map_err(|i| AppError::validation("key", i))
}

/// The uploads sent with a message (`"12,13"`; none when absent).
#[cfg(feature = "ssr")]
pub fn files(list: Option<String>) -> Result<Vec<i64>, AppError> {
    crate::domain::attachment::parse_ids(list.as_deref().unwrap_or_default())
        .map_err(AppError::File)
}

#[server(prefix = "/api", endpoint = "message_inbox")]
pub async fn message_inbox() -> Result<Vec<ThreadSummary>, AppError> {
    let g = guard::customer().await?;
    Ok(service::inbox(&g.state, g.me.id).await?)
}

/// Threads with an answer not yet read (the navigation's badge).
#[server(prefix = "/api", endpoint = "unread_messages")]
pub async fn unread_messages() -> Result<i64, AppError> {
    let g = guard::customer().await?;
    Ok(service::unread(&g.state, g.me.id).await?)
}

#[server(prefix = "/api", endpoint = "message_thread")]
pub async fn message_thread(id: i64) -> Result<ThreadView, AppError> {
    let g = guard::customer().await?;
    Ok(service::thread(&g.state, g.me.id, id).await?)
}

/// A new conversation: `contract` is one of the customer's contract ids, or empty for "general".
#[server(prefix = "/api", endpoint = "send_message")]
pub async fn send_message(
    topic: String,
    contract: Option<String>,
    body: String,
    key: String,
    attachments: Option<String>,
) -> Result<Sent, AppError> {
    let g = guard::customer().await?;
    let topic = Topic::parse(topic.trim()).map_err(|i| AppError::validation("topic", i))?;
    let contract = match contract.as_deref().map(str::trim) {
        None | Some("") | Some("general") => None,
        Some(id) => Some(
            id.parse::<i64>()
                .map_err(|_| AppError::validation("contract", crate::domain::Issue::OneOf))?,
        ),
    };
    let text = text(&body)?;
    let files = files(attachments)?;
    let key = self::key(&key)?;
    Ok(service::start(&g.state, g.me.id, topic, contract, &text, &files, key).await?)
}

#[server(prefix = "/api", endpoint = "reply_message")]
pub async fn reply_message(
    thread: i64,
    body: String,
    key: String,
    attachments: Option<String>,
) -> Result<Sent, AppError> {
    let g = guard::customer().await?;
    let text = text(&body)?;
    let files = files(attachments)?;
    let key = self::key(&key)?;
    Ok(service::reply(&g.state, g.me.id, thread, &text, &files, key).await?)
}
