//! Attempt throttling keyed by a string ("login:acct:<email>", "login:ip:<ip>", "register:ip:<ip>").
//! Each failure is counted in a window; past the allowance the key is locked for a delay that doubles
//! with every further failure (1, 2, 4 ... up to 15 minutes). Locks always expire, so the real owner
//! can get back in by waiting; a success clears the key. Unknown accounts are throttled exactly like
//! known ones, so the lock itself tells an attacker nothing.

use super::Db;
use crate::error::AppError;
use sqlx::Row;

#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Failures allowed inside `window` before locking.
    pub allowed: i64,
    /// Seconds after the first failure in which failures are counted.
    pub window: i64,
    /// First lock duration in seconds; doubles with each failure past `allowed`.
    pub base_lock: i64,
    pub max_lock: i64,
}

pub const LOGIN_ACCOUNT: Rule = Rule {
    allowed: 5,
    window: 15 * 60,
    base_lock: 60,
    max_lock: 15 * 60,
};
pub const LOGIN_IP: Rule = Rule {
    allowed: 30,
    window: 15 * 60,
    base_lock: 60,
    max_lock: 15 * 60,
};

/// Second steps of a sign-in (codes, authenticator, recovery codes) per login. Each emailed code
/// also dies after 5 wrong tries on its own.
pub const SECOND_STEP: Rule = Rule {
    allowed: 10,
    window: 15 * 60,
    base_lock: 60,
    max_lock: 15 * 60,
};

/// Fails with `RateLimited` while the key is locked.
pub async fn check(db: &Db, key: &str, now: i64) -> Result<(), AppError> {
    let row = sqlx::query("SELECT locked_until FROM throttle WHERE key = $1")
        .bind(key)
        .fetch_optional(&db.pool)
        .await?;
    if let Some(row) = row {
        let until: i64 = row.try_get("locked_until")?;
        if until > now {
            return Err(AppError::RateLimited {
                retry_after_secs: (until - now) as u64,
            });
        }
    }
    Ok(())
}

/// Counts one failure; returns the lock (seconds) it caused, if any.
pub async fn fail(db: &Db, key: &str, now: i64, rule: Rule) -> Result<Option<i64>, AppError> {
    let row = sqlx::query("SELECT failures, window_start FROM throttle WHERE key = $1")
        .bind(key)
        .fetch_optional(&db.pool)
        .await?;
    let (failures, window_start) = match row {
        Some(r) => {
            let f: i64 = r.try_get("failures")?;
            let w: i64 = r.try_get("window_start")?;
            if now - w > rule.window.max(rule.max_lock) {
                (1, now)
            } else {
                (f + 1, w)
            }
        }
        None => (1, now),
    };
    let lock = (failures >= rule.allowed).then(|| {
        let doublings = (failures - rule.allowed).clamp(0, 20) as u32;
        (rule.base_lock.saturating_mul(1i64 << doublings)).min(rule.max_lock)
    });
    let locked_until = lock.map(|l| now + l).unwrap_or(0);
    sqlx::query(
        "INSERT INTO throttle (key, failures, window_start, locked_until) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (key) DO UPDATE SET failures = $2, window_start = $3, locked_until = $4",
    )
    .bind(key)
    .bind(failures)
    .bind(window_start)
    .bind(locked_until)
    .execute(&db.pool)
    .await?;
    Ok(lock)
}

/// Simple counter limit ("at most `limit` per `window` seconds"); counts this attempt.
pub async fn hit(db: &Db, key: &str, now: i64, limit: i64, window: i64) -> Result<(), AppError> {
    check(db, key, now).await?;
    let rule = Rule {
        allowed: limit + 1,
        window,
        base_lock: window,
        max_lock: window,
    };
    fail(db, key, now, rule).await?;
    check(db, key, now).await
}

pub async fn clear(db: &Db, key: &str) -> Result<(), AppError> {
    sqlx::query("DELETE FROM throttle WHERE key = $1")
        .bind(key)
        .execute(&db.pool)
        .await?;
    Ok(())
}
