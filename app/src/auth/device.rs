//! Device authorisation (seed 001 "Authorize Device"): a 6-digit code emailed to the customer,
//! bound to the session that asked for it, single-use, valid 10 minutes, dead after 5 wrong tries.
//! Once entered, the browser is remembered by a device cookie whose random value is stored only as
//! a hash, so any device can be revoked.

use crate::domain::{CodeChannel, CodePurpose};
use crate::emails;
use crate::error::{AppError, ServiceError};
use crate::infra::audit::ClientInfo;
use crate::infra::{outbox, tokens, AppState, Config, Db};
use rand::Rng;
use sha2::{Digest, Sha256};

pub const CODE_TTL_SECS: i64 = 10 * 60;
pub const MAX_ATTEMPTS: i64 = 5;
/// Codes one session may ask for, per purpose (first send and resends together).
pub const MAX_SENDS: i64 = 5;

fn code_hash(config: &Config, code: &str) -> String {
    let mut h = Sha256::new();
    h.update(&config.session_secret);
    h.update(b":device-code:");
    h.update(code.as_bytes());
    hex::encode(h.finalize())
}

/// Whether `token` (the device cookie) is a live device of this customer; touches it if so.
pub async fn is_authorised(
    db: &Db,
    customer_id: i64,
    token: Option<&str>,
    now: i64,
) -> Result<bool, ServiceError> {
    let Some(token) = token.filter(|t| tokens::looks_like_token(t)) else {
        return Ok(false);
    };
    let updated = sqlx::query(
        "UPDATE devices SET last_used_at = $1 WHERE token_hash = $2 AND customer_id = $3 AND revoked_at IS NULL AND expires_at > $1",
    )
    .bind(now)
    .bind(tokens::hash_token(token))
    .bind(customer_id)
    .execute(&db.pool)
    .await?;
    Ok(updated.rows_affected() == 1)
}

/// Emails a fresh code for `purpose`, replacing any earlier unused one of this session.
pub async fn send_code(
    state: &AppState,
    customer_id: i64,
    session_id: i64,
    purpose: CodePurpose,
    payload: &str,
) -> Result<String, ServiceError> {
    send_code_via(
        state,
        customer_id,
        session_id,
        purpose,
        payload,
        CodeChannel::Email,
    )
    .await
}

/// Sends a fresh code by email or text message; returns where it went, masked.
/// At most `MAX_SENDS` codes per session and purpose, so nobody can flood a phone or inbox.
pub async fn send_code_via(
    state: &AppState,
    customer_id: i64,
    session_id: i64,
    purpose: CodePurpose,
    payload: &str,
    channel: CodeChannel,
) -> Result<String, ServiceError> {
    let now = state.clock.unix();
    let sent: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM device_codes WHERE session_id = $1 AND purpose = $2",
    )
    .bind(session_id)
    .bind(purpose.code())
    .fetch_one(&state.db.pool)
    .await?;
    if sent >= MAX_SENDS {
        return Err(AppError::RateLimited {
            retry_after_secs: CODE_TTL_SECS as u64,
        }
        .into());
    }
    let code = format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000u32));
    let (email, first, phone, language): (String, String, Option<String>, String) =
        sqlx::query_as("SELECT email, first_name, phone, language FROM customers WHERE id = $1")
            .bind(customer_id)
            .fetch_one(&state.db.pool)
            .await?;
    let email = code_email(state, email, session_id, purpose).await?;
    let l = emails::language(&language);
    let phone = match (channel, phone) {
        (CodeChannel::Sms, _) if purpose == CodePurpose::PhoneVerify => Some(payload.to_owned()),
        (CodeChannel::Sms, Some(p)) => Some(p),
        (CodeChannel::Sms, None) => {
            return Err(AppError::validation("phone", crate::domain::Issue::Required).into())
        }
        (CodeChannel::Email, _) => None,
    };
    let mut tx = state.db.begin().await?;
    sqlx::query("UPDATE device_codes SET used_at = $1 WHERE session_id = $2 AND purpose = $3 AND used_at IS NULL")
        .bind(now)
        .bind(session_id)
        .bind(purpose.code())
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO device_codes (customer_id, session_id, purpose, code_hash, attempts, created_at, expires_at, payload) \
         VALUES ($1, $2, $3, $4, 0, $5, $6, $7)",
    )
    .bind(customer_id)
    .bind(session_id)
    .bind(purpose.code())
    .bind(code_hash(&state.config, &code))
    .bind(now)
    .bind(now + CODE_TTL_SECS)
    .bind(payload)
    .execute(&mut *tx)
    .await?;
    if phone.is_none() {
        let mail = if purpose == CodePurpose::SignInOtp {
            emails::sign_in_code(l, &email, &first, &code)
        } else {
            emails::device_code(l, &email, &first, &code)
        };
        outbox::enqueue(&mut tx, &mail, now).await?;
    }
    tx.commit().await?;
    match phone {
        Some(phone) => {
            let body = emails::sms_code(l, &code);
            state.sms.send(&phone, &body).await.map_err(|e| {
                tracing::error!(error = %e, "SMS send failed");
                AppError::Internal
            })?;
            Ok(crate::infra::sms::mask_phone(&phone))
        }
        None => {
            state.outbox.wake();
            Ok(mask_email(&email))
        }
    }
}

