//! Two-step sign-in: new-device codes, the every-sign-in code by email or SMS, authenticator apps
//! with recovery codes, the re-authentication window, and pending sessions that open nothing.

use crate::common::*;
use app::error::AppError;
use serde_json::Value;

fn other_than(code: &str) -> &'static str {
    if code == "000000" {
        "111111"
    } else {
        "000000"
    }
}

#[tokio::test]
async fn a_new_device_needs_the_emailed_code_and_is_then_remembered() {
    let app = spawn().await;
    let email = "newdevice@example.com";
    let pw = app.registered_active(email).await;
    let c = app.client();
    let first = login_first_step(&app, &c, email, &pw).await;
    let pending_cookie = session_cookie(first.headers()).unwrap().0;
    let step = step_of(first).await;
    assert_eq!(step["Code"]["channel"], "Email");
    assert_eq!(step["Code"]["to"], "n***@example.com");
    assert_eq!(step["Code"]["new_device"], true);
    // A pending sign-in opens nothing.
    assert_eq!(current_user(&app, &c).await, Value::Null);
    assert_eq!(app.post(&c, "/api/my_contracts", &[]).await.status(), 401);
    // The verify page can ask which step this is, again and again.
    let again = step_of(app.post(&c, "/api/login_step", &[]).await).await;
    assert_eq!(again, step);

    let mail = app
        .smtp
        .wait_subject(email, "Your device authorization code")
        .await;
    let code = six_digits(&mail.text);
    let wrong = complete_login_with(&app, &c, "code", other_than(&code)).await;
    assert_eq!(
        error_of(wrong).await,
        AppError::WrongCode { attempts_left: 4 }
    );
    let malformed = complete_login_with(&app, &c, "code", "12345").await;
    assert_eq!(
        error_of(malformed).await,
        AppError::validation("code", app::domain::Issue::CodeDigits)
    );
    let done = complete_login_with(&app, &c, "code", &code).await;
    assert_eq!(done.status(), 200);
    let full_cookie = session_cookie(done.headers()).unwrap().0;
    assert_ne!(full_cookie, pending_cookie, "the session id rotates");
    assert!(done
        .headers()
        .get_all("set-cookie")
        .iter()
        .any(|v| v.to_str().unwrap().starts_with("portal_device=")));
    assert_eq!(done.json::<Value>().await.unwrap(), "Done");
    assert_ne!(current_user(&app, &c).await, Value::Null);
    // Single use.
    assert_eq!(
        error_of(complete_login_with(&app, &c, "code", &code).await).await,
        AppError::Unauthorized
    );

    // The same browser signs in next time with the password alone.
    app.post(&c, "/api/logout", &[]).await;
    let step = step_of(login_first_step(&app, &c, email, &pw).await).await;
    assert_eq!(step, "Done");
    let events: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM auth_events WHERE kind = 'login_second_step' AND success = 1",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(events, 1);
}

#[tokio::test]
async fn sign_in_codes_expire_and_pending_sign_ins_end_after_ten_minutes() {
    let app = spawn().await;
    let email = "slowcode@example.com";
    let pw = app.registered_active(email).await;
    let c = app.client();
    step_of(login_first_step(&app, &c, email, &pw).await).await;
    let code = six_digits(
        &app.smtp
            .wait_subject(email, "Your device authorization code")
            .await
            .text,
    );
    app.advance(9 * 60);
    // A new code replaces the old one.
    step_of(app.post(&c, "/api/resend_login_code", &[]).await).await;
    assert_eq!(
        error_of(complete_login_with(&app, &c, "code", &code).await).await,
        AppError::WrongCode { attempts_left: 4 },
        "only the newest code works"
    );
    let newest = six_digits(
        &app.smtp
            .wait_subject_after(email, "Your device authorization code", 2)
            .await
            .text,
    );
    app.advance(61);
    // Ten minutes after the password the pending sign-in is gone.
    assert_eq!(
        error_of(complete_login_with(&app, &c, "code", &newest).await).await,
        AppError::Unauthorized
    );
    // Five wrong codes kill a code.
    let c = app.client();
    step_of(login_first_step(&app, &c, email, &pw).await).await;
    let code = six_digits(
        &app.smtp
            .wait_subject_after(email, "Your device authorization code", 3)
            .await
            .text,
    );
    for left in (0..5).rev() {
        assert_eq!(
            error_of(complete_login_with(&app, &c, "code", other_than(&code)).await).await,
            AppError::WrongCode {
                attempts_left: left
            }
        );
    }
    let after = complete_login_with(&app, &c, "code", &code).await;
    assert!(
        matches!(after.status().as_u16(), 400 | 429),
        "{}",
        after.status()
    );
    assert_eq!(current_user(&app, &c).await, Value::Null);
}

