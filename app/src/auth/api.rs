//! Server functions of the identity flows. Each is thin: guard, parse input into domain types, call
//! the service — its error carries its own HTTP status.

use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::{recovery, service},
    crate::infra::{cookies, guard},
};

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
    let (state, slot) = guard::visitor().await?;
    let input = super::RegisterInput {
        first_name,
        last_name,
        email,
        password,
        password_confirm,
        accept_terms: crate::domain::form::checked(accept_terms.as_deref()),
    };
    let reg = input
        .parse(super::common_passwords::is_common)
        .map_err(AppError::first_problem)?;
    let email = reg.email.to_string();
    if website.is_some_and(|w| !w.trim().is_empty()) {
        service::honeypot(&state, &email, &slot.client).await;
    } else {
        service::register(&state, reg, &slot.client).await?;
    }
    Ok(email)
}

/// Consumes an activation link's token. Opening the emailed link proved the address from this
/// browser, so the browser is remembered as an authorised device: the first sign-in right after
/// needs no second emailed code.
#[server(prefix = "/api", endpoint = "activate")]
pub async fn activate(token: String) -> Result<(), AppError> {
    let (state, slot) = guard::visitor().await?;
    let customer_id = service::activate(&state, &token, &slot.client).await?;
    let known = cookies::device_token(&state.config).await;
    let remember = super::device::remember_if_new;
    if let Some(device) = remember(&state, customer_id, known.as_deref(), &slot.client).await? {
        cookies::set(&cookies::device_cookie(&state.config, &device));
    }
    crate::infra::plain_form::on_success_go_to("/login?reason=activated");
    Ok(())
}

/// Emails a new activation link if the address has a pending account.
#[server(prefix = "/api", endpoint = "resend_activation")]
pub async fn resend_activation(email: String) -> Result<(), AppError> {
    let (state, slot) = guard::visitor().await?;
    Ok(service::resend_activation(&state, &email, &slot.client).await?)
}

/// Emails a reset link if the address has an active account; the answer is always the same.
#[server(prefix = "/api", endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    let (state, slot) = guard::visitor().await?;
    Ok(recovery::request_reset(&state, &email, &slot.client).await?)
}

/// Sets a new password from an emailed reset link.
#[server(prefix = "/api", endpoint = "reset_password")]
pub async fn reset_password(
    token: String,
    password: String,
    password_confirm: String,
) -> Result<(), AppError> {
    let (state, slot) = guard::visitor().await?;
    Ok(recovery::reset(&state, &token, &password, &password_confirm, &slot.client).await?)
}

/// Emails the username (the login's address) of the login linked to a contract.
#[server(prefix = "/api", endpoint = "request_username_reminder")]
pub async fn request_username_reminder(
    contract_number: String,
    last_name: String,
) -> Result<(), AppError> {
    let (state, slot) = guard::visitor().await?;
    Ok(recovery::remind_username(&state, &contract_number, &last_name, &slot.client).await?)
}

/// Lifts a sign-in lock with the emailed unlock link.
#[server(prefix = "/api", endpoint = "unlock_account")]
pub async fn unlock_account(token: String) -> Result<(), AppError> {
    let (state, slot) = guard::visitor().await?;
    recovery::unlock(&state, &token, &slot.client).await?;
    crate::infra::plain_form::on_success_go_to("/login?reason=unlocked");
    Ok(())
}
