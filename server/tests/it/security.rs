//! Abuse and transport rules: throttling, no account enumeration, session timeouts and rotation,
//! cross-site request rejection, security headers, compression and body limits.

use crate::common::*;
use app::error::AppError;

#[tokio::test]
async fn login_is_throttled_and_the_lock_expires() {
    let app = spawn().await;
    let pw = app.registered_active("tess@example.com").await;
    let c = app.client();
    for attempt in 1..=5 {
        let r = login(&app, &c, "tess@example.com", "wrong password here").await;
        assert_eq!(r.status(), 401, "attempt {attempt}");
    }
    // Locked now: even the right password waits, and the answer says for how long.
    let r = login(&app, &c, "tess@example.com", &pw).await;
    assert_eq!(r.status(), 429);
    let retry: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "{retry}");
    assert!(matches!(error_of(r).await, AppError::RateLimited { .. }));

    // The real user gets out by waiting.
    app.advance(61);
    assert_eq!(login(&app, &c, "tess@example.com", &pw).await.status(), 200);

    // The delay grows with further failures.
    for _ in 0..5 {
        login(&app, &c, "tess@example.com", "wrong password here").await;
    }
    app.advance(61);
    assert_eq!(
        login(&app, &c, "tess@example.com", "wrong password here")
            .await
            .status(),
        401
    );
    let r = login(&app, &c, "tess@example.com", &pw).await;
    assert_eq!(r.status(), 429, "second lock is longer than a minute");
    let retry: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 60 && retry <= 120, "{retry}");

    let locked: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM auth_events WHERE detail = 'bad credentials; locked'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert!(locked >= 1);
}

#[tokio::test]
async fn unknown_email_and_wrong_password_look_the_same() {
    let app = spawn().await;
    app.registered_active("real@example.com").await;
    let c = app.client();
    let t0 = std::time::Instant::now();
    let wrong = login(&app, &c, "real@example.com", "not the password").await;
    let t_wrong = t0.elapsed();
    let t1 = std::time::Instant::now();
    let unknown = login(&app, &c, "ghost@example.com", "not the password").await;
    let t_unknown = t1.elapsed();
    assert_eq!(wrong.status(), unknown.status());
    let (a, b) = (wrong.text().await.unwrap(), unknown.text().await.unwrap());
    assert_eq!(a, b);
    // Both paths run one argon2 verification; neither is an order of magnitude faster.
    assert!(
        t_unknown * 5 > t_wrong && t_wrong * 5 > t_unknown,
        "{t_wrong:?} vs {t_unknown:?}"
    );

    // Unknown addresses are throttled exactly like real ones.
    for _ in 0..5 {
        login(&app, &c, "ghost@example.com", "x-x-x-x-x").await;
    }
    assert_eq!(
        login(&app, &c, "ghost@example.com", "x-x-x-x-x")
            .await
            .status(),
        429
    );

    // Registering a taken address answers exactly like a new one; the owner gets an email.
    let taken = register(
        &app,
        &c,
        "Eve",
        "Mallory",
        "real@example.com",
        "maple syrup tuesday",
    )
    .await;
    let fresh = register(
        &app,
        &c,
        "Eve",
        "Mallory",
        "fresh@example.com",
        "maple syrup tuesday",
    )
    .await;
    assert_eq!(taken.status(), fresh.status());
    assert_eq!(taken.json::<String>().await.unwrap(), "real@example.com");
    assert_eq!(
        app.smtp
            .wait_subject("real@example.com", "You already have an account")
            .await
            .subject,
        "You already have an account"
    );
}

#[tokio::test]
async fn sessions_time_out_idle_and_absolute_and_rotate() {
    let app = spawn().await;
    let pw = app.registered_active("ivy@example.com").await;
    let c = app.client();
    let first = session_cookie(login(&app, &c, "ivy@example.com", &pw).await.headers())
        .unwrap()
        .0;
    // Signing in again rotates the id and kills the previous one.
    let second = session_cookie(login(&app, &c, "ivy@example.com", &pw).await.headers())
        .unwrap()
        .0;
    assert_ne!(first, second);
    let old: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(old, 1);

    // Idle: 14 minutes is fine, then 15+ minutes of silence ends it.
    app.advance(14 * 60);
    assert_ne!(current_user(&app, &c).await, serde_json::Value::Null);
    app.advance(15 * 60 + 1);
    assert_eq!(current_user(&app, &c).await, serde_json::Value::Null);

    // Absolute: activity every 10 minutes keeps it alive only up to 12 hours.
    login(&app, &c, "ivy@example.com", &pw).await;
    for _ in 0..71 {
        app.advance(10 * 60);
        assert_ne!(current_user(&app, &c).await, serde_json::Value::Null);
    }
    app.advance(10 * 60 + 1);
    assert_eq!(current_user(&app, &c).await, serde_json::Value::Null);
}

