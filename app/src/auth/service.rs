//! Identity rules and their SQL: registration, activation, sign-in. Plain async functions over
//! `AppState`, so integration tests can drive them without HTTP.

use super::email_tokens::{self, LinkPurpose};
use super::Registration;
use crate::domain::Email;
use crate::domain::EventKind;
use crate::emails;
use crate::error::{AppError, ServiceError};
use crate::infra::audit::{AuthEvent, ClientInfo};
use crate::infra::{db::is_unique_violation, outbox, throttle, AppState};

/// A registration whose hidden honeypot field a bot filled in: recorded, answered like any other,
/// nothing created.
pub async fn honeypot(state: &AppState, email: &str, client: &ClientInfo) {
    AuthEvent::failed(EventKind::Register)
        .email(email)
        .detail("honeypot filled")
        .record(&state.db, state.clock.unix(), client)
        .await;
}

/// Registers a customer (status `pending`) and queues the activation email, in one transaction.
/// An address that is already registered gets an email instead of an error, so the form never
/// reveals which addresses have accounts.
pub async fn register(
    state: &AppState,
    reg: Registration,
    client: &ClientInfo,
) -> Result<(), ServiceError> {
    let now = state.clock.unix();
    // The language of the page the person registered from: their emails follow it.
    let locale = crate::i18n::request_locale();
    throttle::hit(
        &state.db,
        &throttle::key::per_ip("register", &client.ip),
        now,
        state.config.register_limit_per_hour as i64,
        3600,
    )
    .await?;
    let email = reg.email.as_str();
    // Hashed before the address is looked up, so an existing address costs the same argon2 work
    // as a new one (the answer's timing does not tell which addresses have accounts).
    let hash = state.hasher.hash(reg.password.expose()).await?;
    let existing: Option<(i64, String, String, String)> =
        sqlx::query_as("SELECT id, first_name, status, language FROM customers WHERE email = $1")
            .bind(email)
            .fetch_optional(&state.db.pool)
            .await?;
    if let Some((id, first, status, language)) = existing {
        // The owner of the address reads these: their language, not the form's.
        let l = emails::language(&language);
        if status == "pending" {
            send_activation(state, l, id, email, &first).await?;
        } else {
            let login = format!("{}/login", state.config.public_url);
            outbox::send(state, &emails::already_registered(l, email, &first, &login)).await?;
        }
        AuthEvent::failed(EventKind::Register)
            .customer(id)
            .email(email)
            .detail("already registered")
            .record(&state.db, now, client)
            .await;
        return Ok(());
    }
    let mut tx = state.db.begin().await?;
    let inserted = sqlx::query_scalar(
        "INSERT INTO customers (email, first_name, last_name, password_hash, status, created_at, language) \
         VALUES ($1, $2, $3, $4, 'pending', $5, $6) RETURNING id",
    )
    .bind(email)
    .bind(reg.first_name.as_str())
    .bind(reg.last_name.as_str())
    .bind(&hash)
    .bind(now)
    .bind(locale.code())
    .fetch_one(&mut *tx)
    .await;
    let id: i64 = match inserted {
        Ok(id) => id,
        // A concurrent registration of the same address won the race: answer as for an existing one.
        Err(e) if is_unique_violation(&e) => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    let url = email_tokens::issue(&mut tx, state, id, LinkPurpose::Activate, None).await?;
    outbox::enqueue(
        &mut tx,
        &emails::activation(locale, email, reg.first_name.as_str(), &url),
        now,
    )
    .await?;
    tx.commit().await?;
    state.outbox.wake();
    AuthEvent::ok(EventKind::Register)
        .customer(id)
        .email(email)
        .record(&state.db, now, client)
        .await;
    Ok(())
}

async fn send_activation(
    state: &AppState,
    l: crate::i18n::Locale,
    id: i64,
    email: &str,
    first: &str,
) -> Result<(), ServiceError> {
    email_tokens::send_link(state, id, LinkPurpose::Activate, None, |url| {
        emails::activation(l, email, first, url)
    })
    .await
}

/// Sends a fresh activation link if the address belongs to a pending account. Always succeeds
/// (apart from rate limiting), so it cannot be used to probe for accounts.
pub async fn resend_activation(
    state: &AppState,
    email_raw: &str,
    client: &ClientInfo,
) -> Result<(), ServiceError> {
    let now = state.clock.unix();
    throttle::hit(
        &state.db,
        &throttle::key::per_ip("resend", &client.ip),
        now,
        10,
        3600,
    )
    .await?;
    let Ok(email) = Email::parse(email_raw) else {
        return Ok(());
    };
    let row: Option<(i64, String, String)> = sqlx::query_as(
        "SELECT id, first_name, language FROM customers WHERE email = $1 AND status = 'pending'",
    )
    .bind(email.as_str())
    .fetch_optional(&state.db.pool)
    .await?;
    if let Some((id, first, language)) = row {
        let l = emails::language(&language);
        send_activation(state, l, id, email.as_str(), &first).await?;
        AuthEvent::ok(EventKind::ActivationResent)
            .customer(id)
            .email(email.as_str())
            .record(&state.db, now, client)
            .await;
    }
    Ok(())
}

/// Consumes an activation token: single use, 24 hours. Returns the login it activated.
pub async fn activate(
    state: &AppState,
    token: &str,
    client: &ClientInfo,
) -> Result<i64, ServiceError> {
    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
    let customer = email_tokens::consume(&mut tx, token, LinkPurpose::Activate, now)
        .await?
        .map(|c| c.customer_id);
    let Some(customer_id) = customer else {
        drop(tx);
        AuthEvent::failed(EventKind::Activate)
            .detail("invalid, used or expired token")
            .record(&state.db, now, client)
            .await;
        return Err(AppError::InvalidToken.into());
    };
    sqlx::query("UPDATE customers SET status = 'active', activated_at = $1 WHERE id = $2 AND status = 'pending'")
        .bind(now)
        .bind(customer_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    AuthEvent::ok(EventKind::Activate)
        .customer(customer_id)
        .record(&state.db, now, client)
        .await;
    Ok(customer_id)
}
