//! Back office, issue "production-safe": the supervisor's "reset sign-in methods" and the audit of
//! what staff read.

use super::*;

/// Issue "production-safe", item 2: a supervisor's "reset sign-in methods" (reason required,
/// audited, customer emailed) removes the second factors, after which a temporary password can
/// take the login over without one. Agents cannot.
#[tokio::test]
async fn a_supervisor_resets_sign_in_methods_with_a_reason() {
    let app = seeded().await;
    let anna_email = "anna.kowalski@demo.example";
    let anna = signed_in_with(&app, anna_email, DEMO_PASSWORD).await;
    let enrol: Value = step_of(app.post(&anna, "/api/totp_begin", &[]).await).await;
    let secret = enrol["secret"].as_str().unwrap().to_string();
    let code = app::factors::totp::code_at(&secret, app.clock_now()).unwrap();
    assert_eq!(
        app.post(&anna, "/api/totp_confirm", &[("code", &code)])
            .await
            .status(),
        200
    );
    let id = customer_id(&app, anna_email).await.to_string();
    let agent = staff(&app, AGENT).await;
    let form =
        |reason: &'static str| vec![("customer_id", id.clone()), ("reason", reason.to_string())];
    let post = |c: &reqwest::Client, f: Vec<(&'static str, String)>| {
        let (app, c) = (&app, c.clone());
        async move {
            let refs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post(&c, "/api/staff_reset_sign_in_methods", &refs)
                .await
        }
    };
    assert_eq!(
        post(&agent, form("lost phone, ID checked")).await.status(),
        403
    );
    let supervisor = staff(&app, SUPERVISOR).await;
    assert_eq!(
        error_of(post(&supervisor, form("  ")).await).await,
        AppError::validation("reason", app::domain::Issue::TooShort { min: 5 })
    );
    // The notice of the authenticator added above has the same subject as the one of the reset:
    // it must have arrived before the count that the reset's notice is looked for after.
    app.smtp
        .wait_subject(anna_email, "A security setting of your login changed")
        .await;
    let before = app.smtp.count_for(anna_email);
    let r = post(
        &supervisor,
        form("Lost phone; identity checked by callback"),
    )
    .await;
    assert_eq!(r.status(), 200);
    let done: Value = r.json().await.unwrap();
    assert!(done["reference"].as_str().unwrap().starts_with("BO-"));
    // Every second factor is gone and every session ended; she is told.
    let methods: (Option<String>, i64) = (
        sqlx::query_scalar("SELECT totp_secret FROM customers WHERE email = $1")
            .bind(anna_email)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap(),
        sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes WHERE customer_id = $1")
            .bind(id.parse::<i64>().unwrap())
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap(),
    );
    assert_eq!(methods, (None, 0));
    assert_eq!(current_user(&app, &anna).await, Value::Null);
    let notice = app
        .smtp
        .wait_subject_after(
            anna_email,
            "A security setting of your login changed",
            before,
        )
        .await;
    assert!(
        notice.text.contains("reset the sign-in methods"),
        "{}",
        notice.text
    );
    let (reason, kind): (String, String) = (
        sqlx::query_scalar("SELECT detail FROM staff_actions WHERE action = 'reset_sign_in_methods'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap(),
        sqlx::query_scalar(
            "SELECT kind FROM auth_events WHERE kind = 'sign_in_methods_reset' AND customer_id = $1",
        )
        .bind(id.parse::<i64>().unwrap())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap(),
    );
    assert_eq!(reason, "Lost phone; identity checked by callback");
    assert_eq!(kind, "sign_in_methods_reset");

    // Now a temporary password sets her login up again without a second factor.
    let c = temporary_set_up(&app, "LN-2023-004512").await;
    let r = complete_setup(&app, &c, anna_email, "quiet orchard evening", "").await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    enter_setup_code(&app, &c, anna_email).await;
    assert_eq!(current_user(&app, &c).await["email"], anna_email);
}
