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
}

impl CurrentCustomer {
    pub async fn require() -> Result<CurrentCustomer, AppError> {
        Self::optional().await?.ok_or(AppError::Unauthorized)
    }

    pub async fn optional() -> Result<Option<CurrentCustomer>, AppError> {
        let slot = session_slot().await?;
        Ok(slot.session.map(|s| CurrentCustomer {
            id: s.customer_id,
            session_id: s.id,
        }))
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
