//! Attempt throttling keyed by a string ("login:acct:<email>", "login:ip:<ip>", "register:ip:<ip>").
//! Each failure is counted in a window; past the allowance the key is locked for a delay that doubles
//! with every further failure (1, 2, 4 ... up to 15 minutes). Locks always expire, so the real owner
//! can get back in by waiting; a success clears the key. Unknown accounts are throttled exactly like
//! known ones, so the lock itself tells an attacker nothing.

use super::Db;
use crate::error::{AppError, ServiceError};

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
pub async fn check(db: &Db, key: &str, now: i64) -> Result<(), ServiceError> {
    let until: Option<i64> = sqlx::query_scalar("SELECT locked_until FROM throttle WHERE key = $1")
        .bind(key)
        .fetch_optional(&db.pool)
        .await?;
    if let Some(until) = until {
        if until > now {
            return Err(AppError::RateLimited {
                retry_after_secs: (until - now) as u64,
            }
            .into());
        }
    }
    Ok(())
}

impl Rule {
    /// The lock that the `n`th counted failure causes, if any.
    pub fn lock_after(self, n: i64) -> Option<i64> {
        (n >= self.allowed).then(|| {
            let doublings = (n - self.allowed).clamp(0, 20) as u32;
            (self.base_lock.saturating_mul(1i64 << doublings)).min(self.max_lock)
        })
    }

    /// Failures older than this start a new window.
    fn window_secs(self) -> i64 {
        self.window.max(self.max_lock)
    }
}

/// The one statement that counts: adds one to the key's failures (or starts a new window) and
/// sets `locked_until`, unless the key is locked now (then nothing changes and no row comes back).
/// One statement, so parallel requests cannot read the same count and lose each other's updates.
const COUNT: &str = "INSERT INTO throttle (key, failures, window_start, locked_until) VALUES ($1, 1, $2, $5) \
     ON CONFLICT (key) DO UPDATE SET \
       failures = CASE WHEN $2 - throttle.window_start > $3 THEN 1 ELSE throttle.failures + 1 END, \
       window_start = CASE WHEN $2 - throttle.window_start > $3 THEN $2 ELSE throttle.window_start END, \
       locked_until = CASE WHEN (CASE WHEN $2 - throttle.window_start > $3 THEN 1 ELSE throttle.failures + 1 END) >= $4 \
                           THEN $2 + $6 ELSE 0 END \
     WHERE throttle.locked_until <= $2 OR $7 = 1 \
     RETURNING failures";

async fn count(
    db: &Db,
    key: &str,
    now: i64,
    rule: Rule,
    lock_secs: i64,
    even_if_locked: bool,
) -> Result<Option<i64>, ServiceError> {
    let first_lock = if rule.allowed <= 1 {
        now + lock_secs
    } else {
        0
    };
    let n: Option<i64> = sqlx::query_scalar(COUNT)
        .bind(key)
        .bind(now)
        .bind(rule.window_secs())
        .bind(rule.allowed)
        .bind(first_lock)
        .bind(lock_secs)
        .bind(i64::from(even_if_locked))
        .fetch_optional(&db.pool)
        .await?;
    Ok(n)
}

async fn locked_error(db: &Db, key: &str, now: i64) -> ServiceError {
    match check(db, key, now).await {
        Err(e) => e,
        // The lock ended between the two statements: ask for a retry in a second.
        Ok(()) => ServiceError::Refused(AppError::RateLimited {
            retry_after_secs: 1,
        }),
    }
}

/// One attempt under `rule`, counted before it is judged: the attempt is reserved as a failure in
/// one atomic statement, and refused with `RateLimited` if the key is locked. The reservation that
/// reaches the allowance locks the key at once (for the longest lock) until its outcome is known,
/// so 50 parallel guesses get exactly as many tries as 50 sequential ones.
/// Then call `failed` (the real lock for that count) or `succeeded`.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub key: String,
    /// This attempt's number in the window.
    pub n: i64,
    rule: Rule,
}

pub async fn begin(db: &Db, key: &str, now: i64, rule: Rule) -> Result<Attempt, ServiceError> {
    match count(db, key, now, rule, rule.max_lock, false).await? {
        Some(n) => Ok(Attempt {
            key: key.to_owned(),
            n,
            rule,
        }),
        None => Err(locked_error(db, key, now).await),
    }
}

impl Attempt {
    /// The attempt failed: the key keeps the count and gets the lock that count earns. Returns
    /// the lock (seconds), if any.
    pub async fn failed(&self, db: &Db, now: i64) -> Result<Option<i64>, ServiceError> {
        let lock = self.rule.lock_after(self.n);
        if let Some(secs) = lock {
            sqlx::query("UPDATE throttle SET locked_until = $2 WHERE key = $1")
                .bind(&self.key)
                .bind(now + secs)
                .execute(&db.pool)
                .await?;
        }
        Ok(lock)
    }

    /// The attempt succeeded: its reservation is taken back (and the provisional lock it may
    /// have set, when no failure since has earned one). Earlier failures stay counted.
    pub async fn succeeded(&self, db: &Db) -> Result<(), ServiceError> {
        sqlx::query(
            "UPDATE throttle SET failures = failures - 1, \
             locked_until = CASE WHEN failures - 1 < $2 THEN 0 ELSE locked_until END \
             WHERE key = $1 AND failures > 0",
        )
        .bind(&self.key)
        .bind(self.rule.allowed)
        .execute(&db.pool)
        .await?;
        Ok(())
    }
}

