//! Who a customer is, and what the audit trail holds for them.

use super::TestApp;

/// The audit rows (`auth_events`) written for a customer so far: (kind, success), oldest first.
pub async fn audit_rows(app: &TestApp, customer_id: i64) -> Vec<(String, bool)> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT kind, success FROM auth_events WHERE customer_id = $1 ORDER BY id")
            .bind(customer_id)
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    rows.into_iter().map(|(k, s)| (k, s != 0)).collect()
}

/// Asserts that the newest audit row of `kind` for the customer is a success (and returns how
/// many rows of that kind there are).
pub async fn assert_audited(
    app: &TestApp,
    customer_id: i64,
    kind: app::domain::EventKind,
) -> usize {
    let rows = audit_rows(app, customer_id).await;
    let of_kind: Vec<bool> = rows
        .iter()
        .filter(|(k, _)| k == kind.code())
        .map(|(_, s)| *s)
        .collect();
    assert_eq!(
        of_kind.last(),
        Some(&true),
        "a successful `{}` row for customer {customer_id}; rows: {rows:?}",
        kind.code()
    );
    of_kind.len()
}

/// The id of the customer whose login is `email`.
pub async fn customer_id(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM customers WHERE email = $1")
        .bind(email)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}
