//! Every guard, in one place. A server function's first line is one of these; it yields the state,
//! who is asking (or fails with the typed error) and where the request came from:
//!
//! - `customer()`: a signed-in customer (second step done) — `Unauthorized` otherwise;
//! - `recent_customer()`: the same, re-authenticated within five minutes — `ReauthRequired`;
//! - `pending_sign_in()`: a sign-in that passed its password and still owes its second step;
//! - `staff(role)`: a signed-in staff member holding at least `role` — `Unauthorized`/`Forbidden`;
//! - `visitor()`: anyone (sign-in, registration, recovery): the state and the session slot.
//!
//! Every customer query then filters by `me.id` in SQL; a hidden button is never the check.

use super::audit::ClientInfo;
use super::session::SessionSlot;
use super::staff_session;
use super::AppState;
use crate::domain::StaffRole;
use crate::error::AppError;
use axum::Extension;

pub use super::staff_session::CurrentStaff;

/// What a guarded server function works with: the state, who is asking, and from where.
pub struct Guarded<W> {
    pub state: AppState,
    pub me: W,
    pub client: ClientInfo,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrentCustomer {
    pub id: i64,
    pub session_id: i64,
    /// When the person last proved who they are in this session (unix seconds).
    pub reauth_at: i64,
}

/// A sign-in that passed its first step (password) and still owes the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingSignIn {
    pub customer_id: i64,
    pub session_id: i64,
}

/// The state provided to server functions through Leptos context.
pub fn state() -> Result<AppState, AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from context");
        AppError::Internal
    })
}

/// Anyone: the state and the request's session slot (its session, if any, and client).
pub async fn visitor() -> Result<(AppState, SessionSlot), AppError> {
    Ok((state()?, session_slot().await?))
}

/// A fully signed-in customer.
pub async fn customer() -> Result<Guarded<CurrentCustomer>, AppError> {
    let (state, slot) = visitor().await?;
    let me = signed_in(&slot).ok_or(AppError::Unauthorized)?;
    Ok(Guarded {
        state,
        me,
        client: slot.client,
    })
}

/// A signed-in customer, or nobody (pages that look different when signed in).
pub async fn optional_customer() -> Result<Option<CurrentCustomer>, AppError> {
    Ok(signed_in(&session_slot().await?))
}

/// A signed-in customer who proved who they are within the last five minutes; sensitive changes
/// (email, password, sign-in methods, payment sources) ask for this.
pub async fn recent_customer() -> Result<Guarded<CurrentCustomer>, AppError> {
    let g = customer().await?;
    if !g.is_recent() {
        return Err(AppError::ReauthRequired);
    }
    Ok(g)
}

impl Guarded<CurrentCustomer> {
    /// Whether the customer proved who they are within the re-authentication window (for a
    /// service that asks for it only in some cases, e.g. a change of autopay's source).
    pub fn is_recent(&self) -> bool {
        self.state.clock.unix() - self.me.reauth_at <= super::session::REAUTH_WINDOW_SECS
    }
}

/// A sign-in still owing its second step.
pub async fn pending_sign_in() -> Result<Guarded<PendingSignIn>, AppError> {
    let (state, slot) = visitor().await?;
    let me = slot
        .session
        .as_ref()
        .filter(|s| !s.is_full())
        .map(|s| PendingSignIn {
            customer_id: s.customer_id,
            session_id: s.id,
        })
        .ok_or(AppError::Unauthorized)?;
    Ok(Guarded {
        state,
        me,
        client: slot.client,
    })
}

/// A signed-in staff member with at least `role` (`StaffRole::Agent`: any staff member). A
/// customer session never counts.
pub async fn staff(role: StaffRole) -> Result<Guarded<CurrentStaff>, AppError> {
    let me = optional_staff().await?.ok_or(AppError::Unauthorized)?;
    if me.role < role {
        return Err(AppError::Forbidden);
    }
    Ok(Guarded {
        state: state()?,
        me,
        client: session_slot().await?.client,
    })
}

/// The signed-in staff member, or nobody.
pub async fn optional_staff() -> Result<Option<CurrentStaff>, AppError> {
    let state = state()?;
    let Some(token) = super::cookies::read(staff_session::cookie_name(&state.config)).await else {
        return Ok(None);
    };
    Ok(staff_session::lookup(&state.db, &token, state.clock.unix()).await?)
}

fn signed_in(slot: &SessionSlot) -> Option<CurrentCustomer> {
    slot.session
        .as_ref()
        .filter(|s| s.is_full())
        .map(|s| CurrentCustomer {
            id: s.customer_id,
            session_id: s.id,
            reauth_at: s.reauth_at,
        })
}

/// The request's session slot (set by the session middleware on every request).
pub async fn session_slot() -> Result<SessionSlot, AppError> {
    let Extension(slot) = leptos_axum::extract::<Extension<SessionSlot>>()
        .await
        .map_err(AppError::internal("reading the session slot"))?;
    Ok(slot)
}