#[tokio::test]
async fn sensitive_changes_need_a_password_from_the_last_five_minutes() {
    let app = spawn().await;
    let email = "reauth@example.com";
    let pw = app.registered_active(email).await;
    let c = signed_in_with(&app, email, &pw).await;
    let r = app
        .post(&c, "/api/set_sign_in_code", &[("channel", "email")])
        .await;
    assert_eq!(r.status(), 200, "fresh from the password");
    app.advance(5 * 60 + 1);
    app.post(&c, "/api/current_user", &[]).await; // still active, not idle
    let r = app
        .post(&c, "/api/set_sign_in_code", &[("channel", "off")])
        .await;
    assert_eq!(r.status(), 403);
    assert_eq!(error_of(r).await, AppError::ReauthRequired);
    let wrong = app
        .post(
            &c,
            "/api/reauthenticate",
            &[("password", "not my password"), ("code", "")],
        )
        .await;
    assert_eq!(
        error_of(wrong).await,
        AppError::validation("password", app::domain::Issue::CurrentPasswordWrong)
    );
    let ok = app
        .post(
            &c,
            "/api/reauthenticate",
            &[("password", &pw), ("code", "")],
        )
        .await;
    assert_eq!(ok.status(), 200);
    let r = app
        .post(&c, "/api/set_sign_in_code", &[("channel", "off")])
        .await;
    assert_eq!(r.status(), 200);
    // Every change sent a notice.
    app.smtp
        .wait_subject(email, "A security setting of your login changed")
        .await;
    // Nobody signed in: the methods are out of reach.
    let anon = app.client();
    for path in [
        "/api/sign_in_methods",
        "/api/totp_begin",
        "/api/passkey_register_begin",
        "/api/set_sign_in_code",
        "/api/reauthenticate",
    ] {
        assert_eq!(
            app.post(
                &anon,
                path,
                &[("channel", "off"), ("password", "x"), ("code", "")]
            )
            .await
            .status(),
            401,
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_code_at_every_sign_in_by_email_or_text_message() {
    let app = spawn().await;
    let email = "everytime@example.com";
    let pw = app.registered_active(email).await;
    let c = signed_in_with(&app, email, &pw).await;
    // Text messages need a phone number first.
    let r = app
        .post(&c, "/api/set_sign_in_code", &[("channel", "sms")])
        .await;
    assert_eq!(r.status(), 409);
    let r = app
        .post(
            &c,
            "/api/set_sign_in_code",
            &[("channel", "carrier pigeon")],
        )
        .await;
    assert_eq!(
        error_of(r).await,
        AppError::validation("channel", app::domain::Issue::OneOf)
    );
    assert_eq!(
        app.post(&c, "/api/set_sign_in_code", &[("channel", "email")])
            .await
            .status(),
        200
    );
    app.post(&c, "/api/logout", &[]).await;
    // The browser is remembered, yet a code is asked for.
    let step = step_of(login_first_step(&app, &c, email, &pw).await).await;
    assert_eq!(step["Code"]["new_device"], false);
    assert_eq!(step["Code"]["channel"], "Email");
    let code = six_digits(&app.smtp.wait_subject(email, "Your sign-in code").await.text);
    assert_eq!(
        complete_login_with(&app, &c, "code", &code).await.status(),
        200
    );

    // By SMS through the simulated sender.
    sqlx::query("UPDATE customers SET phone = '+14165550123' WHERE email = $1")
        .bind(email)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(
        app.post(&c, "/api/set_sign_in_code", &[("channel", "sms")])
            .await
            .status(),
        200
    );
    app.post(&c, "/api/logout", &[]).await;
    let step = step_of(login_first_step(&app, &c, email, &pw).await).await;
    assert_eq!(step["Code"]["channel"], "Sms");
    assert_eq!(step["Code"]["to"], "+1******0123");
    let body: String = sqlx::query_scalar(
        "SELECT body FROM simulated_sms WHERE to_number = '+14165550123' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let code = six_digits(&body);
    assert_eq!(
        complete_login_with(&app, &c, "code", &code).await.status(),
        200
    );
    assert_ne!(current_user(&app, &c).await, Value::Null);
}

#[tokio::test]
async fn the_browser_that_opened_the_activation_link_is_remembered() {
    let app = spawn().await;
    let email = "activated.here@example.com";
    let pw = "maple syrup tuesday";
    let c = app.client();
    assert_eq!(
        register(&app, &c, "Ada", "Byron", email, pw).await.status(),
        200
    );
    let link = app.smtp.wait_for(email, 1).await.link("/activate?token=");
    let r = app
        .post(&c, "/api/activate", &[("token", &token_from(&link))])
        .await;
    assert_eq!(r.status(), 200);
    assert!(r
        .headers()
        .get_all("set-cookie")
        .iter()
        .any(|v| v.to_str().unwrap().starts_with("portal_device=")));
    assert_eq!(
        step_of(login_first_step(&app, &c, email, pw).await).await,
        "Done"
    );
    // Another browser still needs the code.
    let other = app.client();
    let step = step_of(login_first_step(&app, &other, email, pw).await).await;
    assert_eq!(step["Code"]["new_device"], true);
}
