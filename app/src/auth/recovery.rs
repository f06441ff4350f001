//! Account recovery (seed 001 "Forgot your password?", seed 000 "Forgot Username?"): the same
//! answer whether or not an account exists, single-use links, and a password reset that ends every
//! session and lifts a sign-in lock.

use super::email_tokens::{consume, send_link, LinkPurpose};
use crate::domain::EventKind;
use crate::domain::{Email, Password};
use crate::emails;
use crate::error::{AppError, ServiceError};
use crate::infra::audit::{AuthEvent, ClientInfo};
use crate::infra::{outbox, throttle, AppState};

fn event(kind: EventKind, success: bool, customer_id: Option<i64>, detail: &str) -> AuthEvent<'_> {
    AuthEvent::new(kind, success)
        .customer_opt(customer_id)
        .detail(detail)
}

/// Emails a reset link if `email_raw` belongs to an active account. Always answers Ok.
pub async fn request_reset(
    state: &AppState,
    email_raw: &str,
    client: &ClientInfo,
) -> Result<(), ServiceError> {
    let now = state.clock.unix();
    throttle::hit(
        &state.db,
        &throttle::key::per_ip("reset", &client.ip),
        now,
        10,
        3600,
    )
    .await?;
    let Ok(email) = Email::parse(email_raw) else {
        return Ok(());
    };
    // At most 3 emails per address per hour, silently: the answer must not change.
    if throttle::hit(
        &state.db,
        &throttle::key::reset_account(&email),
        now,
        3,
        3600,
    )
    .await
    .is_err()
    {
        return Ok(());
    }
    let row: Option<(i64, String, String)> = sqlx::query_as(
        "SELECT id, first_name, language FROM customers WHERE email = $1 AND status = 'active'",
    )
    .bind(email.as_str())
    .fetch_optional(&state.db.pool)
    .await?;
    let Some((id, first, language)) = row else {
        event(
            EventKind::PasswordResetRequested,
            false,
            None,
            "no active account",
        )
        .record(&state.db, now, client)
        .await;
        return Ok(());
    };
    let l = emails::language(&language);
    send_link(state, id, LinkPurpose::Reset, None, |url| {
        emails::password_reset(l, email.as_str(), &first, url)
    })
    .await?;
    event(
        EventKind::PasswordResetRequested,
        true,
        Some(id),
        "link sent",
    )
    .record(&state.db, now, client)
    .await;
    Ok(())
}

/// Sets a new password from a reset link: single use, one hour. Ends every session of the account
/// and clears its sign-in lock; the owner is told by email.
pub async fn reset(
    state: &AppState,
    token: &str,
    password: &str,
    confirmation: &str,
    client: &ClientInfo,
) -> Result<(), ServiceError> {
    let now = state.clock.unix();
    crate::domain::PasswordPolicy::check_confirmation(password, confirmation)
        .map_err(|i| AppError::validation("password_confirm", i))?;
    // Check the token before the (slow) hash, without using it up.
    let mut tx = state.db.begin().await?;
    let Some(customer_id) = consume(&mut tx, token, LinkPurpose::Reset, now)
        .await?
        .map(|c| c.customer_id)
    else {
        drop(tx);
        event(
            EventKind::PasswordReset,
            false,
            None,
            "invalid, used or expired link",
        )
        .record(&state.db, now, client)
        .await;
        return Err(AppError::InvalidToken.into());
    };
    let to = emails::recipient(&mut *tx, customer_id).await?;
    let (l, email_s, first) = (to.locale(), to.email, to.first_name);
    let email =
        Email::parse(&email_s).map_err(ServiceError::failed("reading a stored email address"))?;
    let new: Password = crate::domain::PasswordPolicy::check(
        password,
        Some(&email),
        super::common_passwords::is_common,
    )
    .map_err(|i| AppError::validation("password", i))?;
    let hash = state.hasher.hash(new.expose()).await?;
    sqlx::query("UPDATE customers SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(customer_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE customer_id = $1")
        .bind(customer_id)
        .execute(&mut *tx)
        .await?;
    throttle::clear(&mut *tx, &throttle::key::login_account(&email_s)).await?;
    let login = format!("{}/login", state.config.public_url);
    outbox::enqueue(
        &mut tx,
        &emails::password_changed(l, &email_s, &first, &login),
        now,
    )
    .await?;
    tx.commit().await?;
    state.outbox.wake();
    event(
        EventKind::PasswordReset,
        true,
        Some(customer_id),
        "password changed; sessions ended",
    )
    .record(&state.db, now, client)
    .await;
    Ok(())
}

