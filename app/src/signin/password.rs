//! The first sign-in factor: email and password. Unknown address and wrong password give the same
//! error after the same amount of work; both are throttled per address and per IP, and a login that
//! locks is emailed an unlock link.

use crate::domain::{Email, EventKind};
use crate::error::{AppError, ServiceError};
use crate::infra::audit::{AuthEvent, ClientInfo};
use crate::infra::{throttle, AppState};

/// Checks the password; returns the login's id.
pub async fn check(
    state: &AppState,
    email_raw: &str,
    password: &str,
    client: &ClientInfo,
) -> Result<i64, ServiceError> {
    let now = state.clock.unix();
    let email_key = email_raw.trim().to_lowercase();
    let acct_key = throttle::key::login_account(&email_key);
    let ip_key = throttle::key::per_ip("login", &client.ip);
    // Both limits count this attempt before the password is checked (one atomic statement each),
    // so parallel guesses cannot slip past the lock.
    let attempt = match throttle::SignInAttempt::begin(&state.db, now, &ip_key, &acct_key).await {
        Ok(a) => a,
        Err(e) => {
            AuthEvent::failed(EventKind::Login)
                .email(&email_key)
                .detail("throttled")
                .record(&state.db, now, client)
                .await;
            return Err(e);
        }
    };
    let row: Option<(i64, String, String)> = match Email::parse(email_raw) {
        Ok(email) => {
            sqlx::query_as("SELECT id, password_hash, status FROM customers WHERE email = $1")
                .bind(email.as_str())
                .fetch_optional(&state.db.pool)
                .await?
        }
        Err(_) => None,
    };
    let (id, hash, status) = match row {
        Some((id, hash, status)) => (Some(id), Some(hash), status),
        None => (None, None, String::new()),
    };
    let ok = state.hasher.verify(password, hash).await?;
    if !ok || status == "disabled" {
        let lock = attempt.failed(&state.db, now).await?;
        let detail = if lock.is_some() {
            "bad credentials; locked"
        } else {
            "bad credentials"
        };
        // The first lock of a run tells the owner, with a link to get back in at once.
        if lock == Some(throttle::LOGIN_ACCOUNT.base_lock) && status == "active" {
            if let Some(id) = id {
                crate::auth::recovery::send_unlock(state, id).await?;
            }
        }
        AuthEvent::failed(EventKind::Login)
            .customer_opt(id)
            .email(&email_key)
            .detail(detail)
            .record(&state.db, now, client)
            .await;
        return Err(AppError::InvalidCredentials.into());
    }
    if status == "pending" {
        attempt.withdrawn(&state.db).await?;
        AuthEvent::failed(EventKind::Login)
            .customer_opt(id)
            .email(&email_key)
            .detail("not activated")
            .record(&state.db, now, client)
            .await;
        return Err(AppError::NotActivated.into());
    }
    attempt.succeeded(&state.db).await?;
    AuthEvent::ok(EventKind::Login)
        .customer_opt(id)
        .email(&email_key)
        .record(&state.db, now, client)
        .await;
    Ok(id.ok_or(AppError::Internal)?)
}
