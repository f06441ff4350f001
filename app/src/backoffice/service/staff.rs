//! Staff sign-in (password + authenticator code, throttled like customers) and new staff accounts.

use super::super::StaffRole;
use crate::domain::Email;
use crate::domain::EventKind;
use crate::error::{AppError, ServiceError};
use crate::infra::audit::{AuthEvent, ClientInfo};
use crate::infra::staff_session;
use crate::infra::{throttle, AppState};

#[derive(sqlx::FromRow)]
struct StaffRow {
    id: i64,
    password_hash: String,
    totp_secret: Option<String>,
    totp_last_step: i64,
    active: i64,
}

/// Signs a staff member in; returns the session token for the cookie.
pub async fn sign_in(
    state: &AppState,
    email: &str,
    password: &str,
    code: &str,
    client: &ClientInfo,
) -> Result<String, ServiceError> {
    let now = state.clock.unix();
    let email = Email::parse(email).map_err(|i| AppError::validation("email", i))?;
    let acct_key = throttle::key::staff_account(&email);
    let ip_key = throttle::key::per_ip("login", &client.ip);
    let attempt = throttle::SignInAttempt::begin(&state.db, now, &ip_key, &acct_key).await?;
    let row: Option<StaffRow> = sqlx::query_as(
        "SELECT id, password_hash, totp_secret, totp_last_step, active FROM staff WHERE email = $1",
    )
    .bind(email.as_str())
    .fetch_optional(&state.db.pool)
    .await?;
    let stored = row.as_ref().map(|r| r.password_hash.clone());
    let password_ok = state.hasher.verify(password, stored).await?;
    let active = row.as_ref().is_some_and(|r| r.active == 1);
    let second = match (&row, password_ok && active) {
        (Some(r), true) => {
            let secret: Option<String> = r
                .totp_secret
                .as_ref()
                .map(|s| crate::infra::crypto::open_stored(&state.config.data_keys, s))
                .transpose()?;
            let last = r.totp_last_step;
            match secret {
                Some(s) => crate::factors::totp::step_of(&s, code, now, last)?,
                None => None,
            }
        }
        _ => None,
    };
    let fail = |kind| {
        AuthEvent::failed(kind)
            .email(email.as_str())
            .detail("staff")
    };
    let (Some(r), Some(step)) = (&row, second) else {
        attempt.failed(&state.db, now).await?;
        fail(EventKind::StaffSignIn)
            .record(&state.db, now, client)
            .await;
        return Err(AppError::InvalidCredentials.into());
    };
    let staff_id = r.id;
    // The code's time step only moves forward: a replayed code loses here.
    let moved =
        sqlx::query("UPDATE staff SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1")
            .bind(step)
            .bind(staff_id)
            .execute(&state.db.pool)
            .await?;
    if moved.rows_affected() != 1 {
        attempt.failed(&state.db, now).await?;
        fail(EventKind::StaffSignIn)
            .record(&state.db, now, client)
            .await;
        return Err(AppError::InvalidCredentials.into());
    }
    attempt.succeeded(&state.db).await?;
    let token = staff_session::create(&state.db, staff_id, now, client).await?;
    AuthEvent::ok(EventKind::StaffSignIn)
        .email(email.as_str())
        .detail("staff")
        .record(&state.db, now, client)
        .await;
    Ok(token)
}

/// Creates a staff member with a fresh authenticator secret; returns the `otpauth://` address to
/// scan (the CLI prints it once).
pub async fn create_staff(
    state: &AppState,
    email: &Email,
    name: &str,
    role: StaffRole,
    password_hash: String,
    totp_secret: &str,
) -> Result<String, ServiceError> {
    let result = sqlx::query(
        "INSERT INTO staff (email, full_name, password_hash, role, created_at, totp_secret) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(email.as_str())
    .bind(name)
    .bind(password_hash)
    .bind(role.as_str())
    .bind(state.clock.unix())
    .bind(state.config.data_keys.seal(totp_secret))
    .execute(&state.db.pool)
    .await;
    match result {
        Ok(_) => crate::factors::totp::otpauth_uri(totp_secret, email.as_str()),
        Err(e) if crate::infra::db::is_unique_violation(&e) => {
            Err(AppError::Conflict(crate::error::Conflict::StaffExists).into())
        }
        Err(e) => Err(e.into()),
    }
}