#[tokio::test]
async fn cross_site_posts_are_rejected() {
    let app = spawn().await;
    let pw = app.registered_active("csrf@example.com").await;
    let c = app.client();
    let url = format!("{}/api/login", app.base);
    let form = [("email", "csrf@example.com"), ("password", pw.as_str())];
    let evil = c
        .post(&url)
        .header("Origin", "https://evil.example")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(evil.status(), 403);
    assert_eq!(error_of(evil).await, AppError::Forbidden);
    let cross = c
        .post(&url)
        .header("Sec-Fetch-Site", "cross-site")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status(), 403);
    let same_site = c
        .post(&url)
        .header("Sec-Fetch-Site", "same-site")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(same_site.status(), 403);
    let ok = c
        .post(&url)
        .header("Sec-Fetch-Site", "same-origin")
        .header("Origin", &app.base)
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    // The second step is a POST too, and equally protected.
    let code_mail = app
        .smtp
        .wait_subject("csrf@example.com", "Your device authorization code")
        .await;
    let code = six_digits(&code_mail.text);
    let forged = c
        .post(format!("{}/api/complete_login", app.base))
        .header("Origin", "https://evil.example")
        .form(&[("method", "code"), ("code", code.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
    let done = app
        .post(
            &c,
            "/api/complete_login",
            &[("method", "code"), ("code", &code)],
        )
        .await;
    assert_eq!(done.status(), 200);
    // The logout of a signed-in user cannot be forced from another site either.
    let r = c
        .post(format!("{}/api/logout", app.base))
        .header("Origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_ne!(current_user(&app, &c).await, serde_json::Value::Null);
}

#[tokio::test]
async fn pages_carry_security_headers_and_are_compressed() {
    let app = spawn().await;
    let c = app.client();
    let r = c
        .get(format!("{}/login", app.base))
        .header("Accept-Encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let h = r.headers().clone();
    let csp = h["content-security-policy"].to_str().unwrap();
    for part in [
        "'wasm-unsafe-eval'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "'nonce-",
    ] {
        assert!(csp.contains(part), "{part} missing in {csp}");
    }
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "same-origin");
    assert_eq!(h["cache-control"], "no-store");
    assert_eq!(h["content-encoding"], "br");
    assert!(
        h.get("strict-transport-security").is_none(),
        "no HSTS on plain http"
    );
    // Two requests, two nonces.
    let again = c.get(format!("{}/login", app.base)).send().await.unwrap();
    assert_ne!(
        again.headers()["content-security-policy"],
        h["content-security-policy"]
    );
    // API answers get the strict policy and are not cached.
    let api = app.post(&c, "/api/current_user", &[]).await;
    assert_eq!(api.headers()["cache-control"], "no-store");
    assert!(api.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .starts_with("default-src 'none'"));
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let app = spawn().await;
    let c = app.client();
    let big = "x".repeat(100 * 1024);
    let r = app
        .post(
            &c,
            "/api/login",
            &[("email", "a@example.com"), ("password", &big)],
        )
        .await;
    assert_eq!(r.status(), 413);
}

#[tokio::test]
async fn unknown_pages_are_404_and_health_answers() {
    let app = spawn().await;
    let c = app.client();
    let r = c
        .get(format!("{}/no/such/page", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert!(r.text().await.unwrap().contains("Page not found"));
    assert_eq!(
        c.get(format!("{}/healthz", app.base))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "ok"
    );
}

/// Issue "production-safe", low items: every state-changing route refuses a cross-site request —
/// each registered server function (customer and staff alike), the download routes and the demo
/// tools — before it runs.
#[tokio::test]
async fn every_non_get_route_refuses_cross_site_requests() {
    let app = spawn().await;
    let c = app.client();
    let mut routes: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .filter(|(_, m)| *m != http::Method::GET)
        .map(|(p, _)| p.to_string())
        .collect();
    routes.sort();
    assert!(routes.len() > 50, "{} server functions", routes.len());
    assert!(routes
        .iter()
        .any(|p| p == "/api/staff_reset_sign_in_methods"));
    routes.extend(
        [
            "/dev/clock",
            "/dev/new-release",
            "/documents/1/paid-in-full.pdf",
            "/messages/attachments",
            "/backoffice/attachments",
        ]
        .map(String::from),
    );
    for path in &routes {
        for (header, value) in [
            ("Sec-Fetch-Site", "cross-site"),
            ("Origin", "https://evil.example"),
        ] {
            let r = c
                .post(format!("{}{path}", app.base))
                .header(header, value)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 403, "{path} with {header}: {value}");
            assert_eq!(error_of(r).await, AppError::Forbidden);
        }
    }
    // The same request from the portal's own pages reaches the function (which then wants a
    // signed-in member of staff).
    let r = app
        .post(&c, "/api/staff_search", &[("q", "anything")])
        .await;
    assert_eq!(r.status(), 401);
}
