//! Transactional outbox for mail: a feature writes the message in the same transaction as the change
//! that caused it, and a background worker delivers it with retries. A failing SMTP server therefore
//! never loses a message nor half-completes a registration. With many instances on one database,
//! each batch is claimed by one instance (`claim_batch`, see `infra::jobs`), so a message is sent
//! once, and a batch left by a crashed instance is taken over when its claim expires.

use super::{mailer::Mail, AppState};
use std::sync::Arc;
use tokio::sync::Notify;

/// Wakes the worker as soon as something is queued.
#[derive(Clone, Default)]
pub struct OutboxSignal(Arc<Notify>);

impl OutboxSignal {
    pub fn wake(&self) {
        self.0.notify_one();
    }
}

/// Queues a message inside the caller's transaction.
pub async fn enqueue(
    conn: &mut sqlx::AnyConnection,
    mail: &Mail,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO mail_outbox (created_at, next_attempt_at, attempts, to_addr, subject, body_text, body_html) \
         VALUES ($1, $2, 0, $3, $4, $5, $6)",
    )
    .bind(now)
    .bind(now)
    .bind(&mail.to)
    .bind(&mail.subject)
    .bind(&mail.text)
    .bind(&mail.html)
    .execute(conn)
    .await?;
    Ok(())
}

/// Queues a message that goes with no other change, and wakes the worker.
pub async fn send(state: &AppState, mail: &Mail) -> Result<(), sqlx::Error> {
    let mut conn = state.db.pool.acquire().await?;
    enqueue(&mut conn, mail, state.clock.unix()).await?;
    state.outbox.wake();
    Ok(())
}

/// How long a claimed batch is this instance's alone. Longer than a batch takes to send (the SMTP
/// client times out well before), so a claim only expires when its owner died.
pub const CLAIM_SECS: i64 = 120;
const BATCH: i64 = 20;

/// One claimed message.
pub struct Claimed {
    pub id: i64,
    pub attempts: i64,
    pub mail: Mail,
}

/// Claims up to a batch of due messages for `owner` in one statement. The outer WHERE re-checks
/// the claim on each row it changes, so on PostgreSQL a concurrent claimer that waited for the row
/// lock skips rows just claimed by another instance, and on SQLite the statement runs alone.
/// Claims that expired (their owner crashed) are taken over.
pub async fn claim_batch(state: &AppState, owner: &str) -> Result<Vec<Claimed>, sqlx::Error> {
    let now = state.clock.unix();
    // A read first: an idle worker never takes a write lock (SQLite has one writer at a time).
    let due: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM mail_outbox WHERE sent_at IS NULL AND attempts < 8 AND next_attempt_at <= $1 \
         AND (claim_until IS NULL OR claim_until <= $1) LIMIT 1",
    )
    .bind(now)
    .fetch_optional(&state.db.pool)
    .await?;
    if due.is_none() {
        return Ok(Vec::new());
    }
    let rows: Vec<(i64, i64, String, String, String, String)> = sqlx::query_as(
        "UPDATE mail_outbox SET claimed_by = $1, claim_until = $2 \
         WHERE id IN (SELECT id FROM mail_outbox \
                      WHERE sent_at IS NULL AND attempts < 8 AND next_attempt_at <= $3 \
                        AND (claim_until IS NULL OR claim_until <= $3) ORDER BY id LIMIT $4) \
           AND sent_at IS NULL AND (claim_until IS NULL OR claim_until <= $3) \
         RETURNING id, attempts, to_addr, subject, body_text, body_html",
    )
    .bind(owner)
    .bind(now + CLAIM_SECS)
    .bind(now)
    .bind(BATCH)
    .fetch_all(&state.db.pool)
    .await?;
    let mut out: Vec<Claimed> = rows
        .into_iter()
        .map(|(id, attempts, to, subject, text, html)| Claimed {
            id,
            attempts,
            mail: Mail {
                to,
                subject,
                text,
                html,
            },
        })
        .collect();
    out.sort_by_key(|c| c.id);
    Ok(out)
}

/// Claims what is due and sends it; returns how many were delivered. Bodies (which carry one-time
/// links) are blanked once delivered. Each message is marked sent right after it is handed to
/// SMTP, under this instance's claim.
pub async fn deliver_due(state: &AppState) -> Result<usize, sqlx::Error> {
    let owner = state.instance.clone();
    let now = state.clock.unix();
    let mut delivered = 0;
    for Claimed { id, attempts, mail } in claim_batch(state, &owner).await? {
        match state.mailer.send(&mail).await {
            Ok(()) => {
                sqlx::query(
                    "UPDATE mail_outbox SET sent_at = $1, attempts = $2, body_text = '', body_html = '', \
                     claimed_by = NULL, claim_until = NULL WHERE id = $3 AND claimed_by = $4",
                )
                .bind(state.clock.unix())
                .bind(attempts + 1)
                .bind(id)
                .bind(&*owner)
                .execute(&state.db.pool)
                .await?;
                delivered += 1;
            }
            Err(e) => {
                let backoff = 30i64 << attempts.min(8);
                tracing::warn!(outbox_id = id, attempt = attempts + 1, error = %e, "mail delivery failed; will retry");
                sqlx::query(
                    "UPDATE mail_outbox SET attempts = $1, next_attempt_at = $2, last_error = $3, \
                     claimed_by = NULL, claim_until = NULL WHERE id = $4 AND claimed_by = $5",
                )
                .bind(attempts + 1)
                .bind(now + backoff)
                .bind(e.to_string())
                .bind(id)
                .bind(&*owner)
                .execute(&state.db.pool)
                .await?;
            }
        }
    }
    Ok(delivered)
}

/// Runs forever: delivers on every wake-up and at least every two seconds; right away again while
/// batches keep coming.
pub async fn run_worker(state: AppState) {
    loop {
        match deliver_due(&state).await {
            Ok(n) if n > 0 => continue,
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "outbox worker"),
        }
        let _ = tokio::time::timeout(std::time::Duration::from_secs(2), state.outbox.0.notified())
            .await;
    }
}
