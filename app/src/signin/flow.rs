//! The sign-in state machine on the server. `start` runs after a first factor succeeded and decides
//! the second step; `finish` runs after the second step and turns the pending session into a full one
//! under a new id, remembering the device.

use super::{takeover, LoginStep};
use crate::auth::device;
use crate::domain::{CodeChannel, CodePurpose, EventKind, SignInProof};
use crate::error::{AppError, ServiceError};
use crate::factors;
use crate::infra::audit::{AuthEvent, ClientInfo};
use crate::infra::guard::PendingSignIn;
use crate::infra::session::{self, SessionSlot, Stage};
use crate::infra::{throttle, AppState};

/// Starts a session after the first factor (`method`: the password or a temporary one). Returns
/// the next step and the new session's token; codes are sent here.
pub async fn start(
    state: &AppState,
    customer_id: i64,
    method: SignInProof,
    device_token: Option<&str>,
    client: &ClientInfo,
) -> Result<(LoginStep, String), ServiceError> {
    let now = state.clock.unix();
    let f = factors::service::factors(state, customer_id).await?;
    let known_device = device::is_authorised(&state.db, customer_id, device_token, now).await?;
    let code = if f.totp || f.passkeys > 0 {
        None
    } else if let Some(channel) = f.otp.channel() {
        Some((CodePurpose::SignInOtp, channel))
    } else if !known_device {
        Some((CodePurpose::NewDevice, CodeChannel::Email))
    } else {
        None
    };
    let second_step = f.totp || f.passkeys > 0 || code.is_some();
    let stage = if second_step {
        Stage::SecondStep
    } else {
        Stage::Full
    };
    let (token, session_id) =
        session::create(&state.db, customer_id, now, client, stage, method).await?;
    let step = match code {
        Some((purpose, channel)) => {
            let to = device::send_code_via(
                state,
                customer_id,
                session_id,
                purpose,
                channel.code(),
                channel,
            )
            .await?;
            LoginStep::Code {
                channel,
                to,
                new_device: purpose == CodePurpose::NewDevice,
            }
        }
        None if second_step => LoginStep::SecondFactor {
            totp: f.totp,
            passkey: f.passkeys > 0,
        },
        None => LoginStep::Done,
    };
    Ok((step, token))
}

/// After a temporary-password set-up: a code emailed to the address being chosen. Entering it
/// proves the address; only then is the set-up applied (`takeover::apply`) and the sign-in done.
pub async fn start_with_email_code(
    state: &AppState,
    customer_id: i64,
    temp_id: i64,
    client: &ClientInfo,
) -> Result<(LoginStep, String), ServiceError> {
    let now = state.clock.unix();
    let (token, session_id) = session::create(
        &state.db,
        customer_id,
        now,
        client,
        Stage::SecondStep,
        SignInProof::TemporaryPassword,
    )
    .await?;
    super::takeover::bind_session(state, temp_id, session_id).await?;
    let to = device::send_code_via(
        state,
        customer_id,
        session_id,
        CodePurpose::TempSetup,
        CodeChannel::Email.code(),
        CodeChannel::Email,
    )
    .await?;
    Ok((
        LoginStep::Code {
            channel: CodeChannel::Email,
            to,
            new_device: true,
        },
        token,
    ))
}

/// The latest unused code of a pending session: its purpose and channel.
async fn pending_code(
    state: &AppState,
    session_id: i64,
) -> Result<Option<(CodePurpose, CodeChannel)>, ServiceError> {
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT purpose, payload FROM device_codes WHERE session_id = $1 AND purpose IN ($2, $3, $4) ORDER BY id DESC LIMIT 1",
    )
    .bind(session_id)
    .bind(CodePurpose::NewDevice.code())
    .bind(CodePurpose::SignInOtp.code())
    .bind(CodePurpose::TempSetup.code())
    .fetch_optional(&state.db.pool)
    .await?;
    Ok(row.and_then(|(purpose, payload)| {
        let channel = CodeChannel::parse(&payload).unwrap_or(CodeChannel::Email);
        Some((CodePurpose::parse(&purpose)?, channel))
    }))
}

