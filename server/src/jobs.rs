//! Background jobs: mail delivery from the outbox and clean-up of expired sessions.

use app::infra::{outbox, session, AppState};

pub fn spawn(state: AppState) {
    tokio::spawn(outbox::run_worker(state.clone()));
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(300));
        loop {
            tick.tick().await;
            if let Err(e) = purge_sessions(&state).await {
                tracing::error!(error = %e, "session purge failed");
            }
        }
    });
}

/// Deletes sessions past their idle or absolute timeout.
pub async fn purge_sessions(state: &AppState) -> Result<u64, sqlx::Error> {
    let now = state.clock.unix();
    let r = sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
        .bind(now - session::IDLE_TIMEOUT_SECS)
        .bind(now - session::ABSOLUTE_TIMEOUT_SECS)
        .execute(&state.db.pool)
        .await?;
    Ok(r.rows_affected())
}
