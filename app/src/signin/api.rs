//! Sign-in server functions: first factor (password, or contract number + temporary password),
//! then the second step, or a passkey alone. Each sets the session cookie it produces.

use super::LoginStep;
use crate::error::AppError;
use crate::factors::Ceremony;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod ssr {
    pub use crate::error::respond;
    pub use crate::infra::guard::{session_slot, PendingSignIn};
    pub use crate::infra::{cookies, session, AppState};

    /// Ends the browser's previous session (if any) before a new one starts.
    pub async fn end_previous(state: &AppState) -> Result<(), crate::error::AppError> {
        let slot = session_slot().await?;
        if let Some(old) = &slot.token {
            session::delete(&state.db, old).await?;
        }
        Ok(())
    }

    /// Sets the cookies of a completed sign-in (session, remembered device, preferred language).
    pub async fn set_finished(
        state: &AppState,
        customer_id: i64,
        f: &super::super::flow::Finished,
    ) -> Result<(), crate::error::AppError> {
        cookies::set(&session::set_cookie(&state.config, &f.session_token));
        if let Some(d) = &f.device_token {
            cookies::set(&crate::auth::device::set_cookie(&state.config, d));
        }
        cookies::set(&super::super::flow::language_cookie(state, customer_id).await?);
        Ok(())
    }
}

/// Signs in with email and password. Returns the next step; a session cookie is set either way
/// (a pending one when a second step is owed).
#[server(prefix = "/api", endpoint = "login")]
pub async fn login(email: String, password: String) -> Result<LoginStep, AppError> {
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            let slot = session_slot().await?;
            let customer_id =
                crate::auth::service::login(&state, &email, &password, &slot.client).await?;
            end_previous(&state).await?;
            let device = cookies::device_token(&state.config).await;
            let (step, token) = super::flow::start(
                &state,
                customer_id,
                "password",
                device.as_deref(),
                &slot.client,
            )
            .await?;
            cookies::set(&session::set_cookie(&state.config, &token));
            if step == LoginStep::Done {
                cookies::set(&super::flow::language_cookie(&state, customer_id).await?);
            }
            Ok(step)
        }
        .await,
    )
}

/// The step a pending sign-in is at (for the verify page, also after a reload).
#[server(prefix = "/api", endpoint = "login_step")]
pub async fn pending_login_step() -> Result<LoginStep, AppError> {
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            let pending = PendingSignIn::require().await?;
            super::flow::current_step(&state, pending).await
        }
        .await,
    )
}

/// Sends a new sign-in code (at most 5 per sign-in).
#[server(prefix = "/api", endpoint = "resend_login_code")]
pub async fn resend_login_code() -> Result<LoginStep, AppError> {
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            let pending = PendingSignIn::require().await?;
            super::flow::resend(&state, pending).await
        }
        .await,
    )
}

/// Completes a pending sign-in. `method`: "code" (emailed/SMS code), "totp" (authenticator app)
/// or "recovery" (a recovery code).
#[server(prefix = "/api", endpoint = "complete_login")]
pub async fn complete_login(method: String, code: String) -> Result<LoginStep, AppError> {
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            let pending = PendingSignIn::require().await?;
            let slot = session_slot().await?;
            let proof = match method.as_str() {
                "code" => {
                    if let Some(issue) = super::code_issue(&code) {
                        return Err(AppError::validation("code", issue));
                    }
                    super::flow::Proof::Code(&code)
                }
                "totp" => super::flow::Proof::Totp(&code),
                "recovery" => super::flow::Proof::RecoveryCode(&code),
                _ => return Err(AppError::validation("method", crate::domain::Issue::OneOf)),
            };
            let how = super::flow::verify(&state, pending, proof, &slot.client).await?;
            if method == "recovery" {
                crate::factors::service::notify_recovery_code_used(&state, pending.customer_id)
                    .await?;
            }
            let device = cookies::device_token(&state.config).await;
            let done =
                super::flow::finish(&state, pending, how, device.as_deref(), &slot.client).await?;
            set_finished(&state, pending.customer_id, &done).await?;
            Ok(LoginStep::Done)
        }
        .await,
    )
}