/// "Forgot username": the login is an email address, so the reminder goes to the address of the
/// login linked to the contract whose number and last name are given. Always answers Ok.
pub async fn remind_username(
    state: &AppState,
    contract_number: &str,
    last_name: &str,
    client: &ClientInfo,
) -> Result<(), ServiceError> {
    let now = state.clock.unix();
    throttle::hit(
        &state.db,
        &throttle::key::per_ip("username", &client.ip),
        now,
        10,
        3600,
    )
    .await?;
    let rows: Vec<(String, i64, String, String, String)> = sqlx::query_as(
        "SELECT p.last_name, u.id, u.email, u.first_name, u.language FROM contract_parties p JOIN contracts c ON c.id = p.contract_id \
         JOIN customers u ON u.id = p.customer_id WHERE c.contract_number = $1 AND u.status = 'active'",
    )
    .bind(contract_number.trim().to_uppercase())
    .fetch_all(&state.db.pool)
    .await?;
    for (last, id, email, first, language) in rows {
        if last.to_lowercase() != last_name.trim().to_lowercase() {
            continue;
        }
        let l = emails::language(&language);
        let login = format!("{}/login", state.config.public_url);
        outbox::send(state, &emails::username_reminder(l, &email, &first, &login)).await?;
        event(EventKind::UsernameReminder, true, Some(id), "reminder sent")
            .record(&state.db, now, client)
            .await;
    }
    Ok(())
}

/// Emails the owner of a just-locked account a link that lifts the lock (valid 1 hour).
pub async fn send_unlock(state: &AppState, customer_id: i64) -> Result<(), ServiceError> {
    let to = emails::recipient(&state.db.pool, customer_id).await?;
    send_link(state, customer_id, LinkPurpose::Unlock, None, |url| {
        emails::account_locked(to.locale(), &to.email, &to.first_name, url)
    })
    .await
}

/// Lifts the sign-in lock of the account the unlock link belongs to.
pub async fn unlock(
    state: &AppState,
    token: &str,
    client: &ClientInfo,
) -> Result<(), ServiceError> {
    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
    let Some(customer_id) = consume(&mut tx, token, LinkPurpose::Unlock, now)
        .await?
        .map(|c| c.customer_id)
    else {
        drop(tx);
        event(
            EventKind::AccountUnlock,
            false,
            None,
            "invalid, used or expired link",
        )
        .record(&state.db, now, client)
        .await;
        return Err(AppError::InvalidToken.into());
    };
    let email: String = sqlx::query_scalar("SELECT email FROM customers WHERE id = $1")
        .bind(customer_id)
        .fetch_one(&mut *tx)
        .await?;
    throttle::clear(&mut *tx, &throttle::key::login_account(&email)).await?;
    tx.commit().await?;
    event(
        EventKind::AccountUnlock,
        true,
        Some(customer_id),
        "unlocked by emailed link",
    )
    .record(&state.db, now, client)
    .await;
    Ok(())
}

/// Staff unlock (CLI now, back office later): lifts the sign-in lock of `email`. Returns whether a
/// lock was in place.
pub async fn staff_unlock(
    state: &AppState,
    email: &Email,
    staff: &str,
) -> Result<bool, ServiceError> {
    let now = state.clock.unix();
    let was_locked = throttle::clear(&state.db.pool, &throttle::key::login_account(email)).await?;
    let customer: Option<i64> = sqlx::query_scalar("SELECT id FROM customers WHERE email = $1")
        .bind(email.as_str())
        .fetch_optional(&state.db.pool)
        .await?;
    let client = ClientInfo {
        ip: "staff".into(),
        user_agent: staff.into(),
    };
    AuthEvent::ok(EventKind::AccountUnlock)
        .customer_opt(customer)
        .email(email.as_str())
        .detail("unlocked by staff")
        .record(&state.db, now, &client)
        .await;
    Ok(was_locked)
}
