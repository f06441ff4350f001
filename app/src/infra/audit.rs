//! The audit trail of authentication events (registration, activation, sign-in, sign-out, lockouts).
//! Rows are written for successes and failures alike; passwords and tokens are never recorded.

use super::Db;

/// Who did it and from where.
#[derive(Debug, Clone, Default)]
pub struct ClientInfo {
    pub ip: String,
    pub user_agent: String,
}

pub struct AuthEvent<'a> {
    pub kind: &'a str,
    pub success: bool,
    pub customer_id: Option<i64>,
    pub email: Option<&'a str>,
    pub detail: Option<&'a str>,
}

pub async fn record(db: &Db, at: i64, client: &ClientInfo, event: AuthEvent<'_>) {
    let result = sqlx::query(
        "INSERT INTO auth_events (at, customer_id, email, ip, user_agent, kind, success, detail) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(at)
    .bind(event.customer_id)
    .bind(event.email)
    .bind(&client.ip)
    .bind(truncate(&client.user_agent, 400))
    .bind(event.kind)
    .bind(event.success as i64)
    .bind(event.detail)
    .execute(&db.pool)
    .await;
    if let Err(e) = result {
        tracing::error!(error = %e, kind = event.kind, "audit write failed");
    }
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Shorthand for an event about a known customer.
pub async fn customer_event(
    db: &Db,
    at: i64,
    client: &ClientInfo,
    kind: &str,
    success: bool,
    customer_id: i64,
    detail: Option<&str>,
) {
    record(
        db,
        at,
        client,
        AuthEvent {
            kind,
            success,
            customer_id: Some(customer_id),
            email: None,
            detail,
        },
    )
    .await
}
