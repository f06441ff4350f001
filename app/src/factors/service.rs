//! The Security page's sign-in methods: overview, changes with notices, re-authentication.

use super::{recovery_codes, FactorsView};
use crate::domain::{EventKind, OtpSetting, SignInProof};
use crate::emails;
use crate::error::{AppError, Conflict};
use crate::infra::audit::{AuthEvent, ClientInfo};
use crate::infra::guard::CurrentCustomer;
use crate::infra::{outbox, session, AppState};
use sqlx::Row;

/// The sign-in methods a login has set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Factors {
    pub totp: bool,
    pub passkeys: i64,
    pub otp: OtpSetting,
}

pub async fn factors(state: &AppState, customer_id: i64) -> Result<Factors, AppError> {
    let row = sqlx::query(
        "SELECT totp_secret, otp_channel, (SELECT COUNT(*) FROM passkeys p WHERE p.customer_id = c.id) AS passkeys \
         FROM customers c WHERE c.id = $1",
    )
    .bind(customer_id)
    .fetch_one(&state.db.pool)
    .await?;
    Ok(Factors {
        totp: row.try_get::<Option<String>, _>("totp_secret")?.is_some(),
        passkeys: row.try_get("passkeys")?,
        otp: OtpSetting::parse(&row.try_get::<String, _>("otp_channel")?)
            .ok_or(AppError::Internal)?,
    })
}

pub async fn overview(state: &AppState, customer_id: i64) -> Result<FactorsView, AppError> {
    let f = factors(state, customer_id).await?;
    let phone: Option<String> = sqlx::query("SELECT phone FROM customers WHERE id = $1")
        .bind(customer_id)
        .fetch_one(&state.db.pool)
        .await?
        .try_get("phone")?;
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
) -> Result<(), AppError> {
    let now = state.clock.unix();
    let row =
        sqlx::query("SELECT email, first_name, language, otp_channel FROM customers WHERE id = $1")
            .bind(me.id)
            .fetch_one(&state.db.pool)
            .await?;
    let email: String = row.try_get("email")?;
    let first: String = row.try_get("first_name")?;
    let l = emails::language(&row.try_get::<String, _>("language")?);
    let otp =
        OtpSetting::parse(&row.try_get::<String, _>("otp_channel")?).unwrap_or(OtpSetting::Off);
    let what = emails::security_change(l, kind, otp);
    let url = format!("{}/profile/security", state.config.public_url);
    outbox::send(
        state,
        &emails::security_notice(l, &email, &first, &what, &url),
    )
    .await?;
    AuthEvent::ok(kind)
        .customer(me.id)
        .record(&state.db, now, client)
        .await;
    Ok(())
}

pub async fn notify_recovery_code_used(state: &AppState, customer_id: i64) -> Result<(), AppError> {
    let left = recovery_codes::remaining(state, customer_id).await?;
    let row = sqlx::query("SELECT email, first_name, language FROM customers WHERE id = $1")
        .bind(customer_id)
        .fetch_one(&state.db.pool)
        .await?;
    let l = emails::language(&row.try_get::<String, _>("language")?);
    let url = format!("{}/profile/security", state.config.public_url);
    let what = emails::recovery_code_used(l, left);
    outbox::send(
        state,
        &emails::security_notice(
            l,
            &row.try_get::<String, _>("email")?,
            &row.try_get::<String, _>("first_name")?,
            &what,
            &url,
        ),
    )
    .await?;
    Ok(())
}