/// Starts a passkey sign-in (with or without a password first).
#[server(prefix = "/api", endpoint = "passkey_login_begin")]
pub async fn passkey_login_begin() -> Result<Ceremony, AppError> {
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            // Each ceremony is a stored row: at most 30 per IP per 15 minutes.
            let slot = session_slot().await?;
            crate::infra::throttle::hit(
                &state.db,
                &format!("passkey_begin:ip:{}", slot.client.ip),
                state.clock.unix(),
                30,
                15 * 60,
            )
            .await?;
            crate::factors::passkeys::sign_in_begin(&state).await
        }
        .await,
    )
}

/// Finishes a passkey sign-in. After a password it completes that sign-in (the passkey must be the
/// same login's); on its own it signs in directly — a passkey is something you have, unlocked by
/// something you know or are.
#[server(prefix = "/api", endpoint = "passkey_login_finish")]
pub async fn passkey_login_finish(
    ceremony: String,
    credential: String,
) -> Result<LoginStep, AppError> {
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            let slot = session_slot().await?;
            let now = state.clock.unix();
            let result =
                crate::factors::passkeys::sign_in_finish(&state, &ceremony, &credential).await;
            let customer_id = match result {
                Ok(id) => id,
                Err(e) => {
                    crate::infra::audit::record(
                        &state.db,
                        now,
                        &slot.client,
                        crate::infra::audit::AuthEvent {
                            kind: "login_passkey",
                            success: false,
                            customer_id: None,
                            email: None,
                            detail: None,
                        },
                    )
                    .await;
                    return Err(e);
                }
            };
            let device = cookies::device_token(&state.config).await;
            let pending = PendingSignIn::require().await.ok();
            let pending = match pending {
                Some(p) if p.customer_id == customer_id => p,
                Some(_) => return Err(AppError::Conflict("conflict-passkey-other-login".into())),
                None => {
                    end_previous(&state).await?;
                    let (_, session_id) = session::create(
                        &state.db,
                        customer_id,
                        now,
                        &slot.client,
                        session::Stage::SecondStep,
                        "passkey",
                    )
                    .await?;
                    PendingSignIn {
                        customer_id,
                        session_id,
                    }
                }
            };
            let done =
                super::flow::finish(&state, pending, "passkey", device.as_deref(), &slot.client)
                    .await?;
            set_finished(&state, customer_id, &done).await?;
            Ok(LoginStep::Done)
        }
        .await,
    )
}

/// Signs in with a contract number and a staff-issued temporary password. Success sets a short
/// set-up cookie; the next page asks for the person's own email and password.
#[server(prefix = "/api", endpoint = "login_temporary")]
pub async fn login_temporary(
    contract_number: String,
    password: String,
) -> Result<LoginStep, AppError> {
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            let slot = session_slot().await?;
            let token =
                super::temporary::sign_in(&state, &contract_number, &password, &slot.client)
                    .await?;
            cookies::set(&super::temporary::setup_cookie(
                &state.config,
                &token,
                super::temporary::SETUP_TTL_SECS,
            ));
            Ok(LoginStep::SetUp {
                contract_number: super::temporary::normalise_contract_number(&contract_number),
            })
        }
        .await,
    )
}

/// The contract a set-up in progress belongs to (for the set-up page).
#[server(prefix = "/api", endpoint = "setup_status")]
pub async fn setup_status() -> Result<String, AppError> {
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            let token = cookies::read(super::temporary::setup_cookie_name(&state.config))
                .await
                .ok_or(AppError::InvalidToken)?;
            super::temporary::setup_contract(&state, &token).await
        }
        .await,
    )
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
    use ssr::*;
    respond(
        async move {
            let state = AppState::from_context()?;
            let slot = session_slot().await?;
            let name = super::temporary::setup_cookie_name(&state.config);
            let token = cookies::read(name).await.ok_or(AppError::InvalidToken)?;
            let started = super::takeover::complete(
                &state,
                &token,
                &email,
                &password,
                &password_confirm,
                &second_factor,
                &slot.client,
            )
            .await?;
            cookies::set(&super::temporary::setup_cookie(&state.config, "", 0));
            end_previous(&state).await?;
            let (step, token) = super::flow::start_with_email_code(
                &state,
                started.customer_id,
                started.temp_id,
                &slot.client,
            )
            .await?;
            cookies::set(&session::set_cookie(&state.config, &token));
            Ok(step)
        }
        .await,
    )
}
