//! Issue "production-safe", item 3: every limit is checked and counted in one atomic statement, so
//! parallel requests get exactly the tries sequential ones get (no read-then-write race).

use crate::common::*;
use app::error::AppError;
use app::infra::throttle::LOGIN_ACCOUNT;

/// Sends the same form `n` times at once and returns each answer's error (None for a 200).
async fn storm(
    app: &TestApp,
    c: &reqwest::Client,
    path: &str,
    form: &[(&str, &str)],
    n: usize,
) -> Vec<Option<AppError>> {
    let form: Vec<(String, String)> = form
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let tasks: Vec<_> = (0..n)
        .map(|_| {
            let c = c.clone();
            let url = format!("{}{path}", app.base);
            let origin = app.base.clone();
            let form = form.clone();
            tokio::spawn(async move {
                c.post(url)
                    .header("Origin", origin)
                    .form(&form)
                    .send()
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut out = Vec::new();
    for t in tasks {
        let r = t.await.unwrap();
        out.push(if r.status() == 200 {
            None
        } else {
            Some(error_of(r).await)
        });
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_wrong_device_codes_count_exactly_five() {
    let app = spawn().await;
    server::seed::seed_demo(&app.state).await.unwrap();
    let email = "parallel.codes@example.com";
    let pw = app.registered_active(email).await;
    let c = app.client();
    login(&app, &c, email, &pw).await;
    forget_devices(&app, email).await;
    let hint = server::seed::link_hints(test_today().date())
        .into_iter()
        .find(|h| h.first == "Taylor")
        .unwrap();
    let amount = hint.last_payment.to_string();
    let r = app
        .post(
            &c,
            "/api/link_contract",
            &[
                ("first_name", hint.first),
                ("last_name", hint.last),
                ("method", "vin"),
                ("vin", &hint.vin),
                ("last_payment", &amount),
                ("customer_id", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let mail = app.smtp.wait_for(email, 3).await;
    let code = six_digits(&mail.text);
    let wrong = if code == "000000" { "111111" } else { "000000" };

    let answers = storm(&app, &c, "/api/authorize_device", &[("code", wrong)], 50).await;
    let wrong_code = answers
        .iter()
        .filter(|a| matches!(a, Some(AppError::WrongCode { .. })))
        .count();
    let dead = answers
        .iter()
        .filter(|a| matches!(a, Some(AppError::InvalidToken)))
        .count();
    assert_eq!((wrong_code, dead), (5, 45), "{answers:?}");
    let attempts: i64 = sqlx::query_scalar(
        "SELECT attempts FROM device_codes WHERE purpose = 'link' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(attempts, 5);
    // The code is dead: even the right one no longer works.
    let r = app
        .post(&c, "/api/authorize_device", &[("code", &code)])
        .await;
    assert_eq!(error_of(r).await, AppError::InvalidToken);
}

fn invalid_credentials(answers: &[Option<AppError>]) -> usize {
    answers
        .iter()
        .filter(|a| matches!(a, Some(AppError::InvalidCredentials)))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_wrong_passwords_lock_at_the_same_count_as_sequentially() {
    let app = spawn().await;
    // Sequentially: `allowed` wrong passwords are judged, then the lock answers.
    let one = "sequential.guess@example.com";
    app.registered_active(one).await;
    let c = app.client();
    let mut sequential = Vec::new();
    for _ in 0..LOGIN_ACCOUNT.allowed + 1 {
        let r = login_first_step(&app, &c, one, "not the password").await;
        sequential.push(Some(error_of(r).await));
    }
    let judged = invalid_credentials(&sequential);
    assert_eq!(judged as i64, LOGIN_ACCOUNT.allowed);
    assert!(matches!(
        sequential.last(),
        Some(Some(AppError::RateLimited { .. }))
    ));

    // In parallel: the same number is judged, every other guess meets the lock.
    let two = "parallel.guess@example.com";
    let pw = app.registered_active(two).await;
    let answers = storm(
        &app,
        &app.client(),
        "/api/login",
        &[("email", two), ("password", "not the password")],
        50,
    )
    .await;
    assert_eq!(invalid_credentials(&answers), judged, "{answers:?}");
    let limited = answers
        .iter()
        .filter(|a| matches!(a, Some(AppError::RateLimited { .. })))
        .count();
    assert_eq!(limited, 50 - judged);
    let failures: i64 = sqlx::query_scalar("SELECT failures FROM throttle WHERE key = $1")
        .bind(format!("login:acct:{two}"))
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(failures, LOGIN_ACCOUNT.allowed);
    // Locked: even the right password waits, as it would after sequential guesses.
    let r = login_first_step(&app, &app.client(), two, &pw).await;
    assert!(matches!(error_of(r).await, AppError::RateLimited { .. }));
}
