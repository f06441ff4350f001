//! Changing the password and the email address: the current password is required, other sessions
//! end on a password change, and an email change is confirmed at the new address with a notice
//! to the old one.

use crate::common::*;
use app::domain::Issue;
use app::error::AppError;
use serde_json::Value;

#[tokio::test]
async fn password_change_needs_the_current_password_and_ends_other_sessions() {
    let app = spawn().await;
    let email = "pw.change@example.com";
    let old = app.registered_active(email).await;
    let (a, b) = (app.client(), app.client());
    login(&app, &a, email, &old).await;
    login(&app, &b, email, &old).await;
    let new = "copper kettle morning";
    let wrong = app
        .post(
            &a,
            "/api/change_password",
            &[
                ("current_password", "not it at all"),
                ("new_password", new),
                ("new_password_confirm", new),
            ],
        )
        .await;
    assert_eq!(
        error_of(wrong).await,
        AppError::validation("current_password", Issue::CurrentPasswordWrong)
    );
    let weak = app
        .post(
            &a,
            "/api/change_password",
            &[
                ("current_password", &old),
                ("new_password", "qwertyuiop"),
                ("new_password_confirm", "qwertyuiop"),
            ],
        )
        .await;
    assert_eq!(
        error_of(weak).await,
        AppError::validation("new_password", Issue::PasswordCommon)
    );
    let ok = app
        .post(
            &a,
            "/api/change_password",
            &[
                ("current_password", &old),
                ("new_password", new),
                ("new_password_confirm", new),
            ],
        )
        .await;
    assert_eq!(ok.status(), 200);
    assert_ne!(
        current_user(&app, &a).await,
        Value::Null,
        "this session stays"
    );
    assert_eq!(
        current_user(&app, &b).await,
        Value::Null,
        "the other one ends"
    );
    assert_eq!(
        app.smtp
            .wait_subject(email, "Your password was changed")
            .await
            .subject,
        "Your password was changed"
    );
    assert_eq!(login(&app, &b, email, &old).await.status(), 401);
    assert_eq!(login(&app, &b, email, new).await.status(), 200);
}

#[tokio::test]
async fn email_change_is_confirmed_at_the_new_address() {
    let app = spawn().await;
    let old_email = "old.address@example.com";
    let pw = app.registered_active(old_email).await;
    let c = app.client();
    login(&app, &c, old_email, &pw).await;
    let same = app
        .post(
            &c,
            "/api/request_email_change",
            &[("current_password", &pw), ("new_email", old_email)],
        )
        .await;
    assert_eq!(
        error_of(same).await,
        AppError::validation("new_email", Issue::SameEmail)
    );
    let bad = app
        .post(
            &c,
            "/api/request_email_change",
            &[("current_password", &pw), ("new_email", "nope")],
        )
        .await;
    assert_eq!(
        error_of(bad).await,
        AppError::validation("new_email", Issue::EmailFormat)
    );
    let r = app
        .post(
            &c,
            "/api/request_email_change",
            &[
                ("current_password", &pw),
                ("new_email", "New.Address@Example.com"),
            ],
        )
        .await;
    assert_eq!(r.json::<String>().await.unwrap(), "new.address@example.com");
    // Nothing changes until the link is opened.
    assert_eq!(current_user(&app, &c).await["email"], old_email);
    let mail = app.smtp.wait_for("new.address@example.com", 1).await;
    assert_eq!(mail.subject, "Confirm your new email address");
    let token = token_from(&mail.link("/confirm-email?token="));
    let anon = app.client();
    let done = app
        .post(&anon, "/api/confirm_email_change", &[("token", &token)])
        .await;
    assert_eq!(
        done.json::<String>().await.unwrap(),
        "new.address@example.com"
    );
    assert_eq!(
        app.smtp
            .wait_subject(old_email, "Your login's email address was changed")
            .await
            .subject,
        "Your login's email address was changed"
    );
    // Confirmed from another browser: every session of the login ends (issue "production-safe",
    // item 8), this one included.
    assert_eq!(current_user(&app, &c).await, Value::Null);
    assert_eq!(
        login(&app, &anon, "new.address@example.com", &pw)
            .await
            .status(),
        200
    );
    assert_eq!(
        login(&app, &app.client(), old_email, &pw).await.status(),
        401
    );
    let again = app
        .post(&anon, "/api/confirm_email_change", &[("token", &token)])
        .await;
    assert_eq!(error_of(again).await, AppError::InvalidToken);
}

#[tokio::test]
async fn email_change_to_a_taken_address_is_refused_at_confirmation() {
    let app = spawn().await;
    let pw = app.registered_active("first@example.com").await;
    app.registered_active("taken@example.com").await;
    let c = app.client();
    login(&app, &c, "first@example.com", &pw).await;
    app.post(
        &c,
        "/api/request_email_change",
        &[
            ("current_password", &pw),
            ("new_email", "taken@example.com"),
        ],
    )
    .await;
    let token = token_from(
        &app.smtp
            .wait_for("taken@example.com", 2)
            .await
            .link("token="),
    );
    let r = app
        .post(&c, "/api/confirm_email_change", &[("token", &token)])
        .await;
    assert_eq!(r.status(), 409);
    assert_eq!(current_user(&app, &c).await["email"], "first@example.com");
}

/// Issue "production-safe", item 8: an email change ends the login's other sessions; the session
/// that confirms it stays signed in.
#[tokio::test]
async fn email_change_ends_other_sessions_but_keeps_the_confirming_one() {
    let app = spawn().await;
    let pw = app.registered_active("mover@example.com").await;
    let here = signed_in_with(&app, "mover@example.com", &pw).await;
    let elsewhere = signed_in_with(&app, "mover@example.com", &pw).await;
    app.post(
        &here,
        "/api/request_email_change",
        &[
            ("current_password", &pw),
            ("new_email", "moved@example.com"),
        ],
    )
    .await;
    let token = token_from(
        &app.smtp
            .wait_for("moved@example.com", 1)
            .await
            .link("/confirm-email?token="),
    );
    let r = app
        .post(&here, "/api/confirm_email_change", &[("token", &token)])
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(
        current_user(&app, &here).await["email"],
        "moved@example.com"
    );
    assert_eq!(current_user(&app, &elsewhere).await, Value::Null);
}