/// Counts one failure that has already happened (where no attempt was reserved); returns the lock
/// (seconds) it caused, if any. Atomic: parallel failures are all counted.
pub async fn fail(db: &Db, key: &str, now: i64, rule: Rule) -> Result<Option<i64>, ServiceError> {
    let n = count(db, key, now, rule, 0, true)
        .await?
        .unwrap_or(rule.allowed);
    let attempt = Attempt {
        key: key.to_owned(),
        n,
        rule,
    };
    attempt.failed(db, now).await
}

/// A sign-in attempt, counted per IP (`LOGIN_IP`) and per account (`LOGIN_ACCOUNT`) before the
/// secret is checked. Customer, staff and contract-number sign-in all use it.
pub struct SignInAttempt {
    ip: Attempt,
    account: Attempt,
}

impl SignInAttempt {
    /// Reserves both; refused (`RateLimited`) if either key is locked, taking nothing.
    pub async fn begin(
        db: &Db,
        now: i64,
        ip_key: &str,
        account_key: &str,
    ) -> Result<Self, ServiceError> {
        let ip = begin(db, ip_key, now, LOGIN_IP).await?;
        match begin(db, account_key, now, LOGIN_ACCOUNT).await {
            Ok(account) => Ok(SignInAttempt { ip, account }),
            Err(e) => {
                ip.succeeded(db).await?;
                Err(e)
            }
        }
    }

    /// Wrong secret: both keep the count; returns the account's lock (seconds), if any.
    pub async fn failed(&self, db: &Db, now: i64) -> Result<Option<i64>, ServiceError> {
        let lock = self.account.failed(db, now).await?;
        self.ip.failed(db, now).await?;
        Ok(lock)
    }

    /// Right secret: the IP's reservation is taken back and the account's failures cleared.
    pub async fn succeeded(&self, db: &Db) -> Result<(), ServiceError> {
        self.ip.succeeded(db).await?;
        clear(&db.pool, &self.account.key).await.map(|_| ())
    }

    /// Right secret but no sign-in (e.g. not activated): both reservations taken back.
    pub async fn withdrawn(&self, db: &Db) -> Result<(), ServiceError> {
        self.ip.succeeded(db).await?;
        self.account.succeeded(db).await
    }
}

/// Simple counter limit ("at most `limit` per `window` seconds"); counts this attempt, atomically.
pub async fn hit(
    db: &Db,
    key: &str,
    now: i64,
    limit: i64,
    window: i64,
) -> Result<(), ServiceError> {
    let rule = Rule {
        allowed: limit + 1,
        window,
        base_lock: window,
        max_lock: window,
    };
    let attempt = begin(db, key, now, rule).await?;
    if attempt.n > limit {
        attempt.failed(db, now).await?;
        return Err(locked_error(db, key, now).await);
    }
    Ok(())
}

/// Forgets a key's failures and lock (on the pool, or inside a caller's transaction). Returns
/// whether there was anything to forget.
pub async fn clear<'c, E>(conn: E, key: &str) -> Result<bool, ServiceError>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    let done = sqlx::query("DELETE FROM throttle WHERE key = $1")
        .bind(key)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Until when `key` is locked, if it is locked at `now`.
pub async fn locked_until(db: &Db, key: &str, now: i64) -> Result<Option<i64>, ServiceError> {
    let until: Option<i64> = sqlx::query_scalar("SELECT locked_until FROM throttle WHERE key = $1")
        .bind(key)
        .fetch_optional(&db.pool)
        .await?
        .flatten();
    Ok(until.filter(|u| *u > now))
}

/// The throttle's keys, built in one place: what is counted, per what.
pub mod key {
    use std::fmt::Display;

    /// Wrong passwords of one login (the lock people see).
    pub fn login_account(email: impl Display) -> String {
        format!("login:acct:{email}")
    }
    /// Wrong temporary passwords for one contract number.
    pub fn login_contract(number: impl Display) -> String {
        format!("login:contract:{number}")
    }
    /// Wrong staff passwords or codes of one staff login.
    pub fn staff_account(email: impl Display) -> String {
        format!("staff:acct:{email}")
    }
    /// Wrong second steps of one login's sign-in.
    pub fn second_step(customer_id: i64) -> String {
        format!("second_step:{customer_id}")
    }
    /// Wrong re-authentications of one login.
    pub fn reauth(customer_id: i64) -> String {
        format!("reauth:{customer_id}")
    }
    /// Reset links asked for one address.
    pub fn reset_account(email: impl Display) -> String {
        format!("reset:acct:{email}")
    }
    /// Cards one login asked the processor to check (card testing is throttled).
    pub fn card_check(customer_id: i64) -> String {
        format!("card_check:{customer_id}")
    }
    /// Messages one login sent to the lender (new conversations and replies).
    pub fn message(customer_id: i64) -> String {
        format!("message:{customer_id}")
    }
    /// Files one customer or member of staff uploaded (`party` is `customer:ID` or `staff:ID`).
    pub fn upload(party: &str) -> String {
        format!("upload:{party}")
    }
    /// Linking attempts of one customer.
    pub fn link(customer_id: i64) -> String {
        format!("link:cust:{customer_id}")
    }
    /// `action` (login, register, resend, reset, username, passkey_begin) from one address.
    pub fn per_ip(action: &str, ip: impl Display) -> String {
        format!("{action}:ip:{ip}")
    }
}
