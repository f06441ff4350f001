//! The one job mechanism. Many instances share one database, so background work is claimed there,
//! never assumed by a process:
//! - Periodic jobs (session purge; later autopay, settlement, statements, retention) hold a lease
//!   row in `job_leases`: `lease` takes it in one statement, only when the last lease has expired
//!   and the job is due, so each run happens on exactly one instance; a crashed owner's lease runs
//!   out and the next instance takes over.
//! - Queued rows (the mail outbox; later drafts and settlements) carry `claimed_by` and
//!   `claim_until`: a batch is claimed by one UPDATE that re-checks the claim on every row it
//!   changes (see `outbox::claim_batch`), so two instances never hold the same row, and a claim
//!   left by a crash expires and is taken over.
//!
//! Times come from the app clock, so tests expire leases by moving time.

use super::Db;
use std::future::Future;

/// This process's name in `claimed_by` / `owner`: pid and a random suffix (unique per start).
pub fn instance_id() -> String {
    format!("{}-{:08x}", std::process::id(), rand::random::<u32>())
}

/// Takes the lease of job `name` for `ttl` seconds if it is free (expired) and the job is due
/// (`every` seconds since its last run). True when this instance should run it now.
pub async fn lease(
    db: &Db,
    name: &str,
    owner: &str,
    now: i64,
    ttl: i64,
    every: i64,
) -> Result<bool, sqlx::Error> {
    let took: Option<String> = sqlx::query_scalar(
        "INSERT INTO job_leases (name, owner, lease_until, last_run_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (name) DO UPDATE SET owner = $2, lease_until = $3, last_run_at = $4 \
         WHERE job_leases.lease_until <= $4 AND job_leases.last_run_at + $5 <= $4 \
         RETURNING owner",
    )
    .bind(name)
    .bind(owner)
    .bind(now + ttl)
    .bind(now)
    .bind(every)
    .fetch_optional(&db.pool)
    .await?;
    Ok(took.is_some())
}

/// Ends this instance's lease early (the run finished); the job stays not due until `every` has
/// passed since it started.
pub async fn release(db: &Db, name: &str, owner: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE job_leases SET lease_until = 0 WHERE name = $1 AND owner = $2")
        .bind(name)
        .bind(owner)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// A periodic job: how often it runs (across all instances) and how long a run may hold it.
#[derive(Debug, Clone, Copy)]
pub struct Periodic {
    pub name: &'static str,
    pub every_secs: i64,
    pub lease_secs: i64,
}

/// Runs `job` once if this instance gets the lease; returns whether it ran.
pub async fn run_if_due<F, Fut, E>(
    state: &super::AppState,
    job: Periodic,
    f: F,
) -> Result<bool, sqlx::Error>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<(), E>>,
    E: std::fmt::Display,
{
    let now = state.clock.unix();
    if !lease(
        &state.db,
        job.name,
        &state.instance,
        now,
        job.lease_secs,
        job.every_secs,
    )
    .await?
    {
        return Ok(false);
    }
    if let Err(e) = f().await {
        tracing::error!(job = job.name, error = %e, "background job failed");
    }
    release(&state.db, job.name, &state.instance).await?;
    Ok(true)
}
