//! Contract-number sign-in with a staff-issued temporary password (seed 002): the person must set
//! their own email and password first, the new address is proved by a code, and temporary
//! passwords expire and work once.

use crate::common::*;
use app::domain::Issue;
use app::error::AppError;
use serde_json::Value;

async fn seeded() -> TestApp {
    let app = spawn().await;
    server::seed::seed_demo(&app.state).await.unwrap();
    app
}

fn setup_cookie(r: &reqwest::Response) -> Option<String> {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix("portal_setup="))
        .map(|v| v.split(';').next().unwrap_or_default().to_string())
}

#[tokio::test]
async fn first_sign_in_with_a_temporary_password_sets_up_a_login() {
    let app = seeded().await;
    let (temp, _) = app::signin::temporary::issue(&app.state, "ln-2024-005120", "test")
        .await
        .unwrap();
    let c = app.client();
    let wrong = app
        .post(
            &c,
            "/api/login_temporary",
            &[
                ("contract_number", "LN-2024-005120"),
                ("password", "Wrong-Pass-1234"),
            ],
        )
        .await;
    assert_eq!(error_of(wrong).await, AppError::InvalidCredentials);
    let unknown = app
        .post(
            &c,
            "/api/login_temporary",
            &[("contract_number", "LN-0000-000000"), ("password", &temp)],
        )
        .await;
    assert_eq!(error_of(unknown).await, AppError::InvalidCredentials);
    let ok = app
        .post(
            &c,
            "/api/login_temporary",
            &[("contract_number", " ln-2024-005120 "), ("password", &temp)],
        )
        .await;
    assert_eq!(ok.status(), 200);
    assert!(setup_cookie(&ok).is_some());
    // Audited by contract number (no login holds it yet): two failures, then the success.
    let tried: Vec<(String, i64)> = sqlx::query_as(
        "SELECT detail, success FROM auth_events WHERE kind = 'login_temporary' ORDER BY id",
    )
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    let number = |n: &str, ok| (n.to_string(), ok);
    assert_eq!(
        tried,
        [
            number("LN-2024-005120", 0),
            number("LN-0000-000000", 0),
            number("LN-2024-005120", 1)
        ]
    );
    let step: Value = ok.json().await.unwrap();
    assert_eq!(step["SetUp"]["contract_number"], "LN-2024-005120");
    // Nothing else opens before set-up.
    assert_eq!(current_user(&app, &c).await, Value::Null);
    assert_eq!(
        app.post(&c, "/api/setup_status", &[])
            .await
            .json::<String>()
            .await
            .unwrap(),
        "LN-2024-005120"
    );

    let setup = |email: &'static str, pw: &'static str, confirm: &'static str| {
        let (app, c) = (&app, &c);
        async move {
            app.post(
                c,
                "/api/complete_setup",
                &[
                    ("email", email),
                    ("password", pw),
                    ("password_confirm", confirm),
                ],
            )
            .await
        }
    };
    // Field errors, nothing written: a taken email, a common password, a mismatch.
    assert_eq!(
        error_of(
            setup(
                "anna.kowalski@demo.example",
                "blue heron lantern",
                "blue heron lantern"
            )
            .await
        )
        .await,
        AppError::validation("email", Issue::EmailTaken)
    );
    assert_eq!(
        error_of(setup("jordan@example.com", "password1", "password1").await).await,
        AppError::validation("password", Issue::PasswordCommon)
    );
    assert_eq!(
        error_of(
            setup(
                "jordan@example.com",
                "blue heron lantern",
                "blue heron lanterns"
            )
            .await
        )
        .await,
        AppError::validation("password_confirm", Issue::PasswordMismatch)
    );
    let done = setup(
        "jordan@example.com",
        "blue heron lantern",
        "blue heron lantern",
    )
    .await;
    assert_eq!(done.status(), 200);
    let step: Value = done.json().await.unwrap();
    assert_eq!(step["Code"]["to"], "j***@example.com");
    let code = six_digits(
        &app.smtp
            .wait_subject("jordan@example.com", "Your device authorization code")
            .await
            .text,
    );
    let r = app
        .post(
            &c,
            "/api/complete_login",
            &[("method", "code"), ("code", &code)],
        )
        .await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    let jordan = customer_id(&app, "jordan@example.com").await;
    assert_audited(&app, jordan, app::domain::EventKind::TemporaryLoginSetup).await;
    let me = current_user(&app, &c).await;
    assert_eq!(me["email"], "jordan@example.com");
    assert_eq!(me["first_name"], "Jordan");
    let contracts: Vec<Value> = app
        .post(&c, "/api/my_contracts", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(contracts.len(), 1);
    assert_eq!(contracts[0]["number"], "LN-2024-005120");
    // The temporary password is used up; the new one works.
    let again = app
        .post(
            &app.client(),
            "/api/login_temporary",
            &[("contract_number", "LN-2024-005120"), ("password", &temp)],
        )
        .await;
    assert_eq!(again.status(), 401);
    assert_eq!(
        login(
            &app,
            &app.client(),
            "jordan@example.com",
            "blue heron lantern"
        )
        .await
        .status(),
        200
    );
}

