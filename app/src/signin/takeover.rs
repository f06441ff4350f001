//! The contract-number set-up's second half: the chosen email and password wait on the temporary
//! login (`complete`) until the code sent to the new address is entered (`apply`). Taking over an
//! existing login needs its enrolled second factor (or a staff "reset sign-in methods" first), and
//! its address is told at once.

use super::temporary::live_setup;
use crate::domain::EventKind;
use crate::domain::{Email, PasswordPolicy};
use crate::error::{AppError, ServiceError};
use crate::infra::audit::{AuthEvent, ClientInfo};
use crate::infra::{throttle, AppState};

/// What `complete` left waiting for the code: the login it is for and the temporary login.
pub struct SetupStarted {
    pub customer_id: i64,
    pub temp_id: i64,
}

/// What the set-up form sent.
pub struct SetUpForm<'a> {
    pub email: &'a str,
    pub password: &'a str,
    pub password_confirm: &'a str,
    /// An existing login's authenticator or recovery code (empty when it has none).
    pub second_factor: &'a str,
}

/// Takes the person's own email and password. Nothing about the login changes yet: the choice
/// waits on the temporary login until the code sent to the new address is entered (`apply`).
/// When the borrower already has a login, its enrolled second factor (authenticator code or a
/// recovery code) is required, unless staff reset its sign-in methods first; its address is told
/// at once. A borrower without a login gets one that cannot sign in until the code is entered.
pub async fn complete(
    state: &AppState,
    token: &str,
    form: SetUpForm<'_>,
    client: &ClientInfo,
) -> Result<SetupStarted, ServiceError> {
    let now = state.clock.unix();
    let SetUpForm {
        email: email_raw,
        password,
        password_confirm,
        second_factor,
    } = form;
    let (temp_id, number, contract_id) = live_setup(state, token).await?;
    let email = Email::parse(email_raw).map_err(|i| AppError::validation("email", i))?;
    let new = PasswordPolicy::check(
        password,
        Some(&email),
        crate::auth::common_passwords::is_common,
    )
    .map_err(|i| AppError::validation("password", i))?;
    PasswordPolicy::check_confirmation(password, password_confirm)
        .map_err(|i| AppError::validation("password_confirm", i))?;
    let (first_name, last_name, existing): (String, String, Option<i64>) = sqlx::query_as(
        "SELECT first_name, last_name, customer_id FROM contract_parties WHERE contract_id = $1 AND role = 'primary'",
    )
    .bind(contract_id)
    .fetch_one(&state.db.pool)
    .await?;
    let taken: Option<(i64, String)> =
        sqlx::query_as("SELECT id, status FROM customers WHERE email = $1")
            .bind(email.as_str())
            .fetch_optional(&state.db.pool)
            .await?;
    // A login at that address that never proved it (a set-up or registration left half-way) is
    // taken over by this set-up, which must prove the address too.
    let unproven: Option<i64> = match &taken {
        Some((id, status)) if existing.is_none() && status == "pending" => Some(*id),
        _ => None,
    };
    let taken: Option<i64> = taken.map(|(id, _)| id);
    if taken.is_some() && taken != existing && unproven.is_none() {
        return Err(AppError::validation("email", crate::domain::Issue::EmailTaken).into());
    }
    if let Some(id) = existing {
        prove_second_factor(state, id, second_factor, now).await?;
    }
    let hash = state.hasher.hash(new.expose()).await?;
    let mut tx = state.db.begin().await?;
    let customer_id = match existing {
        Some(id) => {
            // Its owner hears of it now, whoever is at the keyboard.
            let contract = number.clone();
            crate::emails::queue_security_notice(&mut tx, state, id, "/login", |l| {
                crate::i18n::tf(
                    l,
                    "email-notice-temporary-setup",
                    &[("contract", contract.into())],
                )
            })
            .await?;
            id
        }
        None if unproven.is_some() => {
            let id = unproven.unwrap_or_default();
            sqlx::query(
                "UPDATE customers SET password_hash = $1 WHERE id = $2 AND status = 'pending'",
            )
            .bind(&hash)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            id
        }
        None => {
            // A login that cannot sign in (status 'pending') until the code proves its address.
            sqlx::query_scalar(
                "INSERT INTO customers (email, first_name, last_name, password_hash, status, created_at) \
                 VALUES ($1, $2, $3, $4, 'pending', $5) RETURNING id",
            )
            .bind(email.as_str())
            .bind(&first_name)
            .bind(&last_name)
            .bind(&hash)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?
        }
    };
    let waiting = sqlx::query(
        "UPDATE temp_logins SET pending_email = $1, pending_password_hash = $2, pending_session_id = NULL \
         WHERE id = $3 AND used_at IS NULL",
    )
    .bind(email.as_str())
    .bind(&hash)
    .bind(temp_id)
    .execute(&mut *tx)
    .await?;
    if waiting.rows_affected() != 1 {
        return Err(AppError::InvalidToken.into());
    }
    tx.commit().await?;
    state.outbox.wake();
    AuthEvent::ok(EventKind::TemporaryLoginSetupStarted)
        .customer(customer_id)
        .email(email.as_str())
        .detail(&number)
        .record(&state.db, now, client)
        .await;
    Ok(SetupStarted {
        customer_id,
        temp_id,
    })
}

