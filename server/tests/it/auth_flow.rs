//! Registration → activation email over SMTP → activation → sign-in → session cookie → sign-out,
//! plus token reuse and expiry, against the real server on a fresh database.

use crate::common::*;
use app::domain::Issue;
use app::error::AppError;

#[tokio::test]
async fn register_activate_login_logout() {
    let app = spawn().await;
    let c = app.client();
    let email = "anna.new@example.com";
    let r = register(
        &app,
        &c,
        "Anna",
        "Kowalski",
        "  Anna.New@Example.com ",
        "maple syrup tuesday",
    )
    .await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<String>().await.unwrap(), email);

    let mail = app.smtp.wait_for(email, 1).await;
    assert_eq!(mail.subject, "Activate your account login");
    assert!(mail.text.contains("Hello Anna"));
    let link = mail.link("/activate?token=");
    assert!(link.starts_with(&app.base), "{link}");

    // Not active yet: a clear, specific refusal (only after the right password).
    let r = login(&app, &c, email, "maple syrup tuesday").await;
    assert_eq!(r.status(), 403);
    assert_eq!(error_of(r).await, AppError::NotActivated);

    // The link's page renders; the POST consumes the token.
    let page = c.get(&link).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let r = app
        .post(&c, "/api/activate", &[("token", &token_from(&link))])
        .await;
    assert_eq!(r.status(), 200);

    let r = login(&app, &c, email, "maple syrup tuesday").await;
    assert_eq!(r.status(), 200);
    let (cookie, attrs) = session_cookie(r.headers()).expect("session cookie");
    assert_eq!(cookie.len(), 64);
    assert!(attrs.contains("HttpOnly"), "{attrs}");
    assert!(attrs.contains("SameSite=Lax"), "{attrs}");
    assert!(attrs.contains("Path=/"), "{attrs}");
    assert!(!attrs.contains("Secure"), "plain http in tests: {attrs}");

    let me = current_user(&app, &c).await;
    assert_eq!(me["first_name"], "Anna");
    assert_eq!(me["email"], email);

    let dash = c
        .get(format!("{}/dashboard", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(dash.status(), 200);
    assert_eq!(dash.headers()["cache-control"], "no-store");
    let body = dash.text().await.unwrap();
    assert!(body.contains("Anna Kowalski"), "{body}");

    let r = app.post(&c, "/api/logout", &[]).await;
    assert_eq!(r.status(), 200);
    let cleared = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .any(|v| v.to_str().unwrap().contains("Max-Age=0"));
    assert!(cleared);

    // The old cookie is dead on the server, not just forgotten by the browser.
    let stale = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let r = stale
        .post(format!("{}/api/current_user", app.base))
        .header("Cookie", format!("portal_session={cookie}"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.json::<serde_json::Value>().await.unwrap(),
        serde_json::Value::Null
    );
    let r = stale
        .get(format!("{}/dashboard", app.base))
        .header("Cookie", format!("portal_session={cookie}"))
        .header("Accept", "text/html")
        .send()
        .await
        .unwrap();
    let status = r.status();
    let headers = r.headers().clone();
    assert_eq!(status, 302, "{}", r.text().await.unwrap());
    assert!(headers["location"].to_str().unwrap().starts_with("/login"));

    let events: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM auth_events WHERE email = $1 OR customer_id IS NOT NULL",
    )
    .bind(email)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert!(
        events >= 5,
        "register, failed login, activate, login, logout audited: {events}"
    );
}

#[tokio::test]
async fn activation_token_is_single_use_and_expires() {
    let app = spawn().await;
    let c = app.client();
    register(
        &app,
        &c,
        "Bo",
        "Lee",
        "bo@example.com",
        "maple syrup tuesday",
    )
    .await;
    let token = token_from(&app.smtp.wait_for("bo@example.com", 1).await.link("token="));
    assert_eq!(
        app.post(&c, "/api/activate", &[("token", &token)])
            .await
            .status(),
        200
    );
    let again = app.post(&c, "/api/activate", &[("token", &token)]).await;
    assert_eq!(again.status(), 400);
    assert_eq!(error_of(again).await, AppError::InvalidToken);

    register(
        &app,
        &c,
        "Cy",
        "Ng",
        "cy@example.com",
        "maple syrup tuesday",
    )
    .await;
    let token = token_from(&app.smtp.wait_for("cy@example.com", 1).await.link("token="));
    app.advance(24 * 3600 + 1);
    let late = app.post(&c, "/api/activate", &[("token", &token)]).await;
    assert_eq!(error_of(late).await, AppError::InvalidToken);

    // A fresh link can be requested and works.
    assert_eq!(
        app.post(&c, "/api/resend_activation", &[("email", "cy@example.com")])
            .await
            .status(),
        200
    );
    let token = token_from(&app.smtp.wait_for("cy@example.com", 2).await.link("token="));
    assert_eq!(
        app.post(&c, "/api/activate", &[("token", &token)])
            .await
            .status(),
        200
    );

    let garbage = app
        .post(&c, "/api/activate", &[("token", "not-a-token")])
        .await;
    assert_eq!(error_of(garbage).await, AppError::InvalidToken);
}

#[tokio::test]
async fn validation_errors_are_typed_and_specific() {
    let app = spawn().await;
    let c = app.client();
    let cases: [(&str, &str, &str, AppError); 4] = [
        (
            "Anna",
            "not-an-email",
            "maple syrup tuesday",
            AppError::validation("email", Issue::EmailFormat),
        ),
        (
            "Anna",
            "a@example.com",
            "short",
            AppError::validation("password", Issue::TooShort { min: 8 }),
        ),
        (
            "Anna",
            "a@example.com",
            "qwertyuiop",
            AppError::validation("password", Issue::PasswordCommon),
        ),
        (
            "R2D2",
            "a@example.com",
            "maple syrup tuesday",
            AppError::validation("first_name", Issue::NameCharacters),
        ),
    ];
    for (first, email, pw, expected) in cases {
        let r = register(&app, &c, first, "Lee", email, pw).await;
        assert_eq!(r.status(), 400);
        assert_eq!(error_of(r).await, expected);
    }
    let r = app
        .post(
            &c,
            "/api/register",
            &[
                ("first_name", "A"),
                ("last_name", "B"),
                ("email", "a@example.com"),
                ("password", "maple syrup tuesday"),
                ("password_confirm", "maple syrup tuesday"),
            ],
        )
        .await;
    assert_eq!(
        error_of(r).await,
        AppError::validation("accept_terms", Issue::TermsNotAccepted)
    );
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM customers")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(count, 0, "nothing half-written");
}

#[tokio::test]
async fn honeypot_submission_creates_nothing() {
    let app = spawn().await;
    let c = app.client();
    let r = app
        .post(
            &c,
            "/api/register",
            &[
                ("first_name", "Bot"),
                ("last_name", "Bot"),
                ("email", "bot@example.com"),
                ("password", "maple syrup tuesday"),
                ("password_confirm", "maple syrup tuesday"),
                ("accept_terms", "on"),
                ("website", "http://spam.example"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200, "the bot is not told");
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM customers")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(count, 0);
    assert_eq!(app.queued_for("bot@example.com").await, 0, "nothing queued");
}

/// Issue "production-safe", item 7: registering an existing address does the same argon2 work as
/// a new one (counted, not timed), and answers the same.
#[tokio::test]
async fn registration_timing_is_equal_for_new_and_existing_addresses() {
    let app = spawn().await;
    app.registered_active("taken@example.com").await;
    let c = app.client();
    let before = app.state.hasher.runs();
    let new = register(
        &app,
        &c,
        "Anna",
        "Kowalski",
        "fresh@example.com",
        "maple syrup tuesday",
    )
    .await;
    let after_new = app.state.hasher.runs();
    let existing = register(
        &app,
        &c,
        "Anna",
        "Kowalski",
        "taken@example.com",
        "maple syrup tuesday",
    )
    .await;
    let after_existing = app.state.hasher.runs();
    assert_eq!(after_new - before, 1);
    assert_eq!(
        after_existing - after_new,
        after_new - before,
        "the same hashing work"
    );
    // The same answer (it echoes the address typed, for "check your inbox at …").
    assert_eq!(new.status(), existing.status());
    assert_eq!(
        new.text().await.unwrap().replace("fresh", "X"),
        existing.text().await.unwrap().replace("taken", "X")
    );
}
