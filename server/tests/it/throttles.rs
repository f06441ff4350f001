//! Issue 18, security matrix row "every throttle": the limits no other test drove to the end. Each
//! is called until it refuses (429 `RateLimited`), which must happen exactly one past its limit,
//! and works again once its window has passed. (The others: SECURITY.md.)

use crate::common::*;
use crate::contracts::{seeded, signed_in};
use app::error::AppError;

/// Calls `path` with `form(i)` for i = 1, 2, … and returns the first i answered 429 (asserting
/// that answer is `RateLimited`), or None if `max` calls all got through.
async fn first_refused(
    app: &TestApp,
    c: &reqwest::Client,
    path: &str,
    form: impl Fn(usize) -> Vec<(&'static str, String)>,
    max: usize,
) -> Option<usize> {
    for i in 1..=max {
        let fields = form(i);
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = app.post(c, path, &pairs).await;
        if r.status() == 429 {
            let e = error_of(r).await;
            assert!(matches!(e, AppError::RateLimited { .. }), "{path}: {e:?}");
            return Some(i);
        }
    }
    None
}

fn one(key: &'static str, value: String) -> Vec<(&'static str, String)> {
    vec![(key, value)]
}

#[tokio::test]
async fn every_throttle_bites_one_past_its_limit_and_lifts_after_its_window() {
    let app = seeded().await;
    let c = app.client();
    let register_limit = app.state.config.register_limit_per_hour as usize;
    let register = |i: usize| {
        let pw = "maple syrup tuesday".to_string();
        vec![
            ("first_name", "Ivy".to_string()),
            ("last_name", "Throttle".to_string()),
            ("email", format!("ivy{i}@example.com")),
            ("password", pw.clone()),
            ("password_confirm", pw),
            ("accept_terms", "on".to_string()),
            ("website", String::new()),
        ]
    };
    let username = |i: usize| {
        vec![
            ("contract_number", format!("LN-2020-{i:06}")),
            ("last_name", "Nobody".to_string()),
        ]
    };
    let login = |i: usize| {
        vec![
            ("email", format!("nobody{i}@example.com")),
            ("password", "wrong password".to_string()),
        ]
    };
    let temporary = |_| {
        vec![
            ("contract_number", "LN-2023-004512".to_string()),
            ("password", "WRONG-WRONG".to_string()),
        ]
    };
    // Per address (IP): every caller here is 127.0.0.1.
    type Form = Box<dyn Fn(usize) -> Vec<(&'static str, String)>>;
    let cases: [(&str, Form, usize, i64); 6] = [
        (
            "/api/request_password_reset",
            Box::new(|i| one("email", format!("r{i}@example.com"))),
            10,
            3600,
        ),
        (
            "/api/request_username_reminder",
            Box::new(username),
            10,
            3600,
        ),
        (
            "/api/resend_activation",
            Box::new(|i| one("email", format!("a{i}@example.com"))),
            10,
            3600,
        ),
        ("/api/register", Box::new(register), register_limit, 3600),
        // Wrong passwords for 30 different logins: the address's limit, not an account's.
        ("/api/login", Box::new(login), 30, 60),
        // A contract's temporary password: 5 wrong (the address has room left after the lift).
        ("/api/login_temporary", Box::new(temporary), 5, 60),
    ];
    for (path, form, limit, window) in cases {
        assert_eq!(
            first_refused(&app, &c, path, &form, limit + 5).await,
            Some(limit + 1),
            "{path}"
        );
        app.advance(window + 1);
        assert_eq!(
            first_refused(&app, &c, path, &form, 1).await,
            None,
            "{path} lifts"
        );
        app.advance(3600);
    }
}

#[tokio::test]
async fn wrong_reauthentications_lock_and_reset_mails_stop_at_three_an_hour() {
    let app = seeded().await;
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    let wrong = |_| {
        vec![
            ("password", "not her password".to_string()),
            ("code", String::new()),
        ]
    };
    assert_eq!(
        first_refused(&app, &anna, "/api/reauthenticate", wrong, 10).await,
        Some(6)
    );
    // The lock holds for the right password too, until it ends.
    let right = |_| {
        vec![
            ("password", server::seed::DEMO_PASSWORD.to_string()),
            ("code", String::new()),
        ]
    };
    assert_eq!(
        first_refused(&app, &anna, "/api/reauthenticate", right, 1).await,
        Some(1)
    );
    app.advance(61);
    let r = app
        .post(
            &anna,
            "/api/reauthenticate",
            &[("password", server::seed::DEMO_PASSWORD), ("code", "")],
        )
        .await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);

    // Reset links for one address: three an hour, and the answer never changes.
    let email = "olga.ivanova@demo.example";
    let c = app.client();
    let before = app.queued_for(email).await;
    let mut answers = Vec::new();
    for _ in 0..5 {
        let r = app
            .post(&c, "/api/request_password_reset", &[("email", email)])
            .await;
        answers.push((r.status(), r.text().await.unwrap()));
    }
    assert!(answers.windows(2).all(|w| w[0] == w[1]), "{answers:?}");
    assert_eq!(app.queued_for(email).await - before, 3);
    app.advance(3601);
    app.post(&c, "/api/request_password_reset", &[("email", email)])
        .await;
    assert_eq!(app.queued_for(email).await - before, 4);
}
