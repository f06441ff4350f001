//! Authorisation as a type: a server function that needs a signed-in customer asks for
//! `CurrentCustomer::require()`, which fails with `Unauthorized` unless the request carries a live
//! session. Every customer query then filters by `CurrentCustomer::id` in SQL.

use super::session::SessionSlot;
use crate::error::AppError;
use axum::Extension;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrentCustomer {
    pub id: i64,
    pub session_id: i64,
    /// When the person last proved who they are in this session (unix seconds).
    pub reauth_at: i64,
}

impl CurrentCustomer {
    /// A fully signed-in customer (a sign-in still owing its second step does not count).
    pub async fn require() -> Result<CurrentCustomer, AppError> {
        Self::optional().await?.ok_or(AppError::Unauthorized)
    }

    pub async fn optional() -> Result<Option<CurrentCustomer>, AppError> {
        let slot = session_slot().await?;
        Ok(slot
            .session
            .filter(|s| s.is_full())
            .map(|s| CurrentCustomer {
                id: s.customer_id,
                session_id: s.id,
                reauth_at: s.reauth_at,
            }))
    }

    /// A signed-in customer who proved who they are within the last five minutes; sensitive
    /// changes (email, password, sign-in methods, payment sources) ask for this.
    pub async fn require_recent(now: i64) -> Result<CurrentCustomer, AppError> {
        let c = Self::require().await?;
        if now - c.reauth_at > super::session::REAUTH_WINDOW_SECS {
            return Err(AppError::ReauthRequired);
        }
        Ok(c)
    }
}

/// A sign-in that passed its first step (password) and still owes the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingSignIn {
    pub customer_id: i64,
    pub session_id: i64,
}

impl PendingSignIn {
    pub async fn require() -> Result<PendingSignIn, AppError> {
        let slot = session_slot().await?;
        slot.session
            .filter(|s| !s.is_full())
            .map(|s| PendingSignIn {
                customer_id: s.customer_id,
                session_id: s.id,
            })
            .ok_or(AppError::Unauthorized)
    }
}

/// The request's session slot (set by the session middleware on every request).
pub async fn session_slot() -> Result<SessionSlot, AppError> {
    let Extension(slot) = leptos_axum::extract::<Extension<SessionSlot>>()
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "session middleware missing");
            AppError::Internal
        })?;
    Ok(slot)
}
