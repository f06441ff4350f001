//! Single-use links sent by email (activation, password reset): a CSPRNG token in the link, only
//! its SHA-256 stored, consumed atomically (used once, never after its expiry).

use crate::error::AppError;
use crate::infra::tokens;
use sqlx::Row;

pub const ACTIVATE: &str = "activate";
pub const RESET: &str = "reset";
pub const UNLOCK: &str = "unlock";
pub const EMAIL_CHANGE: &str = "email_change";

/// Stores a new token for `purpose` valid `ttl_secs`; returns the token for the link.
pub async fn issue(
    conn: &mut sqlx::AnyConnection,
    customer_id: i64,
    purpose: &str,
    ttl_secs: i64,
    now: i64,
) -> Result<String, AppError> {
    let (token, hash) = tokens::new_token();
    sqlx::query(
        "INSERT INTO email_tokens (customer_id, purpose, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(customer_id)
    .bind(purpose)
    .bind(hash)
    .bind(now)
    .bind(now + ttl_secs)
    .execute(conn)
    .await?;
    Ok(token)
}

/// Marks a live token used and returns its customer, or `None` if unknown, used or expired.
pub async fn consume(
    conn: &mut sqlx::AnyConnection,
    token: &str,
    purpose: &str,
    now: i64,
) -> Result<Option<i64>, AppError> {
    if !tokens::looks_like_token(token) {
        return Ok(None);
    }
    let row = sqlx::query(
        "UPDATE email_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 \
         AND used_at IS NULL AND expires_at > $1 RETURNING customer_id",
    )
    .bind(now)
    .bind(tokens::hash_token(token))
    .bind(purpose)
    .fetch_optional(conn)
    .await?;
    Ok(match row {
        Some(r) => Some(r.try_get("customer_id")?),
        None => None,
    })
}

/// Like [`issue`], with a value stored alongside (returned by [`consume_with_payload`]).
pub async fn issue_with_payload(
    conn: &mut sqlx::AnyConnection,
    customer_id: i64,
    purpose: &str,
    ttl_secs: i64,
    now: i64,
    payload: &str,
) -> Result<String, AppError> {
    let (token, hash) = tokens::new_token();
    sqlx::query(
        "INSERT INTO email_tokens (customer_id, purpose, token_hash, created_at, expires_at, payload) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(customer_id)
    .bind(purpose)
    .bind(hash)
    .bind(now)
    .bind(now + ttl_secs)
    .bind(payload)
    .execute(conn)
    .await?;
    Ok(token)
}

/// Like [`consume`], returning the stored value too.
pub async fn consume_with_payload(
    conn: &mut sqlx::AnyConnection,
    token: &str,
    purpose: &str,
    now: i64,
) -> Result<Option<(i64, String)>, AppError> {
    if !tokens::looks_like_token(token) {
        return Ok(None);
    }
    let row = sqlx::query(
        "UPDATE email_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 \
         AND used_at IS NULL AND expires_at > $1 RETURNING customer_id, payload",
    )
    .bind(now)
    .bind(tokens::hash_token(token))
    .bind(purpose)
    .fetch_optional(conn)
    .await?;
    Ok(match row {
        Some(r) => Some((
            r.try_get("customer_id")?,
            r.try_get::<Option<String>, _>("payload")?
                .unwrap_or_default(),
        )),
        None => None,
    })
}
