//! Contract-number sign-in with a staff-issued temporary password (seed 002: "the login is the
//! contract number; the password the bank issues is temporary and must be changed"). Staff issue
//! it (CLI `create-temp-login`, later the back office); it expires after 72 hours and only one per
//! contract is live. Signing in with it gives a 15-minute set-up token (a cookie) with which the
//! person chooses their own email and password (`takeover`), then an emailed code confirms the new
//! address, and only then is anything changed.

use crate::domain::EventKind;
use crate::error::{AppError, ServiceError};
use crate::infra::audit::{AuthEvent, ClientInfo};
use crate::infra::{throttle, tokens, AppState, Config};
use rand::Rng;

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
) -> Result<(String, i64), ServiceError> {
    let now = state.clock.unix();
    let number = normalise_contract_number(contract_number);
    let contract_id: i64 =
        sqlx::query_scalar("SELECT id FROM contracts WHERE contract_number = $1")
            .bind(&number)
            .fetch_optional(&state.db.pool)
            .await?
            .ok_or(AppError::NotFound)?;
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
) -> Result<String, ServiceError> {
    let now = state.clock.unix();
    let number = normalise_contract_number(contract_number);
    let acct_key = throttle::key::login_contract(&number);
    let ip_key = throttle::key::per_ip("login", &client.ip);
    let attempt = throttle::SignInAttempt::begin(&state.db, now, &ip_key, &acct_key).await?;
    let row: Option<(i64, String)> = sqlx::query_as(
        "SELECT t.id, t.password_hash FROM temp_logins t JOIN contracts c ON c.id = t.contract_id \
         WHERE c.contract_number = $1 AND t.used_at IS NULL AND t.expires_at > $2 ORDER BY t.id DESC LIMIT 1",
    )
    .bind(&number)
    .bind(now)
    .fetch_optional(&state.db.pool)
    .await?;
    let (id, hash) = row.map_or((None, None), |(id, hash)| (Some(id), Some(hash)));
    let ok = state.hasher.verify(password.trim(), hash).await?;
    let event = |success, number| AuthEvent::new(EventKind::LoginTemporary, success).detail(number);
    let Some(id) = id.filter(|_| ok) else {
        attempt.failed(&state.db, now).await?;
        event(false, &number).record(&state.db, now, client).await;
        return Err(AppError::InvalidCredentials.into());
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
    event(true, &number).record(&state.db, now, client).await;
    Ok(token)
}

/// The contract number a live set-up token belongs to.
pub async fn setup_contract(state: &AppState, token: &str) -> Result<String, ServiceError> {
    let row = live_setup(state, token).await?;
    Ok(row.1)
}

pub(super) async fn live_setup(
    state: &AppState,
    token: &str,
) -> Result<(i64, String, i64), ServiceError> {
    if !tokens::looks_like_token(token) {
        return Err(AppError::InvalidToken.into());
    }
    let now = state.clock.unix();
    Ok(sqlx::query_as(
        "SELECT t.id, c.contract_number, c.id AS contract_id FROM temp_logins t JOIN contracts c ON c.id = t.contract_id \
         WHERE t.setup_token_hash = $1 AND t.used_at IS NULL AND t.setup_expires_at > $2 AND t.expires_at > $2",
    )
    .bind(tokens::hash_token(token))
    .bind(now)
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or(AppError::InvalidToken)?)
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