/// What the verify page should ask for (recomputed, so a reload shows the same step).
pub async fn current_step(
    state: &AppState,
    pending: PendingSignIn,
) -> Result<LoginStep, ServiceError> {
    // A code sent for this sign-in decides the step; only `start` and the temporary-password
    // set-up send one, so a login with an authenticator can never be downgraded to a code.
    let Some((purpose, channel)) = pending_code(state, pending.session_id).await? else {
        let f = factors::service::factors(state, pending.customer_id).await?;
        if f.totp || f.passkeys > 0 {
            return Ok(LoginStep::SecondFactor {
                totp: f.totp,
                passkey: f.passkeys > 0,
            });
        }
        return Err(AppError::Unauthorized.into());
    };
    let (email, phone): (String, Option<String>) =
        sqlx::query_as("SELECT email, phone FROM customers WHERE id = $1")
            .bind(pending.customer_id)
            .fetch_one(&state.db.pool)
            .await?;
    let to = match channel {
        CodeChannel::Sms => crate::infra::sms::mask_phone(&phone.unwrap_or_default()),
        CodeChannel::Email => device::mask_email(
            &device::code_email(state, email, pending.session_id, purpose).await?,
        ),
    };
    Ok(LoginStep::Code {
        channel,
        to,
        new_device: matches!(purpose, CodePurpose::NewDevice | CodePurpose::TempSetup),
    })
}

