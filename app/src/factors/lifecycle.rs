//! Second factors come and go; recovery codes follow them. The rule "recovery codes exist only
//! while a second factor exists" lives here and nowhere else: codes are made when the first
//! factor arrives (and after every authenticator set-up), refused without a factor, and deleted
//! with the last one — each change with its notice, in one transaction.

use super::recovery_codes;
use super::service::{self, changed};
use crate::domain::{EventKind, SignInProof};
use crate::emails;
use crate::error::{AppError, Conflict, ServiceError};
use crate::infra::audit::{AuthEvent, ClientInfo};
use crate::infra::guard::CurrentCustomer;
use crate::infra::{session, AppState};

/// After a second factor was added: recovery codes — always after an authenticator app is set up,
/// after a passkey only when the login had none left — and the notice, in one transaction. The
/// codes are returned once, to be shown once.
pub async fn factor_added(
    state: &AppState,
    me: CurrentCustomer,
    client: &ClientInfo,
    kind: EventKind,
) -> Result<Option<Vec<String>>, ServiceError> {
    let otp = service::factors(state, me.id).await?.otp;
    let mut tx = state.db.begin().await?;
    let fresh = kind == EventKind::TotpEnabled;
    let codes = if fresh || recovery_codes::remaining_in(&mut tx, me.id).await? == 0 {
        Some(recovery_codes::replace(&mut tx, state, me.id).await?)
    } else {
        None
    };
    told_and_recorded(state, tx, me, client, kind, otp).await?;
    Ok(codes)
}

/// Finishes a change: the owner's notice queued in `tx`, the commit, and the audit event.
async fn told_and_recorded(
    state: &AppState,
    mut tx: sqlx::Transaction<'static, sqlx::Any>,
    me: CurrentCustomer,
    client: &ClientInfo,
    kind: EventKind,
    otp: crate::domain::OtpSetting,
) -> Result<(), ServiceError> {
    emails::queue_security_notice(&mut tx, state, me.id, "/profile/security", |l| {
        emails::security_change(l, kind, otp)
    })
    .await?;
    tx.commit().await?;
    state.outbox.wake();
    AuthEvent::ok(kind)
        .customer(me.id)
        .record(&state.db, state.clock.unix(), client)
        .await;
    Ok(())
}

/// Ten new recovery codes, replacing the old ones; refused without a second factor
/// (`RecoveryNeedsFactor`).
pub async fn regenerate_recovery_codes(
    state: &AppState,
    me: CurrentCustomer,
    client: &ClientInfo,
) -> Result<Vec<String>, ServiceError> {
    let f = service::factors(state, me.id).await?;
    if !f.totp && f.passkeys == 0 {
        return Err(AppError::Conflict(Conflict::RecoveryNeedsFactor).into());
    }
    let kind = EventKind::RecoveryCodesRegenerated;
    let mut tx = state.db.begin().await?;
    let codes = recovery_codes::replace(&mut tx, state, me.id).await?;
    told_and_recorded(state, tx, me, client, kind, f.otp).await?;
    Ok(codes)
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
) -> Result<(), ServiceError> {
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
    let f = service::factors(state, me.id).await?;
    let left = match what {
        Removal::Totp => f.passkeys,
        Removal::Passkey(_) => f.passkeys - 1 + i64::from(f.totp),
    };
    if left <= 0 {
        let how = session::reauth_method(&state.db, me.session_id).await?;
        if !how.is_some_and(SignInProof::is_second_factor) {
            return Err(AppError::SecondFactorReauthRequired.into());
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
                return Err(AppError::NotFound.into());
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

/// Removes a second factor and tells the owner.
pub async fn factor_removed(
    state: &AppState,
    me: CurrentCustomer,
    client: &ClientInfo,
    what: Removal,
) -> Result<(), ServiceError> {
    remove_factor(state, &me, what).await?;
    let kind = match what {
        Removal::Totp => EventKind::TotpDisabled,
        Removal::Passkey(_) => EventKind::PasskeyRemoved,
    };
    changed(state, me, client, kind).await
}
