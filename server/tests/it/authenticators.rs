//! Authenticator apps with recovery codes, and passkey ceremonies: enrolment, sign-in, replay and
//! lock-out, and that a password reset leaves the second step in place.

use crate::common::*;
use app::domain::EventKind;
use app::error::AppError;
use app::infra::Clock;
use serde_json::Value;

#[tokio::test]
async fn authenticator_app_with_recovery_codes() {
    let app = spawn().await;
    let email = "totp@example.com";
    let pw = app.registered_active(email).await;
    let c = signed_in_with(&app, email, &pw).await;
    let enrol: Value = step_of(app.post(&c, "/api/totp_begin", &[]).await).await;
    let secret = enrol["secret"].as_str().unwrap().to_string();
    assert!(enrol["otpauth_uri"]
        .as_str()
        .unwrap()
        .starts_with("otpauth://totp/Northstar%20Auto%20Finance:totp%40example.com?secret="));
    assert!(enrol["qr_svg"].as_str().unwrap().contains("<svg"));
    let now = app.clock.unix();
    let wrong = app
        .post(&c, "/api/totp_confirm", &[("code", "000000")])
        .await;
    if app::factors::totp::code_at(&secret, now).unwrap() != "000000" {
        assert_eq!(error_of(wrong).await, AppError::CodeIncorrect);
    }
    let code = app::factors::totp::code_at(&secret, now).unwrap();
    let r = app.post(&c, "/api/totp_confirm", &[("code", &code)]).await;
    let recovery: Vec<String> = r.json().await.unwrap();
    assert_eq!(recovery.len(), 10);
    let me = customer_id(&app, email).await;
    assert_audited(&app, me, EventKind::TotpEnabled).await;
    let methods: Value = step_of(app.post(&c, "/api/sign_in_methods", &[]).await).await;
    assert_eq!(methods["totp"], true);
    assert_eq!(methods["recovery_codes_left"], 10);

    // Sign-in now asks for the app, even on this remembered browser.
    app.post(&c, "/api/logout", &[]).await;
    let step = step_of(login_first_step(&app, &c, email, &pw).await).await;
    assert_eq!(step["SecondFactor"]["totp"], true);
    assert_eq!(step["SecondFactor"]["passkey"], false);
    // No way around it with an emailed code.
    assert_eq!(
        error_of(complete_login_with(&app, &c, "code", "123456").await).await,
        AppError::InvalidToken
    );
    // The code used for enrolment cannot be replayed, even within its 30 seconds.
    assert_eq!(
        error_of(complete_login_with(&app, &c, "totp", &code).await).await,
        AppError::CodeIncorrect
    );
    app.advance(30);
    let next = app::factors::totp::code_at(&secret, app.clock.unix()).unwrap();
    assert_eq!(
        complete_login_with(&app, &c, "totp", &next).await.status(),
        200
    );
    assert_ne!(current_user(&app, &c).await, Value::Null);

    // A recovery code works once, in any case and with or without its dash, and says so by email.
    app.post(&c, "/api/logout", &[]).await;
    step_of(login_first_step(&app, &c, email, &pw).await).await;
    let typed = recovery[0].to_lowercase().replace('-', "");
    let mails_before = app.smtp.count_for(email);
    assert_eq!(
        complete_login_with(&app, &c, "recovery", &typed)
            .await
            .status(),
        200
    );
    // She is told, with how many codes remain.
    app.smtp
        .wait_text_after(
            email,
            "A security setting of your login changed",
            mails_before,
            "9 unused codes remain",
        )
        .await;
    app.post(&c, "/api/logout", &[]).await;
    step_of(login_first_step(&app, &c, email, &pw).await).await;
    assert_eq!(
        error_of(complete_login_with(&app, &c, "recovery", &recovery[0]).await).await,
        AppError::CodeIncorrect
    );
    // Wrong answers lock the second step: 1 since the last success, 9 more make 10, then even a
    // good answer has to wait.
    let t = app.clock.unix();
    let live: Vec<String> = [t - 30, t, t + 30]
        .iter()
        .map(|at| app::factors::totp::code_at(&secret, *at).unwrap())
        .collect();
    let bad = (0..10)
        .map(|i| format!("00000{i}"))
        .find(|x| !live.contains(x))
        .unwrap();
    for _ in 0..9 {
        assert_eq!(
            error_of(complete_login_with(&app, &c, "totp", &bad).await).await,
            AppError::CodeIncorrect
        );
    }
    let locked = complete_login_with(&app, &c, "recovery", &recovery[1]).await;
    assert_eq!(locked.status(), 429);
}

