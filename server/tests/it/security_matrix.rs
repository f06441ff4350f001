//! Issue 18, the security matrix: the rows that had no test of their own. Every row of the matrix
//! and the test that proves it are listed in SECURITY.md.

use crate::backoffice::{code_now, AGENT};
use crate::common::*;
use crate::contracts::{id_of, seeded, signed_in};
use app::error::AppError;
use server::seed::{DEMO_PASSWORD, STAFF};

const ORIGIN: &str = "https://portal.example.test";

/// A POST as the browser on the https origin sends it (the test talks plain http to the server,
/// as a TLS-terminating proxy would).
async fn post_https(
    app: &TestApp,
    path: &str,
    cookie: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{}{path}", app.local))
        .header("Origin", ORIGIN)
        .header("Cookie", cookie)
        .form(form)
        .send()
        .await
        .unwrap()
}

/// The Set-Cookie header that sets `name`, asserting it is there.
fn set_cookie(r: &reqwest::Response, name: &str) -> String {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .unwrap_or_else(|| panic!("no {name} cookie in {:?}", r.headers()))
        .to_string()
}

fn assert_host_only_secure(header: &str) {
    let (pair, attrs) = header.split_once(';').unwrap();
    assert!(pair.starts_with("__Host-"), "{header}");
    let attrs: Vec<String> = attrs.split(';').map(|a| a.trim().to_lowercase()).collect();
    for want in ["secure", "httponly", "path=/"] {
        assert!(attrs.iter().any(|a| a == want), "{want} missing: {header}");
    }
    assert!(
        attrs
            .iter()
            .any(|a| a == "samesite=lax" || a == "samesite=strict"),
        "{header}"
    );
    assert!(!attrs.iter().any(|a| a.starts_with("domain")), "{header}");
}

#[tokio::test]
async fn cookie_flags_on_https() {
    let app = spawn_with(Options {
        env: vec![("PUBLIC_URL", ORIGIN.to_string())],
        ..Options::default()
    })
    .await;
    server::seed::seed_demo(&app.state).await.unwrap();
    let email = "anna.kowalski@demo.example";
    let before = app.smtp.count_for(email);
    let r = post_https(
        &app,
        "/api/login",
        "",
        &[("email", email), ("password", DEMO_PASSWORD)],
    )
    .await;
    assert_eq!(r.status(), 200);
    let pending = set_cookie(&r, "__Host-portal_session");
    assert_host_only_secure(&pending);
    let mail = app
        .smtp
        .wait_subject_after(email, "Your device authorization code", before)
        .await;
    let code = six_digits(&mail.text);
    let cookie = pending.split(';').next().unwrap();
    let r = post_https(
        &app,
        "/api/complete_login",
        cookie,
        &[("method", "code"), ("code", &code)],
    )
    .await;
    assert_eq!(r.status(), 200);
    let session = set_cookie(&r, "__Host-portal_session");
    assert_host_only_secure(&session);
    assert_ne!(
        session.split(';').next(),
        Some(cookie),
        "rotated at sign-in"
    );
    assert_host_only_secure(&set_cookie(&r, "__Host-portal_device"));
    // Staff sign in on the same origin with their own cookie.
    let r = post_https(
        &app,
        "/api/staff_login",
        "",
        &[
            ("email", STAFF[AGENT].email),
            ("password", DEMO_PASSWORD),
            ("code", &code_now(&app, AGENT)),
        ],
    )
    .await;
    assert_eq!(r.status(), 200);
    let staff = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.contains("staff"))
        .expect("a staff cookie")
        .to_string();
    assert_host_only_secure(&staff);
    // And the browser is told to stay on https.
    let page = reqwest::get(format!("{}/login", app.local)).await.unwrap();
    assert!(page.headers()["strict-transport-security"]
        .to_str()
        .unwrap()
        .contains("max-age="));
}

/// The script policy's nonce, asserting the policy allows no inline script without it.
fn script_nonce(csp: &str) -> String {
    let scripts = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src "))
        .unwrap_or_else(|| panic!("no script-src in {csp}"));
    assert!(!scripts.contains("'unsafe-inline'"), "{scripts}");
    assert!(!scripts.contains("'unsafe-eval'"), "{scripts}");
    let nonce = scripts
        .split_whitespace()
        .find_map(|s| s.strip_prefix("'nonce-"))
        .unwrap_or_else(|| panic!("no nonce in {scripts}"));
    nonce.trim_end_matches('\'').to_string()
}

#[tokio::test]
async fn csp_nonce_without_unsafe_inline_for_scripts() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let loan = id_of(&app, "LN-2023-004512").await;
    let signed_out = app.client();
    for (c, path) in [
        (&signed_out, "/login".to_string()),
        (&signed_out, "/register".to_string()),
        (&anna, "/dashboard".to_string()),
        (&anna, format!("/contracts/{loan}")),
        (&anna, "/messages/new".to_string()),
    ] {
        let r = c.get(format!("{}{path}", app.base)).send().await.unwrap();
        assert_eq!(r.status(), 200, "{path}");
        let nonce = script_nonce(r.headers()["content-security-policy"].to_str().unwrap());
        let html = r.text().await.unwrap();
        let tags: Vec<&str> = html
            .split("<script")
            .skip(1)
            .map(|rest| &rest[..rest.find('>').unwrap()])
            .collect();
        assert!(!tags.is_empty(), "{path} starts the app with a script");
        for tag in tags {
            assert!(
                tag.contains(&format!("nonce=\"{nonce}\"")),
                "{path}: <script{tag}>"
            );
        }
        for handler in [" onclick=", " onload=", " onerror=", "javascript:"] {
            assert!(!html.contains(handler), "{path} has {handler}");
        }
    }
}

