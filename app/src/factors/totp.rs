//! Authenticator apps (RFC 6238 TOTP via totp-rs: SHA-1, 6 digits, 30 s, ±1 step for clock drift).
//! The secret is 160 random bits. The last accepted time step is stored, so a code can never be
//! used twice (not even within its 30 seconds). Time comes from the app clock, so tests control it.

use super::TotpEnrolment;
use crate::error::{AppError, ServiceError};
use crate::infra::crypto::open_stored;
use crate::infra::{tokens, AppState};
use totp_rs::{Algorithm, Secret, TOTP};

pub const ISSUER: &str = "Northstar Auto Finance";
const STEP: u64 = 30;

fn build(secret_b32: &str, account: &str) -> Result<TOTP, ServiceError> {
    let bytes = Secret::Encoded(secret_b32.to_owned())
        .to_bytes()
        .map_err(ServiceError::failed("authenticator set-up"))?;
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        STEP,
        bytes,
        Some(ISSUER.to_owned()),
        account.to_owned(),
    )
    .map_err(ServiceError::failed("TOTP set-up"))
}

/// The code for a unix time (used by tests and by nothing else on the server).
pub fn code_at(secret_b32: &str, unix: i64) -> Result<String, ServiceError> {
    Ok(build(secret_b32, "x")?.generate(unix as u64))
}

/// A new 160-bit secret (base32).
pub fn new_secret() -> String {
    Secret::generate_secret().to_encoded().to_string()
}

/// The `otpauth://` address an authenticator app scans for `secret` and `account`.
pub fn otpauth_uri(secret_b32: &str, account: &str) -> Result<String, ServiceError> {
    Ok(build(secret_b32, account)?.get_url())
}

/// The time step of `code` for `secret` (within ±1 of `now`, newer than `after`), if it matches;
/// callers store the step so the code cannot be used again.
pub fn step_of(
    secret_b32: &str,
    code: &str,
    now: i64,
    after: i64,
) -> Result<Option<i64>, ServiceError> {
    Ok(matching_step(&build(secret_b32, "x")?, code, now, after))
}

/// The time step (within ±1 of now, newer than `after`) whose code is `code`.
fn matching_step(t: &TOTP, code: &str, now: i64, after: i64) -> Option<i64> {
    let typed = crate::domain::codes::clean_code(code);
    let current = now / STEP as i64;
    (current - 1..=current + 1)
        .filter(|step| *step > after)
        .find(|step| tokens::secure_eq(&t.generate((*step as u64) * STEP), &typed))
}

/// Starts enrolment: a new secret waits in `totp_pending_secret` until a code confirms it.
pub async fn begin(state: &AppState, customer_id: i64) -> Result<TotpEnrolment, ServiceError> {
    let email: String = sqlx::query_scalar("SELECT email FROM customers WHERE id = $1")
        .bind(customer_id)
        .fetch_one(&state.db.pool)
        .await?;
    let secret = Secret::generate_secret().to_encoded().to_string();
    let t = build(&secret, &email)?;
    sqlx::query("UPDATE customers SET totp_pending_secret = $1 WHERE id = $2")
        .bind(state.config.data_keys.seal(&secret))
        .bind(customer_id)
        .execute(&state.db.pool)
        .await?;
    let uri = t.get_url();
    let qr = qrcode::QrCode::new(uri.as_bytes())
        .map_err(ServiceError::failed("authenticator set-up"))?;
    let qr_svg = qr
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    Ok(TotpEnrolment {
        secret,
        otpauth_uri: uri,
        qr_svg,
    })
}

/// Confirms enrolment with a code from the app; the pending secret becomes the login's.
pub async fn confirm(state: &AppState, customer_id: i64, code: &str) -> Result<(), ServiceError> {
    let pending: Option<String> =
        sqlx::query_scalar("SELECT totp_pending_secret FROM customers WHERE id = $1")
            .bind(customer_id)
            .fetch_one(&state.db.pool)
            .await?;
    let Some(sealed) = pending else {
        return Err(AppError::InvalidToken.into());
    };
    let secret = open_stored(&state.config.data_keys, &sealed)?;
    let t = build(&secret, "x")?;
    let step = matching_step(&t, code, state.clock.unix(), 0).ok_or(AppError::CodeIncorrect)?;
    sqlx::query(
        "UPDATE customers SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_last_step = $1 WHERE id = $2",
    )
    .bind(step)
    .bind(customer_id)
    .execute(&state.db.pool)
    .await?;
    Ok(())
}

/// Checks a sign-in or re-authentication code against the enrolled secret.
pub async fn verify(state: &AppState, customer_id: i64, code: &str) -> Result<(), ServiceError> {
    let (sealed, last): (Option<String>, i64) =
        sqlx::query_as("SELECT totp_secret, totp_last_step FROM customers WHERE id = $1")
            .bind(customer_id)
            .fetch_one(&state.db.pool)
            .await?;
    let Some(sealed) = sealed else {
        return Err(AppError::CodeIncorrect.into());
    };
    let secret = open_stored(&state.config.data_keys, &sealed)?;
    let t = build(&secret, "x")?;
    let step = matching_step(&t, code, state.clock.unix(), last).ok_or(AppError::CodeIncorrect)?;
    // Only one request can move the step forward: a replay racing this one loses here.
    let moved = sqlx::query(
        "UPDATE customers SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1",
    )
    .bind(step)
    .bind(customer_id)
    .execute(&state.db.pool)
    .await?;
    if moved.rows_affected() != 1 {
        return Err(AppError::CodeIncorrect.into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 6238 appendix B, SHA-1, secret "12345678901234567890" (base32 below), 8 digits there;
    // the last 6 digits of those values are the 6-digit codes.
    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn matches_rfc_6238_vectors() {
        assert_eq!(code_at(RFC_SECRET, 59).unwrap(), "287082");
        assert_eq!(code_at(RFC_SECRET, 1_111_111_109).unwrap(), "081804");
        assert_eq!(code_at(RFC_SECRET, 1_234_567_890).unwrap(), "005924");
    }

    #[test]
    fn accepts_one_step_of_drift_and_never_an_old_step() {
        let t = build(RFC_SECRET, "x").unwrap();
        let now = 1_234_567_890;
        let prev = t.generate((now - 30) as u64);
        let far = t.generate((now - 90) as u64);
        let step = now / 30;
        assert_eq!(matching_step(&t, &prev, now, 0), Some(step - 1));
        assert_eq!(matching_step(&t, &far, now, 0), None);
        assert_eq!(
            matching_step(&t, &prev, now, step - 1),
            None,
            "replay refused"
        );
    }
}