/// Turns the every-sign-in code on (by email or SMS) or off. SMS needs a phone on the profile.
pub async fn set_otp_channel(
    state: &AppState,
    me: CurrentCustomer,
    channel: &str,
) -> Result<(), AppError> {
    let setting = OtpSetting::parse(channel)
        .ok_or_else(|| AppError::validation("channel", crate::domain::Issue::OneOf))?;
    if setting == OtpSetting::Sms {
        let phone: Option<String> = sqlx::query("SELECT phone FROM customers WHERE id = $1")
            .bind(me.id)
            .fetch_one(&state.db.pool)
            .await?
            .try_get("phone")?;
        if phone.is_none() {
            return Err(AppError::Conflict(Conflict::SmsNeedsPhone));
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
) -> Result<(), AppError> {
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
        let hash: String = sqlx::query("SELECT password_hash FROM customers WHERE id = $1")
            .bind(me.id)
            .fetch_one(&state.db.pool)
            .await?
            .try_get("password_hash")?;
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
        });
    }
    crate::infra::throttle::clear(&state.db.pool, &key).await?;
    session::mark_reauthenticated(&state.db, me.session_id, now, method).await?;
    Ok(())
}

/// A second factor to remove.
#[derive(Debug, Clone, Copy)]
pub enum Removal {
    Totp,
    Passkey(i64),
}

/// Removes a second factor, in one transaction. Recovery codes exist only while a second factor
/// does, so they go with the last one; and removing the last one needs this session's
/// re-authentication to have been made with a second factor (an authenticator or recovery code),
/// not only the password (`SecondFactorReauthRequired`).
pub async fn remove_factor(
    state: &AppState,
    me: &CurrentCustomer,
    what: Removal,
) -> Result<(), AppError> {
    if let Removal::Passkey(id) = what {
        // Another customer's passkey (or none) is simply not found.
        let mine: Option<i64> =
            sqlx::query_scalar("SELECT id FROM passkeys WHERE id = $1 AND customer_id = $2")
                .bind(id)
                .bind(me.id)
                .fetch_optional(&state.db.pool)
                .await?;
        mine.ok_or(AppError::NotFound)?;
    }
    let f = factors(state, me.id).await?;
    let left = match what {
        Removal::Totp => f.passkeys,
        Removal::Passkey(_) => f.passkeys - 1 + i64::from(f.totp),
    };
    if left <= 0 {
        let how = session::reauth_method(&state.db, me.session_id).await?;
        if !how.is_some_and(SignInProof::is_second_factor) {
            return Err(AppError::SecondFactorReauthRequired);
        }
    }
    let mut tx = state.db.begin().await?;
    match what {
        Removal::Totp => {
            sqlx::query(
                "UPDATE customers SET totp_secret = NULL, totp_pending_secret = NULL WHERE id = $1",
            )
            .bind(me.id)
            .execute(&mut *tx)
            .await?;
        }
        Removal::Passkey(id) => {
            let done = sqlx::query("DELETE FROM passkeys WHERE id = $1 AND customer_id = $2")
                .bind(id)
                .bind(me.id)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() != 1 {
                return Err(AppError::NotFound);
            }
        }
    }
    if left <= 0 {
        sqlx::query("DELETE FROM recovery_codes WHERE customer_id = $1")
            .bind(me.id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Ten new recovery codes, replacing the old ones. Recovery codes exist only while a second
/// factor does: without one this is refused (`RecoveryNeedsFactor`).
pub async fn regenerate_recovery_codes(
    state: &AppState,
    me: CurrentCustomer,
    client: &ClientInfo,
) -> Result<Vec<String>, AppError> {
    let f = factors(state, me.id).await?;
    if !f.totp && f.passkeys == 0 {
        return Err(AppError::Conflict(Conflict::RecoveryNeedsFactor));
    }
    let codes = recovery_codes::generate(state, me.id).await?;
    changed(state, me, client, EventKind::RecoveryCodesRegenerated).await?;
    Ok(codes)
}

/// After a second factor was added: its notice, and recovery codes — always after an
/// authenticator app is set up, after a passkey only when the login had none left — returned
/// once, to be shown once.
pub async fn factor_added(
    state: &AppState,
    me: CurrentCustomer,
    client: &ClientInfo,
    kind: EventKind,
) -> Result<Option<Vec<String>>, AppError> {
    let fresh = kind == EventKind::TotpEnabled;
    let codes = if fresh || recovery_codes::remaining(state, me.id).await? == 0 {
        Some(recovery_codes::generate(state, me.id).await?)
    } else {
        None
    };
    changed(state, me, client, kind).await?;
    Ok(codes)
}