/// Issue "production-safe", item 2: a takeover changes nothing until the new address is proven,
/// and the login's address is told at once.
#[tokio::test]
async fn temporary_password_takeover_changes_nothing_until_the_new_address_is_proven() {
    let app = seeded().await;
    let anna_email = "anna.kowalski@demo.example";
    // Anna has a login; she forgot everything and called us.
    let anna = app.client();
    assert_eq!(
        login(&app, &anna, anna_email, server::seed::DEMO_PASSWORD)
            .await
            .status(),
        200
    );
    let before = app.smtp.count_for(anna_email);
    let c = temporary_set_up(&app, "LN-2023-004512").await;
    let r = complete_setup(
        &app,
        &c,
        "anna.new@example.com",
        "quiet orchard evening",
        "",
    )
    .await;
    assert_eq!(r.status(), 200);
    let step: Value = r.json().await.unwrap();
    assert_eq!(step["Code"]["to"], "a***@example.com");
    // Her address is told at once, in her language.
    let notice = app
        .smtp
        .wait_subject_after(
            anna_email,
            "A security setting of your login changed",
            before,
        )
        .await;
    assert!(notice.text.contains("LN-2023-004512"), "{}", notice.text);
    // Nothing changed yet: her session, her address and her password still work.
    assert_eq!(current_user(&app, &anna).await["email"], anna_email);
    assert_eq!(
        login_first_step(&app, &app.client(), anna_email, server::seed::DEMO_PASSWORD)
            .await
            .status(),
        200
    );
    assert_eq!(
        login_first_step(
            &app,
            &app.client(),
            "anna.new@example.com",
            "quiet orchard evening"
        )
        .await
        .status(),
        401
    );
    // The code went to the new address; entering it makes the change.
    enter_setup_code(&app, &c, "anna.new@example.com").await;
    assert_eq!(
        current_user(&app, &c).await["email"],
        "anna.new@example.com"
    );
    assert_eq!(
        current_user(&app, &anna).await,
        Value::Null,
        "old sessions end"
    );
    assert_eq!(
        login_first_step(&app, &app.client(), anna_email, server::seed::DEMO_PASSWORD)
            .await
            .status(),
        401
    );
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM auth_events WHERE kind = 'temporary_login_setup' AND success = 1",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(audited, 1);
}

/// Item 2, continued: a login with an authenticator app is taken over only with its code (or a
/// recovery code); wrong answers count towards its lock.
#[tokio::test]
async fn temporary_password_takeover_needs_the_enrolled_second_factor() {
    let app = seeded().await;
    let anna_email = "anna.kowalski@demo.example";
    let anna = signed_in_with(&app, anna_email, server::seed::DEMO_PASSWORD).await;
    let enrol: Value = step_of(app.post(&anna, "/api/totp_begin", &[]).await).await;
    let secret = enrol["secret"].as_str().unwrap().to_string();
    let code = app::factors::totp::code_at(&secret, app.clock_now()).unwrap();
    let r = app
        .post(&anna, "/api/totp_confirm", &[("code", &code)])
        .await;
    let recovery: Vec<String> = r.json().await.unwrap();
    app.advance(30); // the enrolment's code is used up

    let c = temporary_set_up(&app, "LN-2023-004512").await;
    let pw = "quiet orchard evening";
    assert_eq!(
        error_of(complete_setup(&app, &c, "anna.new@example.com", pw, "").await).await,
        AppError::validation("second_factor", Issue::SecondFactorNeeded)
    );
    let now = app::factors::totp::code_at(&secret, app.clock_now()).unwrap();
    let wrong = if now == "123456" { "654321" } else { "123456" };
    assert_eq!(
        error_of(complete_setup(&app, &c, "anna.new@example.com", pw, wrong).await).await,
        AppError::validation("second_factor", Issue::SecondFactorWrong)
    );
    let anna_id: i64 = sqlx::query_scalar("SELECT id FROM customers WHERE email = $1")
        .bind(anna_email)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let failures: i64 = sqlx::query_scalar("SELECT failures FROM throttle WHERE key = $1")
        .bind(format!("second_step:{anna_id}"))
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(
        failures, 1,
        "the wrong answer counts towards the login's lock"
    );
    // Nothing changed by the refused tries.
    assert_eq!(current_user(&app, &anna).await["email"], anna_email);
    // A recovery code vouches too (the app's code would as well).
    let r = complete_setup(&app, &c, "anna.new@example.com", pw, &recovery[0]).await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    enter_setup_code(&app, &c, "anna.new@example.com").await;
    assert_eq!(
        current_user(&app, &c).await["email"],
        "anna.new@example.com"
    );
}

mod expiry;
