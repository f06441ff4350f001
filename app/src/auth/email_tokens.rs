//! Single-use links sent by email (activation, password reset, unlock, email change): a CSPRNG
//! token in the link, only its SHA-256 stored, consumed atomically (used once, never after its
//! expiry). `send_link` is the whole sequence — transaction, token, mail queued in it, commit,
//! outbox woken — so no feature writes it out again.

use crate::error::ServiceError;
use crate::infra::mailer::Mail;
use crate::infra::{outbox, tokens, AppState};

/// What a link does: its stored code, its page and how long it lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    Activate,
    Reset,
    Unlock,
    EmailChange,
}

impl LinkPurpose {
    pub fn code(self) -> &'static str {
        match self {
            LinkPurpose::Activate => "activate",
            LinkPurpose::Reset => "reset",
            LinkPurpose::Unlock => "unlock",
            LinkPurpose::EmailChange => "email_change",
        }
    }

    /// The page the link opens.
    pub fn path(self) -> &'static str {
        match self {
            LinkPurpose::Activate => "/activate",
            LinkPurpose::Reset => "/reset-password",
            LinkPurpose::Unlock => "/unlock",
            LinkPurpose::EmailChange => "/confirm-email",
        }
    }

    pub fn ttl_secs(self) -> i64 {
        match self {
            LinkPurpose::Activate => 24 * 60 * 60,
            LinkPurpose::Reset | LinkPurpose::Unlock => 60 * 60,
            LinkPurpose::EmailChange => 24 * 60 * 60,
        }
    }
}

/// A consumed link: whose it was and the value stored with it (the new address of an email
/// change).
#[derive(Debug, sqlx::FromRow)]
pub struct Consumed {
    pub customer_id: i64,
    pub payload: Option<String>,
}

/// Stores a new token for `purpose` (with `payload`, if any); returns the link's full address.
pub async fn issue(
    conn: &mut sqlx::AnyConnection,
    state: &AppState,
    customer_id: i64,
    purpose: LinkPurpose,
    payload: Option<&str>,
) -> Result<String, ServiceError> {
    let now = state.clock.unix();
    let (token, hash) = tokens::new_token();
    sqlx::query(
        "INSERT INTO email_tokens (customer_id, purpose, token_hash, created_at, expires_at, payload) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(customer_id)
    .bind(purpose.code())
    .bind(hash)
    .bind(now)
    .bind(now + purpose.ttl_secs())
    .bind(payload)
    .execute(conn)
    .await?;
    Ok(format!(
        "{}{}?token={token}",
        state.config.public_url,
        purpose.path()
    ))
}

/// Marks a live token used and returns it, or `None` if unknown, used or expired.
pub async fn consume(
    conn: &mut sqlx::AnyConnection,
    token: &str,
    purpose: LinkPurpose,
    now: i64,
) -> Result<Option<Consumed>, ServiceError> {
    if !tokens::looks_like_token(token) {
        return Ok(None);
    }
    Ok(sqlx::query_as(
        "UPDATE email_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 \
         AND used_at IS NULL AND expires_at > $1 RETURNING customer_id, payload",
    )
    .bind(now)
    .bind(tokens::hash_token(token))
    .bind(purpose.code())
    .fetch_optional(conn)
    .await?)
}

/// Issues a link and queues the mail carrying it in one transaction, then wakes the outbox.
/// `mail` builds the message from the link's address.
pub async fn send_link(
    state: &AppState,
    customer_id: i64,
    purpose: LinkPurpose,
    payload: Option<&str>,
    mail: impl FnOnce(&str) -> Mail,
) -> Result<(), ServiceError> {
    let mut tx = state.db.begin().await?;
    let url = issue(&mut tx, state, customer_id, purpose, payload).await?;
    outbox::enqueue(&mut tx, &mail(&url), state.clock.unix()).await?;
    tx.commit().await?;
    state.outbox.wake();
    Ok(())
}
