//! Contract-number sign-in with a staff-issued temporary password (seed 002: "the login is the
//! contract number; the password the bank issues is temporary and must be changed"). Staff issue
//! it (CLI `create-temp-login`, later the back office); it expires after 72 hours and only one per
//! contract is live. Signing in with it gives a 15-minute set-up token (a cookie) with which the
//! person chooses their own email and password; then an emailed code confirms the new address.

use crate::domain::{Email, PasswordPolicy};
use crate::error::AppError;
use crate::infra::audit::{self, AuthEvent, ClientInfo};
use crate::infra::{throttle, tokens, AppState, Config};
use rand::Rng;
use sqlx::Row;

pub const TTL_SECS: i64 = 72 * 60 * 60;
pub const SETUP_TTL_SECS: i64 = 15 * 60;
const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";

pub fn setup_cookie_name(config: &Config) -> &'static str {
    if config.is_https() {
        "__Host-portal_setup"
    } else {
        "portal_setup"
    }
}

pub fn setup_cookie(config: &Config, token: &str, max_age: i64) -> String {
    let secure = if config.is_https() { "; Secure" } else { "" };
    format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}",
        setup_cookie_name(config)
    )
}

/// "NS-70145528" however it was typed.
pub fn normalise_contract_number(input: &str) -> String {
    input.trim().to_uppercase()
}

fn new_password() -> String {
    let mut rng = rand::rngs::OsRng;
    let raw: String = (0..12)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect();
    format!("{}-{}-{}", &raw[..4], &raw[4..8], &raw[8..])
}

