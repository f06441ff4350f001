//! Issue "production-safe", item 4: the client's address behind a load balancer. Only a trusted
//! proxy's X-Forwarded-For is read (right to left); a header sent by the client itself changes
//! nothing. Limits, the audit trail and the sessions list use the result.

use crate::common::*;

async fn failed_login_from(app: &TestApp, forwarded_for: &str) {
    let r = app
        .client()
        .post(format!("{}/api/login", app.base))
        .header("Origin", &app.base)
        .header("X-Forwarded-For", forwarded_for)
        .form(&[
            ("email", "nobody@example.com"),
            ("password", "wrong password"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}

async fn audited_ip(app: &TestApp) -> String {
    sqlx::query_scalar("SELECT ip FROM auth_events WHERE kind = 'login' ORDER BY id DESC LIMIT 1")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

async fn throttled_ips(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar("SELECT key FROM throttle WHERE key LIKE 'login:ip:%' ORDER BY key")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn spoofed_forwarded_for_is_ignored_without_trusted_proxies() {
    let app = spawn().await;
    failed_login_from(&app, "203.0.113.5").await;
    assert_eq!(audited_ip(&app).await, "127.0.0.1");
    assert_eq!(throttled_ips(&app).await, ["login:ip:127.0.0.1"]);
}

#[tokio::test]
async fn trusted_proxy_forwarded_for_names_the_client() {
    let app = spawn_with(Options {
        env: vec![("TRUSTED_PROXIES", "127.0.0.1/32".into())],
        ..Default::default()
    })
    .await;
    // The client wrote 1.2.3.4 itself; the load balancer appended what it saw.
    failed_login_from(&app, "1.2.3.4, 198.51.100.7").await;
    assert_eq!(audited_ip(&app).await, "198.51.100.7");
    assert_eq!(throttled_ips(&app).await, ["login:ip:198.51.100.7"]);
    // A sign-in's session records the same address (the Security page lists it).
    let email = "behind.proxy@example.com";
    let pw = app.registered_active(email).await;
    let c = reqwest::Client::builder()
        .cookie_store(true)
        .default_headers(
            [(
                reqwest::header::HeaderName::from_static("x-forwarded-for"),
                reqwest::header::HeaderValue::from_static("198.51.100.8"),
            )]
            .into_iter()
            .collect(),
        )
        .build()
        .unwrap();
    assert_eq!(login(&app, &c, email, &pw).await.status(), 200);
    let ip: String = sqlx::query_scalar(
        "SELECT s.ip FROM sessions s JOIN customers c ON c.id = s.customer_id WHERE c.email = $1",
    )
    .bind(email)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(ip, "198.51.100.8");
}
