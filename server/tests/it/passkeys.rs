//! Passkeys: the ceremonies' guards and expiry, the per-IP limit on starting a sign-in, the login
//! status a passkey sign-in checks, and removal on the audit trail. (Adding and signing in with a
//! real authenticator is the Playwright suite's `two-step.spec.ts`.)

use crate::common::*;
use app::domain::EventKind;
use app::error::AppError;
use app::infra::Clock;
use serde_json::Value;

#[tokio::test]
async fn passkey_ceremonies_are_guarded() {
    let app = spawn().await;
    let email = "passkey@example.com";
    let pw = app.registered_active(email).await;
    let c = signed_in_with(&app, email, &pw).await;
    let begin: Value = step_of(app.post(&c, "/api/passkey_register_begin", &[]).await).await;
    let options: Value = serde_json::from_str(begin["options"].as_str().unwrap()).unwrap();
    assert_eq!(options["publicKey"]["rp"]["id"], "localhost");
    assert_eq!(
        options["publicKey"]["authenticatorSelection"]["residentKey"],
        "required"
    );
    // A made-up credential is refused and the ceremony is used up.
    let id = begin["id"].as_str().unwrap();
    let r = app
        .post(
            &c,
            "/api/passkey_register_finish",
            &[("ceremony", id), ("credential", "{}"), ("name", "x")],
        )
        .await;
    assert_eq!(r.status(), 409);
    let r = app
        .post(
            &c,
            "/api/passkey_register_finish",
            &[("ceremony", id), ("credential", "{}"), ("name", "x")],
        )
        .await;
    assert_eq!(error_of(r).await, AppError::InvalidToken);
    // Sign-in ceremonies: single use, and a sign-in ceremony cannot finish a registration.
    let anon = app.client();
    let begin: Value = step_of(app.post(&anon, "/api/passkey_login_begin", &[]).await).await;
    let options: Value = serde_json::from_str(begin["options"].as_str().unwrap()).unwrap();
    assert!(options.get("mediation").is_none());
    assert_eq!(
        options["publicKey"]["userVerification"], "required",
        "{options}"
    );
    let r = app
        .post(
            &c,
            "/api/passkey_register_finish",
            &[
                ("ceremony", begin["id"].as_str().unwrap()),
                ("credential", "{}"),
                ("name", "x"),
            ],
        )
        .await;
    assert_eq!(error_of(r).await, AppError::InvalidToken);
    let r = app
        .post(
            &anon,
            "/api/passkey_login_finish",
            &[("ceremony", "not-a-ceremony"), ("credential", "{}")],
        )
        .await;
    assert_eq!(error_of(r).await, AppError::InvalidToken);
    assert_eq!(current_user(&app, &anon).await, Value::Null);
    // Removing a passkey that is not yours: not found.
    let r = app.post(&c, "/api/passkey_remove", &[("id", "1")]).await;
    assert_eq!(r.status(), 404);
}

/// Issue "production-safe", low items: starting a passkey sign-in stores a ceremony, so it is
/// limited per IP (30 per 15 minutes).
#[tokio::test]
async fn passkey_login_begin_is_throttled_per_ip() {
    let app = spawn().await;
    let c = app.client();
    for _ in 0..30 {
        assert_eq!(
            app.post(&c, "/api/passkey_login_begin", &[]).await.status(),
            200
        );
    }
    let r = app.post(&c, "/api/passkey_login_begin", &[]).await;
    assert!(matches!(error_of(r).await, AppError::RateLimited { .. }));
    // The limit passes with its window.
    app.advance(15 * 60 + 1);
    assert_eq!(
        app.post(&c, "/api/passkey_login_begin", &[]).await.status(),
        200
    );
}

/// Issue "production-safe", low items: a passkey signs in only an active login. (The assertion
/// itself needs an authenticator, which the Playwright suite has; here the rule it ends in.)
#[tokio::test]
async fn passkey_sign_in_checks_the_login_status() {
    let app = spawn().await;
    let email = "passkey.status@example.com";
    app.registered_active(email).await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM customers WHERE email = $1")
        .bind(email)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    app::factors::passkeys::ensure_active(&app.state, id)
        .await
        .unwrap();
    for status in ["disabled", "pending"] {
        sqlx::query("UPDATE customers SET status = $1 WHERE id = $2")
            .bind(status)
            .bind(id)
            .execute(&app.state.db.pool)
            .await
            .unwrap();
        assert_eq!(
            app::factors::passkeys::ensure_active(&app.state, id)
                .await
                .map_err(AppError::from),
            Err(AppError::InvalidCredentials),
            "{status}"
        );
    }
}