#[tokio::test]
async fn no_store_on_authenticated_pages() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let loan = id_of(&app, "LN-2023-004512").await.to_string();
    let paths: Vec<String> = server::startup::route_list()
        .iter()
        .map(|r| {
            r.path()
                .split('/')
                .map(|s| {
                    if s.starts_with(':') || s.starts_with('{') {
                        loan.as_str()
                    } else {
                        s
                    }
                })
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect();
    assert!(paths.len() > 20, "{paths:?}");
    for path in &paths {
        let r = anna
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.headers()["cache-control"],
            "no-store",
            "{path} ({})",
            r.status()
        );
    }
}

/// A member of staff's session cookie (`portal_staff=…`), signed in with a plain client.
async fn staff_cookie(app: &TestApp) -> String {
    let r = app
        .post(
            &reqwest::Client::new(),
            "/api/staff_login",
            &[
                ("email", STAFF[AGENT].email),
                ("password", DEMO_PASSWORD),
                ("code", &code_now(app, AGENT)),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    // Each code works once: the next sign-in needs the next 30-second step.
    app.advance(30);
    set_cookie(&r, "portal_staff")
        .split(';')
        .next()
        .unwrap()
        .to_string()
}

async fn staff_me(app: &TestApp, cookie: &str) -> serde_json::Value {
    reqwest::Client::new()
        .post(format!("{}/api/staff_me", app.base))
        .header("Origin", &app.base)
        .header("Cookie", cookie)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn staff_sessions_end_at_sign_out_and_after_ten_hours() {
    let app = seeded().await;
    // Signing out ends the session on the server: the cookie, kept and replayed, opens nothing.
    let cookie = staff_cookie(&app).await;
    assert_ne!(staff_me(&app, &cookie).await, serde_json::Value::Null);
    let r = reqwest::Client::new()
        .post(format!("{}/api/staff_logout", app.base))
        .header("Origin", &app.base)
        .header("Cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(staff_me(&app, &cookie).await, serde_json::Value::Null);
    let signed_out: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM staff_actions WHERE action = 'sign_out'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(signed_out, 1, "the sign-out is on the staff trail");
    // Busy all day (a request every 20 minutes), a session still ends 10 hours after sign-in.
    let cookie = staff_cookie(&app).await;
    let start = app.clock_now() - 30;
    while app.clock_now() + 20 * 60 <= start + 10 * 3600 {
        app.advance(20 * 60);
        assert_ne!(staff_me(&app, &cookie).await, serde_json::Value::Null);
    }
    app.advance(start + 10 * 3600 + 1 - app.clock_now());
    assert_eq!(staff_me(&app, &cookie).await, serde_json::Value::Null);
}

#[tokio::test]
async fn unlock_and_email_change_links_expire_and_a_taken_address_is_not_told() {
    let app = spawn().await;
    let email = "late@example.com";
    let pw = app.registered_active(email).await;
    app.registered_active("taken@example.com").await;
    // The unlock link of a lock works for an hour.
    let c = app.client();
    for _ in 0..5 {
        login(&app, &c, email, "not my password").await;
    }
    let mail = app.smtp.wait_for(email, 2).await;
    let unlock = token_from(&mail.link("/unlock?token="));
    app.advance(3601);
    let r = app
        .post(&c, "/api/unlock_account", &[("token", &unlock)])
        .await;
    assert_eq!(error_of(r).await, AppError::InvalidToken);
    // An email change to an address with a login answers as one to a free address…
    assert_eq!(login(&app, &c, email, &pw).await.status(), 200);
    let mut answers = Vec::new();
    for new in ["free@example.com", "taken@example.com"] {
        let r = app
            .post(
                &c,
                "/api/request_email_change",
                &[("current_password", &pw), ("new_email", new)],
            )
            .await;
        answers.push((r.status(), r.text().await.unwrap().replace(new, "ADDRESS")));
    }
    assert_eq!(answers[0], answers[1]);
    assert_eq!(answers[0].0, 200);
    // …and its confirmation link works for 24 hours.
    let mail = app.smtp.wait_for("free@example.com", 1).await;
    let change = token_from(&mail.link("/confirm-email?token="));
    app.advance(24 * 3600 + 1);
    let r = app
        .post(
            &app.client(),
            "/api/confirm_email_change",
            &[("token", &change)],
        )
        .await;
    assert_eq!(error_of(r).await, AppError::InvalidToken);
    assert_eq!(
        current_user(&app, &c).await,
        serde_json::Value::Null,
        "idle by now"
    );
}

#[tokio::test]
async fn resending_activation_answers_alike_for_every_address() {
    let app = spawn().await;
    let c = app.client();
    let r = register(
        &app,
        &c,
        "Pat",
        "Pending",
        "pending@example.com",
        "maple syrup tuesday",
    )
    .await;
    assert_eq!(r.status(), 200);
    app.registered_active("active@example.com").await;
    let mut answers = Vec::new();
    for email in [
        "pending@example.com",
        "active@example.com",
        "nobody@example.com",
    ] {
        let r = app
            .post(&c, "/api/resend_activation", &[("email", email)])
            .await;
        answers.push((
            r.status(),
            r.text().await.unwrap().replace(email, "ADDRESS"),
        ));
    }
    assert!(answers.iter().all(|a| *a == answers[0]), "{answers:?}");
    // Only the login that is waiting for its link gets one more.
    assert_eq!(app.queued_for("pending@example.com").await, 2);
    assert_eq!(app.queued_for("active@example.com").await, 1);
    assert_eq!(app.queued_for("nobody@example.com").await, 0);
}
