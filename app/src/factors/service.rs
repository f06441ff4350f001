//! The Security page's sign-in methods: overview, changes with notices, re-authentication.

use super::{recovery_codes, FactorsView};
use crate::domain::{EventKind, OtpSetting, SignInProof};
use crate::emails;
use crate::error::{AppError, Conflict, ServiceError};
use crate::infra::audit::{AuthEvent, ClientInfo};
use crate::infra::guard::CurrentCustomer;
use crate::infra::{session, AppState};

/// The sign-in methods a login has set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Factors {
    pub totp: bool,
    pub passkeys: i64,
    pub otp: OtpSetting,
}

pub async fn factors(state: &AppState, customer_id: i64) -> Result<Factors, ServiceError> {
    let (totp_secret, otp_channel, passkeys): (Option<String>, String, i64) = sqlx::query_as(
        "SELECT totp_secret, otp_channel, (SELECT COUNT(*) FROM passkeys p WHERE p.customer_id = c.id) AS passkeys \
         FROM customers c WHERE c.id = $1",
    )
    .bind(customer_id)
    .fetch_one(&state.db.pool)
    .await?;
    Ok(Factors {
        totp: totp_secret.is_some(),
        passkeys,
        otp: OtpSetting::parse(&otp_channel).ok_or(AppError::Internal)?,
    })
}

pub async fn overview(state: &AppState, customer_id: i64) -> Result<FactorsView, ServiceError> {
    let f = factors(state, customer_id).await?;
    let phone: Option<String> = sqlx::query_scalar("SELECT phone FROM customers WHERE id = $1")
        .bind(customer_id)
        .fetch_one(&state.db.pool)
        .await?;
    Ok(FactorsView {
        totp: f.totp,
        recovery_codes_left: recovery_codes::remaining(state, customer_id).await?,
        passkeys: super::passkeys::list(state, customer_id).await?,
        otp_channel: f.otp.code().to_string(),
        phone: phone.map(|p| crate::infra::sms::mask_phone(&p)),
    })
}

/// Emails the owner that a security setting changed and records it in the audit trail.
/// The notice's sentence comes from `kind`, in the owner's language.
pub async fn changed(
    state: &AppState,
    me: CurrentCustomer,
    client: &ClientInfo,
    kind: EventKind,
) -> Result<(), ServiceError> {
    let now = state.clock.unix();
    let otp = factors(state, me.id).await?.otp;
    emails::send_security_notice(state, me.id, "/profile/security", |l| {
        emails::security_change(l, kind, otp)
    })
    .await?;
    AuthEvent::ok(kind)
        .customer(me.id)
        .record(&state.db, now, client)
        .await;
    Ok(())
}

pub async fn notify_recovery_code_used(
    state: &AppState,
    customer_id: i64,
) -> Result<(), ServiceError> {
    let left = recovery_codes::remaining(state, customer_id).await?;
    emails::send_security_notice(state, customer_id, "/profile/security", |l| {
        emails::recovery_code_used(l, left)
    })
    .await
}

/// Turns the every-sign-in code on (by email or SMS) or off. SMS needs a phone on the profile.
pub async fn set_otp_channel(
    state: &AppState,
    me: CurrentCustomer,
    channel: &str,
) -> Result<(), ServiceError> {
    let setting = OtpSetting::parse(channel)
        .ok_or_else(|| AppError::validation("channel", crate::domain::Issue::OneOf))?;
    if setting == OtpSetting::Sms {
        let phone: Option<String> = sqlx::query_scalar("SELECT phone FROM customers WHERE id = $1")
            .bind(me.id)
            .fetch_one(&state.db.pool)
            .await?;
        if phone.is_none() {
            return Err(AppError::Conflict(Conflict::SmsNeedsPhone).into());
        }
    }
    sqlx::query("UPDATE customers SET otp_channel = $1 WHERE id = $2")
        .bind(setting.code())
        .bind(me.id)
        .execute(&state.db.pool)
        .await?;
    Ok(())
}

/// Re-authentication: the password, or a code from the authenticator app, opens the five-minute
/// window for sensitive changes. Failures count towards the sign-in lock.
pub async fn reauthenticate(
    state: &AppState,
    me: CurrentCustomer,
    password: &str,
    code: &str,
    client: &ClientInfo,
) -> Result<(), ServiceError> {
    let now = state.clock.unix();
    let key = crate::infra::throttle::key::reauth(me.id);
    crate::infra::throttle::check(&state.db, &key, now).await?;
    // An authenticator code, else a recovery code, else the password.
    let (ok, method) = if !code.trim().is_empty() {
        if super::totp::verify(state, me.id, code).await.is_ok() {
            (true, SignInProof::Authenticator)
        } else {
            let used = super::recovery_codes::consume(state, me.id, code)
                .await
                .is_ok();
            if used {
                notify_recovery_code_used(state, me.id).await?;
            }
            (used, SignInProof::RecoveryCode)
        }
    } else {
        let hash: String = sqlx::query_scalar("SELECT password_hash FROM customers WHERE id = $1")
            .bind(me.id)
            .fetch_one(&state.db.pool)
            .await?;
        let ok = state.hasher.verify(password, Some(hash)).await?;
        (ok, SignInProof::Password)
    };
    AuthEvent::new(EventKind::Reauthenticate, ok)
        .customer(me.id)
        .record(&state.db, now, client)
        .await;
    if !ok {
        crate::infra::throttle::fail(&state.db, &key, now, crate::infra::throttle::LOGIN_ACCOUNT)
            .await?;
        return Err(if code.trim().is_empty() {
            AppError::validation("password", crate::domain::Issue::CurrentPasswordWrong)
        } else {
            AppError::CodeIncorrect
        }
        .into());
    }
    crate::infra::throttle::clear(&state.db.pool, &key).await?;
    session::mark_reauthenticated(&state.db, me.session_id, now, method).await?;
    Ok(())
}
