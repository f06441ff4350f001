//! Server functions of the sign-in methods. Reading needs a signed-in customer; every change needs
//! a re-authentication at most five minutes old (`ReauthRequired` otherwise).

use super::{Ceremony, FactorsView, TotpEnrolment};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod ssr {
    pub use crate::error::respond;
    pub use crate::infra::guard::{session_slot, CurrentCustomer};
    pub use crate::infra::AppState;

    pub async fn recent() -> Result<(AppState, CurrentCustomer), crate::error::AppError> {
        let state = AppState::from_context()?;
        let me = CurrentCustomer::require_recent(state.clock.unix()).await?;
        Ok((state, me))
    }
}

#[server(prefix = "/api", endpoint = "sign_in_methods")]
pub async fn sign_in_methods() -> Result<FactorsView, AppError> {
    use ssr::*;
    respond(
        async move {
            let me = CurrentCustomer::require().await?;
            let state = AppState::from_context()?;
            super::service::overview(&state, me.id).await
        }
        .await,
    )
}

/// Confirms it is you: `password`, or `code` from the authenticator app.
#[server(prefix = "/api", endpoint = "reauthenticate")]
pub async fn reauthenticate(password: String, code: String) -> Result<(), AppError> {
    use ssr::*;
    respond(
        async move {
            let me = CurrentCustomer::require().await?;
            let state = AppState::from_context()?;
            let slot = session_slot().await?;
            super::service::reauthenticate(&state, me, &password, &code, &slot.client).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "totp_begin")]
pub async fn totp_begin() -> Result<TotpEnrolment, AppError> {
    use ssr::*;
    respond(
        async move {
            let (state, me) = recent().await?;
            super::totp::begin(&state, me.id).await
        }
        .await,
    )
}

/// Confirms the authenticator app with its current code; returns ten new recovery codes.
#[server(prefix = "/api", endpoint = "totp_confirm")]
pub async fn totp_confirm(code: String) -> Result<Vec<String>, AppError> {
    use ssr::*;
    respond(
        async move {
            let (state, me) = recent().await?;
            let slot = session_slot().await?;
            super::totp::confirm(&state, me.id, &code).await?;
            let codes = super::recovery_codes::generate(&state, me.id).await?;
            super::service::changed(&state, me, &slot.client, "totp_enabled").await?;
            Ok(codes)
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "totp_disable")]
pub async fn totp_disable() -> Result<(), AppError> {
    use ssr::*;
    respond(
        async move {
            let (state, me) = recent().await?;
            let slot = session_slot().await?;
            super::service::remove_factor(&state, &me, super::service::Removal::Totp).await?;
            super::service::changed(&state, me, &slot.client, "totp_disabled").await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "recovery_codes_regenerate")]
pub async fn recovery_codes_regenerate() -> Result<Vec<String>, AppError> {
    use ssr::*;
    respond(
        async move {
            let (state, me) = recent().await?;
            let slot = session_slot().await?;
            let f = crate::signin::flow::factors(&state, me.id).await?;
            if !f.totp && f.passkeys == 0 {
                return Err(AppError::Conflict("conflict-recovery-needs-factor".into()));
            }
            let codes = super::recovery_codes::generate(&state, me.id).await?;
            super::service::changed(&state, me, &slot.client, "recovery_codes_regenerated").await?;
            Ok(codes)
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "passkey_register_begin")]
pub async fn passkey_register_begin() -> Result<Ceremony, AppError> {
    use ssr::*;
    respond(
        async move {
            let (state, me) = recent().await?;
            super::passkeys::register_begin(&state, me.id).await
        }
        .await,
    )
}

/// Saves a new passkey. Returns ten recovery codes when this is the login's first second factor.
#[server(prefix = "/api", endpoint = "passkey_register_finish")]
pub async fn passkey_register_finish(
    ceremony: String,
    credential: String,
    name: String,
) -> Result<Option<Vec<String>>, AppError> {
    use ssr::*;
    respond(
        async move {
            let (state, me) = recent().await?;
            let slot = session_slot().await?;
            super::passkeys::register_finish(&state, me.id, &ceremony, &credential, &name).await?;
            let codes = if super::recovery_codes::remaining(&state, me.id).await? == 0 {
                Some(super::recovery_codes::generate(&state, me.id).await?)
            } else {
                None
            };
            super::service::changed(&state, me, &slot.client, "passkey_added").await?;
            Ok(codes)
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "passkey_remove")]
pub async fn passkey_remove(id: i64) -> Result<(), AppError> {
    use ssr::*;
    respond(
        async move {
            let (state, me) = recent().await?;
            let slot = session_slot().await?;
            super::service::remove_factor(&state, &me, super::service::Removal::Passkey(id))
                .await?;
            super::service::changed(&state, me, &slot.client, "passkey_removed").await
        }
        .await,
    )
}

/// "off", "email" or "sms": a code at every sign-in.
#[server(prefix = "/api", endpoint = "set_sign_in_code")]
pub async fn set_sign_in_code(channel: String) -> Result<(), AppError> {
    use ssr::*;
    respond(
        async move {
            let (state, me) = recent().await?;
            let slot = session_slot().await?;
            super::service::set_otp_channel(&state, me, &channel).await?;
            super::service::changed(&state, me, &slot.client, "sign_in_code_changed").await
        }
        .await,
    )
}
