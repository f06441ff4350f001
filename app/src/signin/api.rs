//! Sign-in server functions: first factor (password, or contract number + temporary password),
//! then the second step, or a passkey alone. Each sets the session cookie it produces.

use super::LoginStep;
use crate::error::AppError;
use crate::factors::Ceremony;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod ssr {
    pub use super::super::{flow, passkey, password, takeover, temporary};
    pub use crate::domain::SignInProof;
    pub use crate::infra::{cookies, guard, session, AppState};

    /// Sets the cookies of a completed sign-in (session, remembered device, preferred language).
    pub async fn set_finished(
        state: &AppState,
        customer_id: i64,
        f: &flow::Finished,
    ) -> Result<(), crate::error::AppError> {
        cookies::set(&session::set_cookie(&state.config, &f.session_token));
        cookies::set(&crate::shell::signed_out_cookie(
            false,
            state.config.is_https(),
        ));
        if let Some(d) = &f.device_token {
            cookies::set(&cookies::device_cookie(&state.config, d));
        }
        cookies::set(&flow::language_cookie(state, customer_id).await?);
        Ok(())
    }
}
#[cfg(feature = "ssr")]
use ssr::*;

/// Signs in with email and password. Returns the next step; a session cookie is set either way
/// (a pending one when a second step is owed).
#[server(prefix = "/api", endpoint = "login")]
pub async fn login(email: String, password: String) -> Result<LoginStep, AppError> {
    let (state, slot) = guard::visitor().await?;
    let customer_id = password::check(&state, &email, &password, &slot.client).await?;
    flow::end_previous(&state, &slot).await?;
    let device = cookies::device_token(&state.config).await;
    let (step, token) = flow::start(
        &state,
        customer_id,
        SignInProof::Password,
        device.as_deref(),
        &slot.client,
    )
    .await?;
    cookies::set(&session::set_cookie(&state.config, &token));
    if step == LoginStep::Done {
        cookies::set(&flow::language_cookie(&state, customer_id).await?);
        cookies::set(&crate::shell::signed_out_cookie(
            false,
            state.config.is_https(),
        ));
    }
    Ok(step)
}

/// The step a pending sign-in is at (for the verify page, also after a reload).
#[server(prefix = "/api", endpoint = "login_step")]
pub async fn pending_login_step() -> Result<LoginStep, AppError> {
    let g = guard::pending_sign_in().await?;
    Ok(flow::current_step(&g.state, g.me).await?)
}

/// Sends a new sign-in code (at most 5 per sign-in).
#[server(prefix = "/api", endpoint = "resend_login_code")]
pub async fn resend_login_code() -> Result<LoginStep, AppError> {
    let g = guard::pending_sign_in().await?;
    Ok(flow::resend(&g.state, g.me).await?)
}

/// Completes a pending sign-in. `method`: "code" (emailed/SMS code), "totp" (authenticator app)
/// or "recovery" (a recovery code).
#[server(prefix = "/api", endpoint = "complete_login")]
pub async fn complete_login(method: String, code: String) -> Result<LoginStep, AppError> {
    let g = guard::pending_sign_in().await?;
    let proof = flow::Proof::from_form(&method, &code)?;
    let how = flow::verify(&g.state, g.me, proof, &g.client).await?;
    let device = cookies::device_token(&g.state.config).await;
    let done = flow::finish(&g.state, g.me, how, device.as_deref(), &g.client).await?;
    set_finished(&g.state, g.me.customer_id, &done).await?;
    Ok(LoginStep::Done)
}

/// Starts a passkey sign-in (with or without a password first).
#[server(prefix = "/api", endpoint = "passkey_login_begin")]
pub async fn passkey_login_begin() -> Result<Ceremony, AppError> {
    let (state, slot) = guard::visitor().await?;
    Ok(passkey::begin(&state, &slot.client).await?)
}

/// Finishes a passkey sign-in (`signin/passkey.rs`).
#[server(prefix = "/api", endpoint = "passkey_login_finish")]
pub async fn passkey_login_finish(
    ceremony: String,
    credential: String,
) -> Result<LoginStep, AppError> {
    let (state, slot) = guard::visitor().await?;
    let device = cookies::device_token(&state.config).await;
    let (customer_id, done) =
        passkey::finish(&state, &slot, &ceremony, &credential, device.as_deref()).await?;
    set_finished(&state, customer_id, &done).await?;
    Ok(LoginStep::Done)
}

/// Signs in with a contract number and a staff-issued temporary password. Success sets a short
/// set-up cookie; the next page asks for the person's own email and password.
#[server(prefix = "/api", endpoint = "login_temporary")]
pub async fn login_temporary(
    contract_number: String,
    password: String,
) -> Result<LoginStep, AppError> {
    let (state, slot) = guard::visitor().await?;
    let token = temporary::sign_in(&state, &contract_number, &password, &slot.client).await?;
    let ttl = temporary::SETUP_TTL_SECS;
    cookies::set(&temporary::setup_cookie(&state.config, &token, ttl));
    Ok(LoginStep::SetUp {
        contract_number: temporary::normalise_contract_number(&contract_number),
    })
}

/// The contract a set-up in progress belongs to (for the set-up page).
#[server(prefix = "/api", endpoint = "setup_status")]
pub async fn setup_status() -> Result<String, AppError> {
    let state = guard::state()?;
    let token = cookies::read(temporary::setup_cookie_name(&state.config))
        .await
        .ok_or(AppError::InvalidToken)?;
    Ok(temporary::setup_contract(&state, &token).await?)
}

/// Sets the person's own email and password after a temporary-password sign-in, then asks for the
/// code emailed to the new address (which proves it and authorises this device).
#[server(prefix = "/api", endpoint = "complete_setup")]
pub async fn complete_setup(
    email: String,
    password: String,
    password_confirm: String,
    /// An existing login's authenticator code or recovery code (empty when it has none).
    #[server(default)]
    second_factor: String,
) -> Result<LoginStep, AppError> {
    let (state, slot) = guard::visitor().await?;
    let token = cookies::read(temporary::setup_cookie_name(&state.config))
        .await
        .ok_or(AppError::InvalidToken)?;
    let form = takeover::SetUpForm {
        email: &email,
        password: &password,
        password_confirm: &password_confirm,
        second_factor: &second_factor,
    };
    let (step, session) = flow::start_set_up(&state, &slot, &token, form).await?;
    cookies::set(&temporary::setup_cookie(&state.config, "", 0));
    cookies::set(&session::set_cookie(&state.config, &session));
    Ok(step)
}
