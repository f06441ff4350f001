//! Ten single-use recovery codes, for when the phone with the authenticator app or passkey is lost.
//! Shown once at generation; stored as keyed SHA-256 hashes (50 random bits each, so a salted slow
//! hash is not needed against guessing, and the key keeps a stolen table useless offline).

use super::normalise_recovery_code;
use crate::error::{AppError, ServiceError};
use crate::infra::{AppState, Config};
use rand::Rng;
use sha2::{Digest, Sha256};

pub const COUNT: usize = 10;
/// No 0/O, 1/I/L: easy to read aloud and type.
const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

fn hash(config: &Config, normalised: &str) -> String {
    let mut h = Sha256::new();
    h.update(&config.session_secret);
    h.update(b":recovery-code:");
    h.update(normalised.as_bytes());
    hex::encode(h.finalize())
}

fn new_code() -> String {
    let mut rng = rand::rngs::OsRng;
    let raw: String = (0..10)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect();
    format!("{}-{}", &raw[..5], &raw[5..])
}

/// Replaces the login's codes with ten new ones inside `tx` and returns them (the only time they
/// are shown). Called only from `lifecycle.rs`, where the rule about when codes exist lives.
pub async fn replace(
    tx: &mut sqlx::AnyConnection,
    state: &AppState,
    customer_id: i64,
) -> Result<Vec<String>, ServiceError> {
    let now = state.clock.unix();
    let codes: Vec<String> = (0..COUNT).map(|_| new_code()).collect();
    sqlx::query("DELETE FROM recovery_codes WHERE customer_id = $1")
        .bind(customer_id)
        .execute(&mut *tx)
        .await?;
    for code in &codes {
        sqlx::query(
            "INSERT INTO recovery_codes (customer_id, code_hash, created_at) VALUES ($1, $2, $3)",
        )
        .bind(customer_id)
        .bind(hash(&state.config, &normalise_recovery_code(code)))
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    Ok(codes)
}

/// Uses up one code. The keyed hash is looked up, so no code is ever compared in the clear.
pub async fn consume(state: &AppState, customer_id: i64, code: &str) -> Result<(), ServiceError> {
    let normalised = normalise_recovery_code(code);
    if normalised.len() != 10 {
        return Err(AppError::CodeIncorrect.into());
    }
    let used = sqlx::query(
        "UPDATE recovery_codes SET used_at = $1 WHERE customer_id = $2 AND code_hash = $3 AND used_at IS NULL",
    )
    .bind(state.clock.unix())
    .bind(customer_id)
    .bind(hash(&state.config, &normalised))
    .execute(&state.db.pool)
    .await?;
    if used.rows_affected() != 1 {
        return Err(AppError::CodeIncorrect.into());
    }
    Ok(())
}

pub async fn remaining(state: &AppState, customer_id: i64) -> Result<i64, ServiceError> {
    remaining_in(&mut *state.db.pool.acquire().await?, customer_id).await
}

/// Unused codes left, read inside a caller's transaction.
pub async fn remaining_in(
    conn: &mut sqlx::AnyConnection,
    customer_id: i64,
) -> Result<i64, ServiceError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM recovery_codes WHERE customer_id = $1 AND used_at IS NULL",
    )
    .bind(customer_id)
    .fetch_one(conn)
    .await?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_are_ten_unambiguous_characters() {
        let c = super::new_code();
        assert_eq!(c.len(), 11);
        assert_eq!(&c[5..6], "-");
        assert!(c
            .chars()
            .filter(|ch| *ch != '-')
            .all(|ch| super::ALPHABET.contains(&(ch as u8))));
        assert_ne!(super::new_code(), super::new_code());
    }
}
