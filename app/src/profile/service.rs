//! Password and email changes. Both ask for the current password (a fresh re-authentication), are
//! audited, and tell the owner by email.

use crate::auth::email_tokens::{self, LinkPurpose};
use crate::domain::EventKind;
use crate::domain::{Email, PasswordPolicy};
use crate::emails;
use crate::error::{AppError, ServiceError};
use crate::infra::audit::{AuthEvent, ClientInfo};
use crate::infra::guard::CurrentCustomer;
use crate::infra::{db::is_unique_violation, outbox, throttle, AppState};

struct Me {
    email: String,
    first: String,
    /// The language the owner reads their emails in.
    locale: crate::i18n::Locale,
}

/// Checks the current password (throttled like sign-in) and returns the account.
async fn reauthenticate(
    state: &AppState,
    me: CurrentCustomer,
    current: &str,
) -> Result<Me, ServiceError> {
    let now = state.clock.unix();
    let (email, first, password_hash, language): (String, String, String, String) = sqlx::query_as(
        "SELECT email, first_name, password_hash, language FROM customers WHERE id = $1",
    )
    .bind(me.id)
    .fetch_one(&state.db.pool)
    .await?;
    let key = throttle::key::login_account(&email);
    throttle::check(&state.db, &key, now).await?;
    if !state.hasher.verify(current, Some(password_hash)).await? {
        throttle::fail(&state.db, &key, now, throttle::LOGIN_ACCOUNT).await?;
        return Err(AppError::validation(
            "current_password",
            crate::domain::Issue::CurrentPasswordWrong,
        )
        .into());
    }
    Ok(Me {
        email,
        first,
        locale: emails::language(&language),
    })
}

/// Sets a new password; every other session ends.
pub async fn change_password(
    state: &AppState,
    me: CurrentCustomer,
    client: &ClientInfo,
    current: &str,
    new: &str,
    confirm: &str,
) -> Result<(), ServiceError> {
    let now = state.clock.unix();
    let account = reauthenticate(state, me, current).await?;
    let email = Email::parse(&account.email)
        .map_err(ServiceError::failed("reading a stored email address"))?;
    let password =
        PasswordPolicy::check(new, Some(&email), crate::auth::common_passwords::is_common)
            .map_err(|i| AppError::validation("new_password", i))?;
    PasswordPolicy::check_confirmation(new, confirm)
        .map_err(|i| AppError::validation("new_password_confirm", i))?;
    let hash = state.hasher.hash(password.expose()).await?;
    let mut tx = state.db.begin().await?;
    sqlx::query("UPDATE customers SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(me.id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE customer_id = $1 AND id <> $2")
        .bind(me.id)
        .bind(me.session_id)
        .execute(&mut *tx)
        .await?;
    let login = format!("{}/login", state.config.public_url);
    outbox::enqueue(
        &mut tx,
        &emails::password_changed(account.locale, &account.email, &account.first, &login),
        now,
    )
    .await?;
    tx.commit().await?;
    state.outbox.wake();
    AuthEvent::ok(EventKind::PasswordChanged)
        .customer(me.id)
        .detail("other sessions ended")
        .record(&state.db, now, client)
        .await;
    Ok(())
}

/// Sends a confirmation link to the new address; the change happens when it is opened.
pub async fn request_email_change(
    state: &AppState,
    me: CurrentCustomer,
    client: &ClientInfo,
    current: &str,
    new_email: &str,
) -> Result<String, ServiceError> {
    let now = state.clock.unix();
    let new = Email::parse(new_email).map_err(|i| AppError::validation("new_email", i))?;
    let account = reauthenticate(state, me, current).await?;
    if new.as_str() == account.email {
        return Err(AppError::validation("new_email", crate::domain::Issue::SameEmail).into());
    }
    let purpose = LinkPurpose::EmailChange;
    email_tokens::send_link(state, me.id, purpose, Some(new.as_str()), |url| {
        emails::confirm_new_email(account.locale, new.as_str(), &account.first, url)
    })
    .await?;
    AuthEvent::ok(EventKind::EmailChangeRequested)
        .customer(me.id)
        .record(&state.db, now, client)
        .await;
    Ok(new.to_string())
}

/// Completes an email change from the link sent to the new address; the old address is told and
/// every other session of the login ends (`keep`: the session confirming, if it is the login's).
pub async fn confirm_email_change(
    state: &AppState,
    client: &ClientInfo,
    token: &str,
    keep: Option<i64>,
) -> Result<String, ServiceError> {
    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
    let consumed = email_tokens::consume(&mut tx, token, LinkPurpose::EmailChange, now).await?;
    let Some((customer_id, Some(new_email))) = consumed.map(|c| (c.customer_id, c.payload)) else {
        return Err(AppError::InvalidToken.into());
    };
    let was = emails::recipient(&mut *tx, customer_id).await?;
    let l = was.locale();
    let (old, first) = (was.email, was.first_name);
    let updated = sqlx::query("UPDATE customers SET email = $1 WHERE id = $2")
        .bind(&new_email)
        .bind(customer_id)
        .execute(&mut *tx)
        .await;
    match updated {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e) => {
            return Err(AppError::Conflict(crate::error::Conflict::EmailTaken).into());
        }
        Err(e) => return Err(e.into()),
    }
    sqlx::query("DELETE FROM sessions WHERE customer_id = $1 AND id <> $2")
        .bind(customer_id)
        .bind(keep.unwrap_or(-1))
        .execute(&mut *tx)
        .await?;
    outbox::enqueue(
        &mut tx,
        &emails::email_changed_notice(l, &old, &first, &new_email),
        now,
    )
    .await?;
    tx.commit().await?;
    state.outbox.wake();
    AuthEvent::ok(EventKind::EmailChanged)
        .customer(customer_id)
        .record(&state.db, now, client)
        .await;
    Ok(new_email)
}
