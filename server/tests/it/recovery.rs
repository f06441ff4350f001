//! Forgot password / username: the same answer for every address, single-use links that expire in
//! an hour, and a reset that ends every session and lifts a sign-in lock.

use crate::common::*;
use app::error::AppError;

#[tokio::test]
async fn password_reset_round_trip_ends_sessions_and_lifts_the_lock() {
    let app = spawn().await;
    let email = "reset.me@example.com";
    let old = app.registered_active(email).await;
    // A signed-in browser that must be signed out by the reset.
    let other = app.client();
    assert_eq!(login(&app, &other, email, &old).await.status(), 200);
    // Someone locked the account with wrong passwords.
    let c = app.client();
    for _ in 0..5 {
        login(&app, &c, email, "wrong guess here").await;
    }
    assert_eq!(login(&app, &c, email, &old).await.status(), 429);

    // Same answer for a known and an unknown address.
    let known = app
        .post(&c, "/api/request_password_reset", &[("email", email)])
        .await;
    let unknown = app
        .post(
            &c,
            "/api/request_password_reset",
            &[("email", "nobody@example.com")],
        )
        .await;
    assert_eq!(
        (known.status(), unknown.status()),
        (reqwest::StatusCode::OK, reqwest::StatusCode::OK)
    );
    assert_eq!(known.text().await.unwrap(), unknown.text().await.unwrap());

    assert_eq!(
        app.smtp
            .wait_subject(email, "Your login was locked after several wrong passwords")
            .await
            .subject,
        "Your login was locked after several wrong passwords"
    );
    let mail = app
        .smtp
        .wait_subject(email, "Request to reset your password")
        .await;
    let token = token_from(&mail.link("/reset-password?token="));

    // Policy applies; a bad new password does not use the link up.
    let weak = app
        .post(
            &c,
            "/api/reset_password",
            &[
                ("token", &token),
                ("password", "password123"),
                ("password_confirm", "password123"),
            ],
        )
        .await;
    assert_eq!(
        error_of(weak).await,
        AppError::validation("password", app::domain::Issue::PasswordCommon)
    );
    let new = "quiet harbour lanterns";
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
    assert_eq!(
        app.smtp
            .wait_subject(email, "Your password was changed")
            .await
            .subject,
        "Your password was changed"
    );

    // Single use.
    let again = app
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
    assert_eq!(error_of(again).await, AppError::InvalidToken);
    // Every session ended; the lock is gone; only the new password works.
    assert_eq!(current_user(&app, &other).await, serde_json::Value::Null);
    assert_eq!(login(&app, &c, email, &old).await.status(), 401);
    assert_eq!(login(&app, &c, email, new).await.status(), 200);
}

#[tokio::test]
async fn reset_links_expire_after_an_hour() {
    let app = spawn().await;
    let email = "slow@example.com";
    app.registered_active(email).await;
    let c = app.client();
    app.post(&c, "/api/request_password_reset", &[("email", email)])
        .await;
    let token = token_from(&app.smtp.wait_for(email, 2).await.link("token="));
    app.advance(3601);
    let r = app
        .post(
            &c,
            "/api/reset_password",
            &[
                ("token", &token),
                ("password", "quiet harbour lanterns"),
                ("password_confirm", "quiet harbour lanterns"),
            ],
        )
        .await;
    assert_eq!(error_of(r).await, AppError::InvalidToken);
}

#[tokio::test]
async fn username_reminder_goes_to_the_linked_login_only() {
    let app = spawn().await;
    server::seed::seed_demo(&app.state).await.unwrap();
    let c = app.client();
    let hit = app
        .post(
            &c,
            "/api/request_username_reminder",
            &[
                ("contract_number", "ln-2021-001187"),
                ("last_name", "ivanova"),
            ],
        )
        .await;
    let miss = app
        .post(
            &c,
            "/api/request_username_reminder",
            &[
                ("contract_number", "LN-2021-001187"),
                ("last_name", "Smith"),
            ],
        )
        .await;
    assert_eq!(hit.status(), miss.status());
    assert_eq!(hit.text().await.unwrap(), miss.text().await.unwrap());
    let mail = app.smtp.wait_for("olga.ivanova@demo.example", 1).await;
    assert_eq!(mail.subject, "Your username reminder");
    assert!(mail.text.contains("olga.ivanova@demo.example"));
    // Counted by subject: the demo book's own mail (payments the jobs post, autopay reminders) may be
    // queued meanwhile by this instance's job pass.
    let queued: Vec<String> = sqlx::query_scalar(
        "SELECT to_addr FROM mail_outbox WHERE subject = 'Your username reminder'",
    )
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(
        queued,
        vec!["olga.ivanova@demo.example".to_string()],
        "the wrong last name queued nothing"
    );
}

#[tokio::test]
async fn a_locked_owner_gets_an_unlock_link_that_works_once() {
    let app = spawn().await;
    let email = "locked@example.com";
    let pw = app.registered_active(email).await;
    let c = app.client();
    for _ in 0..5 {
        login(&app, &c, email, "not my password").await;
    }
    assert_eq!(login(&app, &c, email, &pw).await.status(), 429);
    let mail = app.smtp.wait_for(email, 2).await;
    assert_eq!(
        mail.subject,
        "Your login was locked after several wrong passwords"
    );
    let token = token_from(&mail.link("/unlock?token="));
    // Further failures do not send more emails.
    login(&app, &c, email, "not my password").await;
    assert_eq!(
        app.post(&c, "/api/unlock_account", &[("token", &token)])
            .await
            .status(),
        200
    );
    let me = customer_id(&app, email).await;
    assert_audited(&app, me, app::domain::EventKind::AccountUnlock).await;
    assert_eq!(login(&app, &c, email, &pw).await.status(), 200);
    let again = app
        .post(&c, "/api/unlock_account", &[("token", &token)])
        .await;
    assert_eq!(error_of(again).await, AppError::InvalidToken);
    assert_eq!(
        app.queued_for(email).await,
        3,
        "activation + one lock notice + the new-device code"
    );
    // Unknown addresses get no email (nobody to tell), but are locked the same way.
    for _ in 0..5 {
        login(&app, &c, "ghost@example.com", "whatever123").await;
    }
    assert_eq!(app.smtp.count_for("ghost@example.com"), 0);
}

#[tokio::test]
async fn staff_can_lift_a_lock() {
    let app = spawn().await;
    let email = "staff.unlock@example.com";
    let pw = app.registered_active(email).await;
    let c = app.client();
    for _ in 0..5 {
        login(&app, &c, email, "not my password").await;
    }
    assert_eq!(login(&app, &c, email, &pw).await.status(), 429);
    let parsed = app::domain::Email::parse(email).unwrap();
    assert!(
        app::auth::recovery::staff_unlock(&app.state, &parsed, "test")
            .await
            .unwrap()
    );
    assert_eq!(login(&app, &c, email, &pw).await.status(), 200);
    assert!(
        !app::auth::recovery::staff_unlock(&app.state, &parsed, "test")
            .await
            .unwrap(),
        "nothing left to unlock"
    );
}