/// Issues a temporary password for a contract's primary borrower; earlier unused ones stop working.
pub async fn issue(
    state: &AppState,
    contract_number: &str,
    issued_by: &str,
) -> Result<(String, i64), AppError> {
    let now = state.clock.unix();
    let number = normalise_contract_number(contract_number);
    let contract_id: i64 = sqlx::query("SELECT id FROM contracts WHERE contract_number = $1")
        .bind(&number)
        .fetch_optional(&state.db.pool)
        .await?
        .ok_or(AppError::NotFound)?
        .try_get("id")?;
    let password = new_password();
    let hash = state.hasher.hash(&password).await?;
    let expires_at = now + TTL_SECS;
    let mut tx = state.db.begin().await?;
    sqlx::query("UPDATE temp_logins SET used_at = $1 WHERE contract_id = $2 AND used_at IS NULL")
        .bind(now)
        .bind(contract_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO temp_logins (contract_id, password_hash, issued_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(contract_id)
    .bind(hash)
    .bind(issued_by)
    .bind(now)
    .bind(expires_at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok((password, expires_at))
}

/// Checks contract number + temporary password; returns a set-up token. Throttled like sign-in
/// (per contract number and per IP); the answer never says which part was wrong.
pub async fn sign_in(
    state: &AppState,
    contract_number: &str,
    password: &str,
    client: &ClientInfo,
) -> Result<String, AppError> {
    let now = state.clock.unix();
    let number = normalise_contract_number(contract_number);
    let acct_key = format!("login:contract:{number}");
    let ip_key = format!("login:ip:{}", client.ip);
    let attempt = throttle::SignInAttempt::begin(&state.db, now, &ip_key, &acct_key).await?;
    let row = sqlx::query(
        "SELECT t.id, t.password_hash FROM temp_logins t JOIN contracts c ON c.id = t.contract_id \
         WHERE c.contract_number = $1 AND t.used_at IS NULL AND t.expires_at > $2 ORDER BY t.id DESC LIMIT 1",
    )
    .bind(&number)
    .bind(now)
    .fetch_optional(&state.db.pool)
    .await?;
    let (id, hash) = match &row {
        Some(r) => (
            Some(r.try_get::<i64, _>("id")?),
            Some(r.try_get::<String, _>("password_hash")?),
        ),
        None => (None, None),
    };
    let ok = state.hasher.verify(password.trim(), hash).await?;
    let event = |success, detail| AuthEvent {
        kind: "login_temporary",
        success,
        customer_id: None,
        email: None,
        detail,
    };
    let Some(id) = id.filter(|_| ok) else {
        attempt.failed(&state.db, now).await?;
        audit::record(&state.db, now, client, event(false, Some(&number))).await;
        return Err(AppError::InvalidCredentials);
    };
    attempt.succeeded(&state.db).await?;
    let (token, token_hash) = tokens::new_token();
    sqlx::query(
        "UPDATE temp_logins SET setup_token_hash = $1, setup_expires_at = $2 WHERE id = $3",
    )
    .bind(token_hash)
    .bind(now + SETUP_TTL_SECS)
    .bind(id)
    .execute(&state.db.pool)
    .await?;
    audit::record(&state.db, now, client, event(true, Some(&number))).await;
    Ok(token)
}

/// The contract number a live set-up token belongs to.
pub async fn setup_contract(state: &AppState, token: &str) -> Result<String, AppError> {
    let row = live_setup(state, token).await?;
    Ok(row.1)
}

async fn live_setup(state: &AppState, token: &str) -> Result<(i64, String, i64), AppError> {
    if !tokens::looks_like_token(token) {
        return Err(AppError::InvalidToken);
    }
    let now = state.clock.unix();
    let row = sqlx::query(
        "SELECT t.id, c.contract_number, c.id AS contract_id FROM temp_logins t JOIN contracts c ON c.id = t.contract_id \
         WHERE t.setup_token_hash = $1 AND t.used_at IS NULL AND t.setup_expires_at > $2 AND t.expires_at > $2",
    )
    .bind(tokens::hash_token(token))
    .bind(now)
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or(AppError::InvalidToken)?;
    Ok((
        row.try_get("id")?,
        row.try_get("contract_number")?,
        row.try_get("contract_id")?,
    ))
}

/// Sets the person's own email and password. The contract's primary borrower gets a login (or
/// their existing login is updated, its other sessions ended); the temporary password is used up.
/// Returns the login's id. Nothing is written unless every check passes.
pub async fn complete(
    state: &AppState,
    token: &str,
    email_raw: &str,
    password: &str,
    password_confirm: &str,
    client: &ClientInfo,
) -> Result<i64, AppError> {
    let now = state.clock.unix();
    let (temp_id, number, contract_id) = live_setup(state, token).await?;
    let email = Email::parse(email_raw).map_err(|i| AppError::validation("email", i))?;
    let new = PasswordPolicy::check(
        password,
        Some(&email),
        crate::auth::service::is_common_password,
    )
    .map_err(|i| AppError::validation("password", i))?;
    PasswordPolicy::check_confirmation(password, password_confirm)
        .map_err(|i| AppError::validation("password_confirm", i))?;
    let party = sqlx::query(
        "SELECT id, first_name, last_name, customer_id FROM contract_parties WHERE contract_id = $1 AND role = 'primary'",
    )
    .bind(contract_id)
    .fetch_one(&state.db.pool)
    .await?;
    let party_id: i64 = party.try_get("id")?;
    let existing: Option<i64> = party.try_get("customer_id")?;
    let taken: Option<i64> = sqlx::query("SELECT id FROM customers WHERE email = $1")
        .bind(email.as_str())
        .fetch_optional(&state.db.pool)
        .await?
        .map(|r| r.try_get("id"))
        .transpose()?;
    if taken.is_some() && taken != existing {
        return Err(AppError::validation(
            "email",
            crate::domain::Issue::EmailTaken,
        ));
    }
    let hash = state.hasher.hash(new.expose()).await?;
    let mut tx = state.db.begin().await?;
    let used = sqlx::query("UPDATE temp_logins SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
        .bind(now)
        .bind(temp_id)
        .execute(&mut *tx)
        .await?;
    if used.rows_affected() != 1 {
        return Err(AppError::InvalidToken);
    }
    let customer_id = match existing {
        Some(id) => {
            sqlx::query("UPDATE customers SET email = $1, password_hash = $2, status = 'active' WHERE id = $3")
                .bind(email.as_str())
                .bind(&hash)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM sessions WHERE customer_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            id
        }
        None => {
            let id: i64 = sqlx::query(
                "INSERT INTO customers (email, first_name, last_name, password_hash, status, created_at, activated_at) \
                 VALUES ($1, $2, $3, $4, 'active', $5, $5) RETURNING id",
            )
            .bind(email.as_str())
            .bind(party.try_get::<String, _>("first_name")?)
            .bind(party.try_get::<String, _>("last_name")?)
            .bind(&hash)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?
            .try_get("id")?;
            sqlx::query(
                "UPDATE contract_parties SET customer_id = $1, linked_at = $2 WHERE id = $3",
            )
            .bind(id)
            .bind(now)
            .bind(party_id)
            .execute(&mut *tx)
            .await?;
            id
        }
    };
    tx.commit().await?;
    audit::record(
        &state.db,
        now,
        client,
        AuthEvent {
            kind: "temporary_login_setup",
            success: true,
            customer_id: Some(customer_id),
            email: Some(email.as_str()),
            detail: Some(&number),
        },
    )
    .await;
    Ok(customer_id)
}

#[cfg(test)]
mod tests {
    #[test]
    fn temporary_passwords_are_long_and_grouped() {
        let p = super::new_password();
        assert_eq!(p.len(), 14);
        assert_eq!(p.matches('-').count(), 2);
        assert_ne!(p, super::new_password());
    }
}
