//! How long a temporary password and the set-up after it last.

use super::seeded;
use crate::common::*;
use app::error::AppError;

#[tokio::test]
async fn temporary_passwords_expire_and_only_the_newest_works() {
    let app = seeded().await;
    let (first, _) = app::signin::temporary::issue(&app.state, "LN-2024-005120", "test")
        .await
        .unwrap();
    let (second, expires) = app::signin::temporary::issue(&app.state, "LN-2024-005120", "test")
        .await
        .unwrap();
    assert_eq!(
        expires,
        app::infra::Clock::unix(app.clock.as_ref()) + 72 * 3600
    );
    let c = app.client();
    let form = |pw: &str| {
        vec![
            ("contract_number", "LN-2024-005120".to_string()),
            ("password", pw.to_string()),
        ]
    };
    let post = |pw: String| {
        let (app, c) = (&app, &c);
        async move {
            let f = form(&pw);
            let refs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post(c, "/api/login_temporary", &refs)
                .await
                .status()
                .as_u16()
        }
    };
    assert_eq!(post(first).await, 401, "replaced by the newer one");
    app.advance(72 * 3600 + 1);
    assert_eq!(post(second).await, 401, "expired");
    // Set-up tokens are useless without a live temporary login.
    let r = app
        .post(
            &c,
            "/api/complete_setup",
            &[
                ("email", "x@example.com"),
                ("password", "blue heron lantern"),
                ("password_confirm", "blue heron lantern"),
            ],
        )
        .await;
    assert_eq!(error_of(r).await, AppError::InvalidToken);
}

/// The set-up that follows a temporary-password sign-in lasts 15 minutes: at 14:59 it still
/// answers, one second past 15 minutes it is refused, and nothing was set up.
#[tokio::test]
async fn the_set_up_token_expires_after_fifteen_minutes() {
    let app = seeded().await;
    let (temp, _) = app::signin::temporary::issue(&app.state, "LN-2024-005121", "test")
        .await
        .unwrap();
    let c = app.client();
    let ok = app
        .post(
            &c,
            "/api/login_temporary",
            &[("contract_number", "LN-2024-005121"), ("password", &temp)],
        )
        .await;
    assert_eq!(ok.status(), 200);
    let status = || async { app.post(&c, "/api/setup_status", &[]).await };
    app.advance(app::signin::temporary::SETUP_TTL_SECS - 1);
    assert_eq!(status().await.status(), 200, "still open at 14:59");
    app.advance(2);
    assert_eq!(error_of(status().await).await, AppError::InvalidToken);
    let r = app
        .post(
            &c,
            "/api/complete_setup",
            &[
                ("email", "taylor@example.com"),
                ("password", "blue heron lantern"),
                ("password_confirm", "blue heron lantern"),
            ],
        )
        .await;
    assert_eq!(error_of(r).await, AppError::InvalidToken);
    let made: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM customers WHERE email = 'taylor@example.com'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(made, 0);
}
