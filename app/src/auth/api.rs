//! Server functions of the identity flows. Each is thin: read the request context, parse input into
//! domain types, call the service, map the result (status codes included) — nothing else.

use super::UserSummary;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod ssr {
    pub use crate::error::respond;
    pub use crate::infra::guard::{session_slot, CurrentCustomer};
    pub use crate::infra::{session, AppState};
}

/// Registers a new login. Answers the same for new and already-registered addresses.
/// `website` is a honeypot: hidden from people, filled in by form-stuffing bots.
#[server(prefix = "/api", endpoint = "register")]
pub async fn register(
    first_name: String,
    last_name: String,
    email: String,
    password: String,
    password_confirm: String,
    accept_terms: Option<String>,
    website: Option<String>,
) -> Result<String, AppError> {
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            let slot = session_slot().await?;
            let input = super::RegisterInput {
                first_name,
                last_name,
                email,
                password,
                password_confirm,
                accept_terms: accept_terms.is_some_and(|v| !v.is_empty() && v != "false"),
            };
            let reg = input
                .parse(super::service::is_common_password)
                .map_err(|issues| {
                    let (field, issue) = issues[0];
                    AppError::validation(field, issue)
                })?;
            let email = reg.email.to_string();
            if website.is_some_and(|w| !w.trim().is_empty()) {
                crate::infra::audit::record(
                    &state.db,
                    state.clock.unix(),
                    &slot.client,
                    crate::infra::audit::AuthEvent {
                        kind: "register",
                        success: false,
                        customer_id: None,
                        email: Some(&email),
                        detail: Some("honeypot filled"),
                    },
                )
                .await;
                return Ok(email);
            }
            super::service::register(&state, reg, &slot.client).await?;
            Ok(email)
        }
        .await,
    )
}

/// Consumes an activation link's token. Opening the emailed link proved the address from this
/// browser, so the browser is remembered as an authorised device: the first sign-in right after
/// needs no second emailed code.
#[server(prefix = "/api", endpoint = "activate")]
pub async fn activate(token: String) -> Result<(), AppError> {
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            let slot = session_slot().await?;
            let customer_id = super::service::activate(&state, &token, &slot.client).await?;
            let existing = crate::infra::cookies::device_token(&state.config).await;
            if let Some(device) = crate::signin::flow::remember_if_new(
                &state,
                customer_id,
                existing.as_deref(),
                &slot.client,
            )
            .await?
            {
                crate::infra::cookies::set(&super::device::set_cookie(&state.config, &device));
            }
            Ok(())
        }
        .await,
    )
}

/// Emails a new activation link if the address has a pending account.
#[server(prefix = "/api", endpoint = "resend_activation")]
pub async fn resend_activation(email: String) -> Result<(), AppError> {
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            let slot = session_slot().await?;
            super::service::resend_activation(&state, &email, &slot.client).await
        }
        .await,
    )
}

/// Signs out: deletes the session on the server and clears the cookie.
#[server(prefix = "/api", endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            let slot = session_slot().await?;
            if let Some(token) = &slot.token {
                session::delete(&state.db, token).await?;
            }
            if let Some(s) = &slot.session {
                crate::infra::audit::record(
                    &state.db,
                    state.clock.unix(),
                    &slot.client,
                    crate::infra::audit::AuthEvent {
                        kind: "logout",
                        success: true,
                        customer_id: Some(s.customer_id),
                        email: None,
                        detail: None,
                    },
                )
                .await;
            }
            crate::infra::cookies::set(&session::clear_cookie(&state.config));
            Ok(())
        }
        .await,
    )
}

/// The signed-in customer, or `None`.
#[server(prefix = "/api", endpoint = "current_user")]
pub async fn current_user() -> Result<Option<UserSummary>, AppError> {
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            match CurrentCustomer::optional().await? {
                Some(c) => super::service::summary(&state, c.id).await,
                None => Ok(None),
            }
        }
        .await,
    )
}

/// Emails a reset link if the address has an active account; the answer is always the same.
#[server(prefix = "/api", endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            let slot = session_slot().await?;
            super::recovery::request_reset(&state, &email, &slot.client).await
        }
        .await,
    )
}

/// Sets a new password from an emailed reset link.
#[server(prefix = "/api", endpoint = "reset_password")]
pub async fn reset_password(
    token: String,
    password: String,
    password_confirm: String,
) -> Result<(), AppError> {
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            let slot = session_slot().await?;
            super::recovery::reset(&state, &token, &password, &password_confirm, &slot.client).await
        }
        .await,
    )
}

/// Emails the username (the login's address) of the login linked to a contract.
#[server(prefix = "/api", endpoint = "request_username_reminder")]
pub async fn request_username_reminder(
    contract_number: String,
    last_name: String,
) -> Result<(), AppError> {
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            let slot = session_slot().await?;
            super::recovery::remind_username(&state, &contract_number, &last_name, &slot.client)
                .await
        }
        .await,
    )
}

/// Lifts a sign-in lock with the emailed unlock link.
#[server(prefix = "/api", endpoint = "unlock_account")]
pub async fn unlock_account(token: String) -> Result<(), AppError> {
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            let slot = session_slot().await?;
            super::recovery::unlock(&state, &token, &slot.client).await
        }
        .await,
    )
}