/// A passkey ceremony lasts five minutes. At 4:59 a ceremony is still live: a made-up credential
/// is judged and refused (409). One second past five minutes the ceremony itself is refused
/// (InvalidToken) before any credential is read. Both for adding a passkey and for signing in.
#[tokio::test]
async fn passkey_ceremonies_expire_after_five_minutes() {
    let app = spawn().await;
    let email = "ceremony.expiry@example.com";
    let pw = app.registered_active(email).await;
    let c = signed_in_with(&app, email, &pw).await;
    let anon = app.client();
    let begin = |client: &reqwest::Client, endpoint: &'static str| {
        let (app, client) = (&app, client.clone());
        async move {
            let b: Value = step_of(app.post(&client, endpoint, &[]).await).await;
            b["id"].as_str().unwrap().to_string()
        }
    };
    let register = [
        begin(&c, "/api/passkey_register_begin").await,
        begin(&c, "/api/passkey_register_begin").await,
    ];
    let sign_in = [
        begin(&anon, "/api/passkey_login_begin").await,
        begin(&anon, "/api/passkey_login_begin").await,
    ];
    let finish_register = |id: String| {
        let (app, c) = (&app, c.clone());
        async move {
            app.post(
                &c,
                "/api/passkey_register_finish",
                &[("ceremony", &id), ("credential", "{}"), ("name", "x")],
            )
            .await
        }
    };
    let finish_sign_in = |id: String| {
        let (app, anon) = (&app, anon.clone());
        async move {
            app.post(
                &anon,
                "/api/passkey_login_finish",
                &[("ceremony", &id), ("credential", "{}")],
            )
            .await
        }
    };
    app.advance(5 * 60 - 1);
    assert_eq!(finish_register(register[0].clone()).await.status(), 409);
    assert_eq!(finish_sign_in(sign_in[0].clone()).await.status(), 409);
    app.advance(2);
    // Adding a passkey also needs a recent re-authentication; renewed, so only the ceremony is late.
    let fresh = app
        .post(
            &c,
            "/api/reauthenticate",
            &[("password", &pw), ("code", "")],
        )
        .await;
    assert_eq!(fresh.status(), 200);
    let late = finish_register(register[1].clone()).await;
    assert_eq!(error_of(late).await, AppError::InvalidToken);
    let late = finish_sign_in(sign_in[1].clone()).await;
    assert_eq!(error_of(late).await, AppError::InvalidToken);
    assert_eq!(current_user(&app, &anon).await, Value::Null);
}

/// Removing a passkey (not the last second factor: the authenticator app stays) is on the login's
/// audit trail, and the passkey is gone.
#[tokio::test]
async fn a_removed_passkey_is_audited() {
    let app = spawn().await;
    let email = "passkey.removed@example.com";
    let pw = app.registered_active(email).await;
    let c = signed_in_with(&app, email, &pw).await;
    let enrol: Value = step_of(app.post(&c, "/api/totp_begin", &[]).await).await;
    let code =
        app::factors::totp::code_at(enrol["secret"].as_str().unwrap(), app.clock.unix()).unwrap();
    let r = app.post(&c, "/api/totp_confirm", &[("code", &code)]).await;
    assert_eq!(r.status(), 200);
    let me = customer_id(&app, email).await;
    // A passkey as a finished ceremony leaves it (the ceremony itself is tested end to end).
    let passkey: i64 = sqlx::query_scalar(
        "INSERT INTO passkeys (customer_id, credential_id, data, name, created_at) \
         VALUES ($1, 'removed-credential', '{}', 'Old phone', 0) RETURNING id",
    )
    .bind(me)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let r = app
        .post(&c, "/api/passkey_remove", &[("id", &passkey.to_string())])
        .await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    assert_audited(&app, me, EventKind::PasskeyRemoved).await;
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM passkeys WHERE customer_id = $1")
        .bind(me)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(left, 0);
}
