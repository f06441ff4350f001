//! Server functions of the sign-in methods. Reading needs a signed-in customer; every change needs
//! a re-authentication at most five minutes old (`guard::recent_customer`, `ReauthRequired`).

use super::{Ceremony, FactorsView, TotpEnrolment};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::lifecycle::{self, Removal},
    super::{passkeys, service, totp},
    crate::domain::EventKind,
    crate::infra::guard,
};

#[server(prefix = "/api", endpoint = "sign_in_methods")]
pub async fn sign_in_methods() -> Result<FactorsView, AppError> {
    let g = guard::customer().await?;
    Ok(service::overview(&g.state, g.me.id).await?)
}

/// Confirms it is you: `password`, or `code` from the authenticator app.
#[server(prefix = "/api", endpoint = "reauthenticate")]
pub async fn reauthenticate(password: String, code: String) -> Result<(), AppError> {
    let g = guard::customer().await?;
    Ok(service::reauthenticate(&g.state, g.me, &password, &code, &g.client).await?)
}

#[server(prefix = "/api", endpoint = "totp_begin")]
pub async fn totp_begin() -> Result<TotpEnrolment, AppError> {
    let g = guard::recent_customer().await?;
    Ok(totp::begin(&g.state, g.me.id).await?)
}

/// Confirms the authenticator app with its current code; returns ten new recovery codes.
#[server(prefix = "/api", endpoint = "totp_confirm")]
pub async fn totp_confirm(code: String) -> Result<Vec<String>, AppError> {
    let g = guard::recent_customer().await?;
    totp::confirm(&g.state, g.me.id, &code).await?;
    let codes = lifecycle::factor_added(&g.state, g.me, &g.client, EventKind::TotpEnabled).await?;
    Ok(codes.unwrap_or_default())
}

#[server(prefix = "/api", endpoint = "totp_disable")]
pub async fn totp_disable() -> Result<(), AppError> {
    let g = guard::recent_customer().await?;
    Ok(lifecycle::factor_removed(&g.state, g.me, &g.client, Removal::Totp).await?)
}

#[server(prefix = "/api", endpoint = "recovery_codes_regenerate")]
pub async fn recovery_codes_regenerate() -> Result<Vec<String>, AppError> {
    let g = guard::recent_customer().await?;
    Ok(lifecycle::regenerate_recovery_codes(&g.state, g.me, &g.client).await?)
}

#[server(prefix = "/api", endpoint = "passkey_register_begin")]
pub async fn passkey_register_begin() -> Result<Ceremony, AppError> {
    let g = guard::recent_customer().await?;
    Ok(passkeys::register_begin(&g.state, g.me.id).await?)
}

/// Saves a new passkey. Returns ten recovery codes when this is the login's first second factor.
#[server(prefix = "/api", endpoint = "passkey_register_finish")]
pub async fn passkey_register_finish(
    ceremony: String,
    credential: String,
    name: String,
) -> Result<Option<Vec<String>>, AppError> {
    let g = guard::recent_customer().await?;
    passkeys::register_finish(&g.state, g.me.id, &ceremony, &credential, &name).await?;
    Ok(lifecycle::factor_added(&g.state, g.me, &g.client, EventKind::PasskeyAdded).await?)
}

#[server(prefix = "/api", endpoint = "passkey_remove")]
pub async fn passkey_remove(id: i64) -> Result<(), AppError> {
    let g = guard::recent_customer().await?;
    Ok(lifecycle::factor_removed(&g.state, g.me, &g.client, Removal::Passkey(id)).await?)
}

/// "off", "email" or "sms": a code at every sign-in.
#[server(prefix = "/api", endpoint = "set_sign_in_code")]
pub async fn set_sign_in_code(channel: String) -> Result<(), AppError> {
    let g = guard::recent_customer().await?;
    service::set_otp_channel(&g.state, g.me, &channel).await?;
    Ok(service::changed(&g.state, g.me, &g.client, EventKind::SignInCodeChanged).await?)
}