/// Where an emailed code for `purpose` goes: the login's address, or for a contract-number set-up
/// the address being chosen (waiting on the temporary login of that sign-in).
pub async fn code_email(
    state: &AppState,
    login_email: String,
    session_id: i64,
    purpose: CodePurpose,
) -> Result<String, ServiceError> {
    if purpose != CodePurpose::TempSetup {
        return Ok(login_email);
    }
    let pending: Option<String> = sqlx::query_scalar(
        "SELECT pending_email FROM temp_logins WHERE pending_session_id = $1 AND used_at IS NULL",
    )
    .bind(session_id)
    .fetch_optional(&state.db.pool)
    .await?
    .flatten();
    Ok(pending.ok_or(AppError::InvalidToken)?)
}

/// Checks a code; on success marks it used and returns its payload.
pub async fn verify_code(
    state: &AppState,
    customer_id: i64,
    session_id: i64,
    purpose: CodePurpose,
    code: &str,
) -> Result<String, ServiceError> {
    let now = state.clock.unix();
    let row: Option<(i64, String, String)> = sqlx::query_as(
        "SELECT id, code_hash, payload FROM device_codes \
         WHERE customer_id = $1 AND session_id = $2 AND purpose = $3 AND used_at IS NULL ORDER BY id DESC LIMIT 1",
    )
    .bind(customer_id)
    .bind(session_id)
    .bind(purpose.code())
    .fetch_optional(&state.db.pool)
    .await?;
    let Some((id, stored, payload)) = row else {
        return Err(AppError::InvalidToken.into());
    };
    // Each try is counted before the code is compared, in one statement that also refuses a used,
    // expired or exhausted code: parallel guesses get exactly MAX_ATTEMPTS tries between them.
    let tries: Option<i64> = sqlx::query_scalar(
        "UPDATE device_codes SET attempts = attempts + 1 \
         WHERE id = $1 AND used_at IS NULL AND attempts < $2 AND expires_at > $3 RETURNING attempts",
    )
    .bind(id)
    .bind(MAX_ATTEMPTS)
    .bind(now)
    .fetch_optional(&state.db.pool)
    .await?;
    let Some(tries) = tries else {
        return Err(AppError::InvalidToken.into());
    };
    let typed: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if !tokens::secure_eq(&stored, &code_hash(&state.config, &typed)) {
        return Err(AppError::WrongCode {
            attempts_left: (MAX_ATTEMPTS - tries).max(0) as u32,
        }
        .into());
    }
    let used =
        sqlx::query("UPDATE device_codes SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
            .bind(now)
            .bind(id)
            .execute(&state.db.pool)
            .await?;
    if used.rows_affected() != 1 {
        return Err(AppError::InvalidToken.into());
    }
    Ok(payload)
}

/// Remembers this browser as an authorised device; returns the cookie value.
pub async fn remember(
    state: &AppState,
    customer_id: i64,
    label: &str,
) -> Result<String, ServiceError> {
    let now = state.clock.unix();
    let (token, hash) = tokens::new_token();
    sqlx::query(
        "INSERT INTO devices (customer_id, token_hash, label, created_at, last_used_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)",
    )
    .bind(customer_id)
    .bind(hash)
    .bind(label.chars().take(200).collect::<String>())
    .bind(now)
    .bind(now + state.config.device_remember_secs())
    .execute(&state.db.pool)
    .await?;
    Ok(token)
}

/// "a***@example.com"
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => format!("{}***@{domain}", local.chars().next().unwrap_or('*')),
        None => "***".into(),
    }
}

/// Remembers this browser unless it already is; returns a new device cookie value if one was made.
pub async fn remember_if_new(
    state: &AppState,
    customer_id: i64,
    device_token: Option<&str>,
    client: &ClientInfo,
) -> Result<Option<String>, ServiceError> {
    let now = state.clock.unix();
    if is_authorised(&state.db, customer_id, device_token, now).await? {
        return Ok(None);
    }
    let label = crate::domain::agent::describe(&client.user_agent).label();
    Ok(Some(remember(state, customer_id, &label).await?))
}
