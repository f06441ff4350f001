//! Profile server functions (sign-in details).

use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    new_password_confirm: String,
) -> Result<(), AppError> {
    use crate::infra::{
        guard::{session_slot, CurrentCustomer},
        AppState,
    };
    crate::error::respond(
        async move {
            let me = CurrentCustomer::require().await?;
            let slot = session_slot().await?;
            super::service::change_password(
                &AppState::from_context()?,
                me,
                &slot.client,
                &current_password,
                &new_password,
                &new_password_confirm,
            )
            .await
        }
        .await,
    )
}

/// Returns the new address the confirmation link went to.
#[server(prefix = "/api", endpoint = "request_email_change")]
pub async fn request_email_change(
    current_password: String,
    new_email: String,
) -> Result<String, AppError> {
    use crate::infra::{
        guard::{session_slot, CurrentCustomer},
        AppState,
    };
    crate::error::respond(
        async move {
            let me = CurrentCustomer::require().await?;
            let slot = session_slot().await?;
            super::service::request_email_change(
                &AppState::from_context()?,
                me,
                &slot.client,
                &current_password,
                &new_email,
            )
            .await
        }
        .await,
    )
}

/// Completes an email change from the link (works signed in or not: the link is the proof).
#[server(prefix = "/api", endpoint = "confirm_email_change")]
pub async fn confirm_email_change(token: String) -> Result<String, AppError> {
    use crate::infra::{guard::session_slot, AppState};
    crate::error::respond(
        async move {
            let slot = session_slot().await?;
            super::service::confirm_email_change(&AppState::from_context()?, &slot.client, &token)
                .await
        }
        .await,
    )
}