#[tokio::test]
async fn a_password_reset_does_not_remove_the_second_step() {
    let app = spawn().await;
    let email = "reset.mfa@example.com";
    let pw = app.registered_active(email).await;
    let c = app.client();
    login(&app, &c, email, &pw).await;
    let enrol: Value = step_of(app.post(&c, "/api/totp_begin", &[]).await).await;
    let secret = enrol["secret"].as_str().unwrap().to_string();
    let code = app::factors::totp::code_at(&secret, app.clock.unix()).unwrap();
    assert_eq!(
        app.post(&c, "/api/totp_confirm", &[("code", &code)])
            .await
            .status(),
        200
    );
    app.post(&c, "/api/request_password_reset", &[("email", email)])
        .await;
    let mail = app
        .smtp
        .wait_subject(email, "Request to reset your password")
        .await;
    let token = token_from(&mail.link("/reset-password?token="));
    let new = "granite pelican autumn";
    let r = app
        .post(
            &c,
            "/api/reset_password",
            &[
                ("token", &token),
                ("password", new),
                ("password_confirm", new),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let step = step_of(login_first_step(&app, &app.client(), email, new).await).await;
    assert_eq!(step["SecondFactor"]["totp"], true, "{step}");
}

/// Issue "production-safe", item 8: removing the last second factor needs a second factor (an
/// authenticator or recovery code), not only the password; recovery codes go with it.
#[tokio::test]
async fn removing_the_last_second_factor_needs_a_second_factor() {
    let app = spawn().await;
    let email = "last.factor@example.com";
    let pw = app.registered_active(email).await;
    let c = signed_in_with(&app, email, &pw).await;
    let enrol: Value = step_of(app.post(&c, "/api/totp_begin", &[]).await).await;
    let secret = enrol["secret"].as_str().unwrap().to_string();
    let code = app::factors::totp::code_at(&secret, app.clock.unix()).unwrap();
    let codes: Vec<String> = app
        .post(&c, "/api/totp_confirm", &[("code", &code)])
        .await
        .json()
        .await
        .unwrap();
    // This session signed in with the password only; a fresh password re-authentication is not
    // enough either.
    assert_eq!(
        error_of(app.post(&c, "/api/totp_disable", &[]).await).await,
        AppError::SecondFactorReauthRequired
    );
    step_of(
        app.post(
            &c,
            "/api/reauthenticate",
            &[("password", &pw), ("code", "")],
        )
        .await,
    )
    .await;
    assert_eq!(
        error_of(app.post(&c, "/api/totp_disable", &[]).await).await,
        AppError::SecondFactorReauthRequired
    );
    let methods: Value = step_of(app.post(&c, "/api/sign_in_methods", &[]).await).await;
    assert_eq!(methods["totp"], true, "nothing was removed");
    // A recovery code vouches (the app's code would too); then the app and the codes go.
    let r = app
        .post(
            &c,
            "/api/reauthenticate",
            &[("password", ""), ("code", &codes[0])],
        )
        .await;
    assert_eq!(r.status(), 200);
    // New recovery codes replace every old one (audited).
    let me = customer_id(&app, email).await;
    let fresh: Vec<String> = app
        .post(&c, "/api/recovery_codes_regenerate", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(fresh.len(), 10);
    assert!(fresh.iter().all(|f| !codes.contains(f)));
    assert_audited(&app, me, EventKind::RecoveryCodesRegenerated).await;
    let old = app
        .post(
            &c,
            "/api/reauthenticate",
            &[("password", ""), ("code", &codes[1])],
        )
        .await;
    assert_eq!(
        error_of(old).await,
        AppError::CodeIncorrect,
        "old codes are gone"
    );
    let r = app
        .post(
            &c,
            "/api/reauthenticate",
            &[("password", ""), ("code", &fresh[0])],
        )
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(app.post(&c, "/api/totp_disable", &[]).await.status(), 200);
    assert_audited(&app, me, EventKind::TotpDisabled).await;
    let methods: Value = step_of(app.post(&c, "/api/sign_in_methods", &[]).await).await;
    assert_eq!(methods["totp"], false);
    assert_eq!(methods["recovery_codes_left"], 0);
}
