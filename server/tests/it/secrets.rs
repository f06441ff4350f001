//! Issue "production-safe", item 6: authenticator secrets (customers and staff) are sealed at rest
//! under the data key; the database alone holds no secret that verifies a code; keys rotate.

use crate::common::*;
use app::infra::crypto::{reseal, DataKeys, SEALED_COLUMNS};
use serde_json::Value;

async fn stored(app: &TestApp) -> Vec<String> {
    let mut out = Vec::new();
    for (table, column) in SEALED_COLUMNS {
        let values: Vec<String> = sqlx::query_scalar(&format!(
            "SELECT {column} FROM {table} WHERE {column} IS NOT NULL"
        ))
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
        out.extend(values);
    }
    out
}

#[tokio::test]
async fn totp_secrets_are_sealed_at_rest_and_keys_rotate() {
    let app = spawn().await;
    server::seed::seed_demo(&app.state).await.unwrap();
    let email = "sealed@example.com";
    let pw = app.registered_active(email).await;
    let c = signed_in_with(&app, email, &pw).await;
    let enrol: Value = step_of(app.post(&c, "/api/totp_begin", &[]).await).await;
    let secret = enrol["secret"].as_str().unwrap().to_string();
    let code = app::factors::totp::code_at(&secret, app.clock_now()).unwrap();
    assert_eq!(
        app.post(&c, "/api/totp_confirm", &[("code", &code)])
            .await
            .status(),
        200
    );
    // Every stored secret (the customer's and both demo staff members') is sealed, and none of
    // the secrets an authenticator app holds is in the database.
    let values = stored(&app).await;
    assert_eq!(values.len(), 3);
    let plain = [
        secret.as_str(),
        server::seed::STAFF[0].totp_secret,
        server::seed::STAFF[1].totp_secret,
    ];
    for v in &values {
        assert!(DataKeys::is_sealed(v), "{v}");
        assert_eq!(DataKeys::key_of(v), Some("k1"));
        assert!(plain.iter().all(|p| !v.contains(p)));
    }

    // Rotation: a new key first, the old one kept to open; `rotate-data-key` re-seals all.
    let old = std::fs::read_to_string(app.state.config.data_dir.join("data.key")).unwrap();
    let mut config = (*app.state.config).clone();
    config.data_keys = DataKeys::parse(&format!("{},{old}", DataKeys::generate("k2"))).unwrap();
    let rotated = app.another_instance_with(config).await;
    assert_eq!(
        reseal(&rotated.db, &rotated.config.data_keys, true)
            .await
            .unwrap(),
        3
    );
    for v in stored(&app).await {
        assert_eq!(DataKeys::key_of(&v), Some("k2"));
    }
    // The rotated secret still verifies the app's codes.
    app.advance(30);
    let id: i64 = sqlx::query_scalar("SELECT id FROM customers WHERE email = $1")
        .bind(email)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let next = app::factors::totp::code_at(&secret, app.clock_now()).unwrap();
    app::factors::totp::verify(&rotated, id, &next)
        .await
        .unwrap();
    // Under the old key alone it no longer opens (an error, never a silent pass).
    app.advance(30);
    let later = app::factors::totp::code_at(&secret, app.clock_now()).unwrap();
    assert_eq!(
        app::factors::totp::verify(&app.state, id, &later)
            .await
            .map_err(app::error::AppError::from),
        Err(app::error::AppError::Internal)
    );

    // A secret stored before sealing existed is sealed when an instance starts.
    sqlx::query("UPDATE staff SET totp_secret = $1 WHERE email = $2")
        .bind(server::seed::STAFF[0].totp_secret)
        .bind(server::seed::STAFF[0].email)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let _restarted = app.another_instance().await;
    let v: String = sqlx::query_scalar("SELECT totp_secret FROM staff WHERE email = $1")
        .bind(server::seed::STAFF[0].email)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(DataKeys::is_sealed(&v));
}

/// Issue "production-safe", low items: outside demo mode the simulated SMS sender does not keep
/// message texts (sign-in codes) in clear; in demo mode the dev mailbox shows them.
#[tokio::test]
async fn simulated_sms_texts_are_sealed_outside_demo_mode() {
    for production in [false, true] {
        let app = spawn_with(Options {
            production,
            ..Default::default()
        })
        .await;
        app.state
            .sms
            .send("+14165550123", "Your Northstar code is 424242")
            .await
            .unwrap();
        let body: String = sqlx::query_scalar("SELECT body FROM simulated_sms")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
        if production {
            assert!(!body.contains("424242") && DataKeys::is_sealed(&body));
            assert_eq!(
                app.state.config.data_keys.open(&body).unwrap(),
                "Your Northstar code is 424242"
            );
        } else {
            assert_eq!(body, "Your Northstar code is 424242");
        }
    }
}
