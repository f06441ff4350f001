//! Issue 18, security matrix row "audit for every auth event": one login's life, step by step —
//! registered, activated, signed in on a new device (wrong password first), re-authenticated,
//! contact details and the sign-in code changed, its email changed, a password reset asked for and
//! made, the password changed, a session and a device revoked, signed out, a username reminder —
//! and every step leaves its row in `auth_events`, under its kind, for that login.

use crate::common::*;
use app::domain::EventKind;

async fn kinds_of(app: &TestApp, customer: i64) -> Vec<String> {
    sqlx::query_scalar("SELECT DISTINCT kind FROM auth_events WHERE customer_id = $1")
        .bind(customer)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn each_step_of_a_logins_life_leaves_its_audit_row() {
    let app = spawn().await;
    let email = "audited@example.com";
    // Registered, then the activation link asked for again before it is used.
    let c = app.client();
    let pw = "maple syrup tuesday";
    assert_eq!(
        register(&app, &c, "Ada", "Audit", email, pw).await.status(),
        200
    );
    app.post(&c, "/api/resend_activation", &[("email", email)])
        .await;
    let mail = app.smtp.wait_for(email, 2).await;
    let token = token_from(&mail.link("/activate?token="));
    assert_eq!(
        app.post(&c, "/api/activate", &[("token", &token)])
            .await
            .status(),
        200
    );
    let customer: i64 = sqlx::query_scalar("SELECT id FROM customers WHERE email = $1")
        .bind(email)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    // A wrong password, then a sign-in on a new device (its emailed code), twice: two sessions.
    login(&app, &c, email, "not the password").await;
    let a = signed_in_with(&app, email, pw).await;
    let b = signed_in_with(&app, email, pw).await;
    let ok = |r: reqwest::Response| async move {
        let status = r.status();
        assert_eq!(status, 200, "{:?}", r.text().await);
    };
    ok(app
        .post(&a, "/api/reauthenticate", &[("password", pw), ("code", "")])
        .await)
    .await;
    ok(app
        .post(
            &a,
            "/api/save_contact",
            &[
                ("phone", ""),
                ("country", "CA"),
                ("line1", "250 Front St W"),
                ("line2", ""),
                ("city", "Toronto"),
                ("region", "ON"),
                ("postal", "M5V 3L9"),
            ],
        )
        .await)
    .await;
    ok(app
        .post(&a, "/api/set_sign_in_code", &[("channel", "email")])
        .await)
    .await;
    ok(app
        .post(&a, "/api/set_sign_in_code", &[("channel", "off")])
        .await)
    .await;
    // The other session, then every remembered device, revoked from the first.
    let sessions: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM sessions WHERE customer_id = $1 ORDER BY id")
            .bind(customer)
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    ok(app
        .post(
            &a,
            "/api/revoke_session",
            &[("id", &sessions[1].to_string())],
        )
        .await)
    .await;
    drop(b);
    let device: i64 = sqlx::query_scalar("SELECT MAX(id) FROM devices WHERE customer_id = $1")
        .bind(customer)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    ok(app
        .post(&a, "/api/revoke_device", &[("id", &device.to_string())])
        .await)
    .await;
    // The password changed, then the email changed through its link.
    let new_pw = "maple syrup wednesday";
    ok(app
        .post(
            &a,
            "/api/change_password",
            &[
                ("current_password", pw),
                ("new_password", new_pw),
                ("new_password_confirm", new_pw),
            ],
        )
        .await)
    .await;
    let new_email = "audited.again@example.com";
    ok(app
        .post(
            &a,
            "/api/request_email_change",
            &[("current_password", new_pw), ("new_email", new_email)],
        )
        .await)
    .await;
    let mail = app.smtp.wait_for(new_email, 1).await;
    let change = token_from(&mail.link("/confirm-email?token="));
    ok(app
        .post(&a, "/api/confirm_email_change", &[("token", &change)])
        .await)
    .await;
    ok(app.post(&a, "/api/logout", &[]).await).await;
    // Forgotten: a reset asked for and made.
    let before = app.smtp.count_for(new_email);
    ok(app
        .post(&c, "/api/request_password_reset", &[("email", new_email)])
        .await)
    .await;
    let mail = app
        .smtp
        .wait_subject_after(new_email, "Request to reset your password", before)
        .await;
    let reset = token_from(&mail.link("/reset-password?token="));
    let last_pw = "maple syrup thursday";
    ok(app
        .post(
            &c,
            "/api/reset_password",
            &[
                ("token", &reset),
                ("password", last_pw),
                ("password_confirm", last_pw),
            ],
        )
        .await)
    .await;

    let kinds = kinds_of(&app, customer).await;
    let want = [
        EventKind::Register,
        EventKind::ActivationResent,
        EventKind::Activate,
        EventKind::Login,
        EventKind::LoginSecondStep,
        EventKind::Reauthenticate,
        EventKind::ProfileUpdated,
        EventKind::SignInCodeChanged,
        EventKind::SessionRevoked,
        EventKind::DeviceRevoked,
        EventKind::PasswordChanged,
        EventKind::EmailChangeRequested,
        EventKind::EmailChanged,
        EventKind::Logout,
        EventKind::PasswordResetRequested,
        EventKind::PasswordReset,
    ];
    let missing: Vec<&str> = want
        .iter()
        .map(|k| k.code())
        .filter(|k| !kinds.iter().any(|x| x == k))
        .collect();
    assert!(
        missing.is_empty(),
        "no audit row for {missing:?} (rows: {kinds:?})"
    );
    // A failed step is written as a failure.
    let failed: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM auth_events WHERE customer_id = $1 AND kind = 'login' AND success = 0",
    )
    .bind(customer)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(failed, 1);
}
