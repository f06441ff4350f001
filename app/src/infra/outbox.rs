//! Transactional outbox for mail: a feature writes the message in the same transaction as the change
//! that caused it, and a background worker delivers it with retries. A failing SMTP server therefore
//! never loses a message nor half-completes a registration.

use super::{mailer::Mail, AppState};
use sqlx::Row;
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

/// Sends what is due; returns how many were delivered. Bodies (which carry one-time links) are
/// blanked once delivered.
pub async fn deliver_due(state: &AppState) -> Result<usize, sqlx::Error> {
    let now = state.clock.unix();
    let rows = sqlx::query(
        "SELECT id, attempts, to_addr, subject, body_text, body_html FROM mail_outbox \
         WHERE sent_at IS NULL AND attempts < 8 AND next_attempt_at <= $1 ORDER BY id LIMIT 20",
    )
    .bind(now)
    .fetch_all(&state.db.pool)
    .await?;
    let mut delivered = 0;
    for row in rows {
        let id: i64 = row.try_get("id")?;
        let attempts: i64 = row.try_get("attempts")?;
        let mail = Mail {
            to: row.try_get("to_addr")?,
            subject: row.try_get("subject")?,
            text: row.try_get("body_text")?,
            html: row.try_get("body_html")?,
        };
        match state.mailer.send(&mail).await {
            Ok(()) => {
                sqlx::query("UPDATE mail_outbox SET sent_at = $1, attempts = $2, body_text = '', body_html = '' WHERE id = $3")
                    .bind(state.clock.unix())
                    .bind(attempts + 1)
                    .bind(id)
                    .execute(&state.db.pool)
                    .await?;
                delivered += 1;
            }
            Err(e) => {
                let backoff = 30i64 << attempts.min(8);
                tracing::warn!(outbox_id = id, attempt = attempts + 1, error = %e, "mail delivery failed; will retry");
                sqlx::query(
                    "UPDATE mail_outbox SET attempts = $1, next_attempt_at = $2, last_error = $3 WHERE id = $4",
                )
                .bind(attempts + 1)
                .bind(now + backoff)
                .bind(e.to_string())
                .bind(id)
                .execute(&state.db.pool)
                .await?;
            }
        }
    }
    Ok(delivered)
}

/// Runs forever: delivers on every wake-up and at least every two seconds.
pub async fn run_worker(state: AppState) {
    loop {
        if let Err(e) = deliver_due(&state).await {
            tracing::error!(error = %e, "outbox worker");
        }
        let _ = tokio::time::timeout(std::time::Duration::from_secs(2), state.outbox.0.notified())
            .await;
    }
}
