//! The audit trail of customer-side events (registration, sign-in, sign-out, lockouts, changes to
//! the login, what staff did to it). Rows are written for successes and failures alike; passwords
//! and tokens are never recorded. An event is built and written in one expression:
//!
//! ```ignore
//! AuthEvent::ok(EventKind::Logout).customer(id).record(&state.db, now, &client).await;
//! ```

use super::Db;
use crate::domain::EventKind;

/// Who did it and from where.
#[derive(Debug, Clone, Default)]
pub struct ClientInfo {
    pub ip: String,
    pub user_agent: String,
}

#[must_use = "an event is written only by `record`"]
pub struct AuthEvent<'a> {
    kind: EventKind,
    success: bool,
    customer_id: Option<i64>,
    email: Option<&'a str>,
    detail: Option<&'a str>,
}

impl<'a> AuthEvent<'a> {
    pub fn new(kind: EventKind, success: bool) -> Self {
        AuthEvent {
            kind,
            success,
            customer_id: None,
            email: None,
            detail: None,
        }
    }

    pub fn ok(kind: EventKind) -> Self {
        Self::new(kind, true)
    }

    pub fn failed(kind: EventKind) -> Self {
        Self::new(kind, false)
    }

    pub fn customer(mut self, id: i64) -> Self {
        self.customer_id = Some(id);
        self
    }

    /// The customer, when one is known.
    pub fn customer_opt(mut self, id: Option<i64>) -> Self {
        self.customer_id = id;
        self
    }

    /// The address the event was about (a sign-in attempt for an unknown login has only this).
    pub fn email(mut self, email: &'a str) -> Self {
        self.email = Some(email);
        self
    }

    /// A short code-like note for staff ("honeypot", "locked"); never a secret.
    pub fn detail(mut self, detail: &'a str) -> Self {
        self.detail = Some(detail);
        self
    }

    /// Writes the event. A failed write is logged and does not fail the request: the trail must
    /// not stop people signing in, and the log keeps what it lost.
    pub async fn record(self, db: &Db, at: i64, client: &ClientInfo) {
        let result = sqlx::query(
            "INSERT INTO auth_events (at, customer_id, email, ip, user_agent, kind, success, detail) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(at)
        .bind(self.customer_id)
        .bind(self.email)
        .bind(&client.ip)
        .bind(truncate(&client.user_agent, 400))
        .bind(self.kind.code())
        .bind(self.success as i64)
        .bind(self.detail)
        .execute(&db.pool)
        .await;
        if let Err(e) = result {
            tracing::error!(error = %e, kind = self.kind.code(), "audit write failed");
        }
    }
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}