/// An existing login's enrolled second factor must vouch for a takeover: its authenticator code or
/// one of its recovery codes. A login without one (never enrolled, or reset by staff) needs none.
/// Wrong answers count towards the login's second-step lock.
async fn prove_second_factor(
    state: &AppState,
    customer_id: i64,
    answer: &str,
    now: i64,
) -> Result<(), ServiceError> {
    let f = crate::factors::service::factors(state, customer_id).await?;
    if !f.totp && f.passkeys == 0 {
        return Ok(());
    }
    let answer = answer.trim();
    if answer.is_empty() {
        return Err(AppError::validation(
            "second_factor",
            crate::domain::Issue::SecondFactorNeeded,
        )
        .into());
    }
    let key = throttle::key::second_step(customer_id);
    let attempt = throttle::begin(&state.db, &key, now, throttle::SECOND_STEP).await?;
    let digits: String = answer.chars().filter(|c| !c.is_whitespace()).collect();
    let by_app = if f.totp && digits.len() == 6 && digits.chars().all(|c| c.is_ascii_digit()) {
        crate::factors::totp::verify(state, customer_id, &digits).await
    } else {
        Err(AppError::CodeIncorrect.into())
    };
    let ok = match by_app {
        Ok(()) => Ok(()),
        Err(_) => crate::factors::recovery_codes::consume(state, customer_id, answer).await,
    };
    match ok {
        Ok(()) => {
            attempt.succeeded(&state.db).await?;
            Ok(())
        }
        Err(_) => {
            attempt.failed(&state.db, now).await?;
            Err(
                AppError::validation("second_factor", crate::domain::Issue::SecondFactorWrong)
                    .into(),
            )
        }
    }
}

/// Ties the set-up waiting on a temporary login to the sign-in (session) that will enter its code.
pub async fn bind_session(
    state: &AppState,
    temp_id: i64,
    session_id: i64,
) -> Result<(), ServiceError> {
    sqlx::query("UPDATE temp_logins SET pending_session_id = $1 WHERE id = $2 AND used_at IS NULL")
        .bind(session_id)
        .bind(temp_id)
        .execute(&state.db.pool)
        .await?;
    Ok(())
}

/// A set-up waiting for its code: what it will apply.
#[derive(sqlx::FromRow)]
struct PendingSetUp {
    id: i64,
    contract_id: i64,
    pending_email: Option<String>,
    pending_password_hash: Option<String>,
    customer_id: i64,
    contract_number: String,
}

/// The code sent to the chosen address was entered in sign-in `session_id`: in one transaction the
/// temporary password is used up and the login takes the chosen email and password (an existing
/// login's other sessions end; a new login is activated and linked to the contract).
pub async fn apply(
    state: &AppState,
    session_id: i64,
    client: &ClientInfo,
) -> Result<(), ServiceError> {
    let now = state.clock.unix();
    let mut tx = state.db.begin().await?;
    let row: PendingSetUp = sqlx::query_as(
        "SELECT t.id, t.contract_id, t.pending_email, t.pending_password_hash, s.customer_id, c.contract_number \
         FROM temp_logins t JOIN sessions s ON s.id = t.pending_session_id JOIN contracts c ON c.id = t.contract_id \
         WHERE t.pending_session_id = $1 AND t.used_at IS NULL AND t.expires_at > $2",
    )
    .bind(session_id)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::InvalidToken)?;
    let (temp_id, contract_id, customer_id) = (row.id, row.contract_id, row.customer_id);
    let (Some(email), Some(hash)) = (row.pending_email, row.pending_password_hash) else {
        return Err(AppError::InvalidToken.into());
    };
    let used = sqlx::query(
        "UPDATE temp_logins SET used_at = $1, pending_password_hash = NULL WHERE id = $2 AND used_at IS NULL",
    )
    .bind(now)
    .bind(temp_id)
    .execute(&mut *tx)
    .await?;
    if used.rows_affected() != 1 {
        return Err(AppError::InvalidToken.into());
    }
    sqlx::query(
        "UPDATE customers SET email = $1, password_hash = $2, status = 'active', \
         activated_at = COALESCE(activated_at, $3) WHERE id = $4",
    )
    .bind(&email)
    .bind(&hash)
    .bind(now)
    .bind(customer_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM sessions WHERE customer_id = $1 AND id <> $2")
        .bind(customer_id)
        .bind(session_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE contract_parties SET customer_id = $1, linked_at = $2 \
         WHERE contract_id = $3 AND role = 'primary' AND customer_id IS NULL",
    )
    .bind(customer_id)
    .bind(now)
    .bind(contract_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    let number = row.contract_number;
    AuthEvent::ok(EventKind::TemporaryLoginSetup)
        .customer(customer_id)
        .email(&email)
        .detail(&number)
        .record(&state.db, now, client)
        .await;
    Ok(())
}