/// Sends a new code for the pending sign-in (same purpose and channel as the first).
pub async fn resend(state: &AppState, pending: PendingSignIn) -> Result<LoginStep, ServiceError> {
    let (purpose, channel) = pending_code(state, pending.session_id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    device::send_code_via(
        state,
        pending.customer_id,
        pending.session_id,
        purpose,
        channel.code(),
        channel,
    )
    .await?;
    current_step(state, pending).await
}

/// The second step, as the person supplied it.
pub enum Proof<'a> {
    Code(&'a str),
    Totp(&'a str),
    RecoveryCode(&'a str),
}

impl<'a> Proof<'a> {
    /// The second step as the verify form sends it: `method` is "code", "totp" or "recovery".
    pub fn from_form(method: &str, code: &'a str) -> Result<Proof<'a>, ServiceError> {
        match method {
            "code" => match super::code_issue(code) {
                Some(issue) => Err(AppError::validation("code", issue).into()),
                None => Ok(Proof::Code(code)),
            },
            "totp" => Ok(Proof::Totp(code)),
            "recovery" => Ok(Proof::RecoveryCode(code)),
            _ => Err(AppError::validation("method", crate::domain::Issue::OneOf).into()),
        }
    }
}

/// Checks the second step. Wrong answers count towards a per-login lock (10 per 15 minutes, then
/// 1 minute doubling), on top of each code's own 5-try limit.
pub async fn verify(
    state: &AppState,
    pending: PendingSignIn,
    proof: Proof<'_>,
    client: &ClientInfo,
) -> Result<SignInProof, ServiceError> {
    let now = state.clock.unix();
    let key = throttle::key::second_step(pending.customer_id);
    // Counted before it is judged (one atomic statement), so parallel guesses share the limit.
    let attempt = throttle::begin(&state.db, &key, now, throttle::SECOND_STEP).await?;
    let code_sent = pending_code(state, pending.session_id).await?;
    let (method, result) = match proof {
        Proof::Code(code) => {
            let Some((purpose, _)) = code_sent else {
                return Err(AppError::InvalidToken.into());
            };
            let r = device::verify_code(
                state,
                pending.customer_id,
                pending.session_id,
                purpose,
                &super::clean_code(code),
            )
            .await
            .map(|_| ());
            // A set-up's code proves the chosen address: now the change is made.
            let r = match r {
                Ok(()) if purpose == CodePurpose::TempSetup => {
                    super::takeover::apply(state, pending.session_id, client).await
                }
                other => other,
            };
            let method = if purpose == CodePurpose::SignInOtp {
                SignInProof::OneTimeCode
            } else {
                SignInProof::DeviceCode
            };
            (method, r)
        }
        // A sign-in that was sent a code must finish with that code.
        Proof::Totp(_) | Proof::RecoveryCode(_) if code_sent.is_some() => {
            return Err(AppError::InvalidToken.into())
        }
        Proof::Totp(code) => (
            SignInProof::Authenticator,
            factors::totp::verify(state, pending.customer_id, code).await,
        ),
        Proof::RecoveryCode(code) => (
            SignInProof::RecoveryCode,
            factors::recovery_codes::consume(state, pending.customer_id, code).await,
        ),
    };
    match result {
        Ok(()) => {
            throttle::clear(&state.db.pool, &key).await?;
            if method == SignInProof::RecoveryCode {
                factors::service::notify_recovery_code_used(state, pending.customer_id).await?;
            }
            Ok(method)
        }
        Err(e) => {
            if matches!(
                e.refusal(),
                Some(AppError::WrongCode { .. } | AppError::InvalidToken | AppError::CodeIncorrect)
            ) {
                attempt.failed(&state.db, now).await?;
            } else {
                attempt.succeeded(&state.db).await?;
            }
            AuthEvent::failed(EventKind::LoginSecondStep)
                .customer(pending.customer_id)
                .detail(method.code())
                .record(&state.db, now, client)
                .await;
            Err(e)
        }
    }
}

/// The set-up form, from the browser `slot` holding set-up `token`: the choice is kept pending
/// (`complete`), the browser's previous session ends, and a sign-in starts that the code sent to
/// the chosen address completes. Returns that step and the new session's token.
pub async fn start_set_up(
    state: &AppState,
    slot: &SessionSlot,
    token: &str,
    form: takeover::SetUpForm<'_>,
) -> Result<(LoginStep, String), ServiceError> {
    let client = &slot.client;
    let started = takeover::complete(state, token, form, client).await?;
    end_previous(state, slot).await?;
    start_with_email_code(state, started.customer_id, started.temp_id, client).await
}

/// Ends the browser's previous session (if any) before a new one starts.
pub async fn end_previous(state: &AppState, slot: &SessionSlot) -> Result<(), ServiceError> {
    if let Some(old) = &slot.token {
        session::delete(&state.db, old).await?;
    }
    Ok(())
}

/// Cookies to set after a completed sign-in.
pub struct Finished {
    pub session_token: String,
    pub device_token: Option<String>,
}

/// Completes a pending sign-in: rotates the session id, marks it full, remembers the device.
pub async fn finish(
    state: &AppState,
    pending: PendingSignIn,
    method: SignInProof,
    device_token: Option<&str>,
    client: &ClientInfo,
) -> Result<Finished, ServiceError> {
    let now = state.clock.unix();
    let session_token = session::promote(&state.db, pending.session_id, now, method).await?;
    let device_token =
        device::remember_if_new(state, pending.customer_id, device_token, client).await?;
    AuthEvent::ok(EventKind::LoginSecondStep)
        .customer(pending.customer_id)
        .detail(method.code())
        .record(&state.db, now, client)
        .await;
    Ok(Finished {
        session_token,
        device_token,
    })
}

/// The language cookie for a login's preferred language, set when a sign-in completes so the
/// portal speaks the customer's language on every device.
pub async fn language_cookie(state: &AppState, customer_id: i64) -> Result<String, ServiceError> {
    let code: String = sqlx::query_scalar("SELECT language FROM customers WHERE id = $1")
        .bind(customer_id)
        .fetch_one(&state.db.pool)
        .await?;
    let locale = crate::i18n::Locale::parse(&code).unwrap_or_default();
    Ok(crate::i18n::cookie(locale, state.config.is_https()))
}
