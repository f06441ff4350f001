//! The Security page's server functions: sessions with revoke, devices with revoke, sign-in
//! history — each only ever touching the signed-in customer's own rows.

use crate::common::*;
use app::error::AppError;
use app::infra::Clock;
use serde_json::Value;

async fn overview(app: &TestApp, c: &reqwest::Client) -> Value {
    let r = app.post(c, "/api/security_overview", &[]).await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

#[tokio::test]
async fn sessions_can_be_listed_and_revoked_one_or_all() {
    let app = spawn().await;
    let email = "sessions@example.com";
    let pw = app.registered_active(email).await;
    let (a, b, c) = (app.client(), app.client(), app.client());
    for client in [&a, &b, &c] {
        assert_eq!(login(&app, client, email, &pw).await.status(), 200);
    }
    login(&app, &a, email, "a wrong password").await; // shows up as a failure in the history
    let o = overview(&app, &a).await;
    let sessions = o["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 3);
    assert_eq!(sessions.iter().filter(|s| s["current"] == true).count(), 1);
    let history = o["history"].as_array().unwrap();
    assert!(history
        .iter()
        .any(|e| e["kind"] == "login" && e["success"] == false));
    assert!(
        history
            .iter()
            .filter(|e| e["kind"] == "login" && e["success"] == true)
            .count()
            >= 3
    );

    // End one other session: that browser is signed out, the others are not.
    let mine = sessions.iter().find(|s| s["current"] == true).unwrap()["id"]
        .as_i64()
        .unwrap();
    let other = sessions.iter().find(|s| s["current"] == false).unwrap()["id"]
        .as_i64()
        .unwrap();
    assert_eq!(
        app.post(&a, "/api/revoke_session", &[("id", &other.to_string())])
            .await
            .status(),
        200
    );
    let signed_in = [
        current_user(&app, &b).await != Value::Null,
        current_user(&app, &c).await != Value::Null,
    ];
    assert_eq!(
        signed_in.iter().filter(|x| **x).count(),
        1,
        "exactly one of the two others was signed out"
    );
    // This session is ended with Sign out, not from the list.
    let r = app
        .post(&a, "/api/revoke_session", &[("id", &mine.to_string())])
        .await;
    assert_eq!(r.status(), 409);

    // Sign out all others.
    let n: u64 = app
        .post(&a, "/api/revoke_other_sessions", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(n, 1);
    assert_eq!(current_user(&app, &b).await, Value::Null);
    assert_eq!(current_user(&app, &c).await, Value::Null);
    assert_ne!(current_user(&app, &a).await, Value::Null);
}

#[tokio::test]
async fn another_customers_sessions_and_devices_are_out_of_reach() {
    let app = spawn().await;
    let pw1 = app.registered_active("one@example.com").await;
    let pw2 = app.registered_active("two@example.com").await;
    let (one, two) = (app.client(), app.client());
    login(&app, &one, "one@example.com", &pw1).await;
    login(&app, &two, "two@example.com", &pw2).await;
    let theirs = overview(&app, &two).await["sessions"][0]["id"]
        .as_i64()
        .unwrap();
    let r = app
        .post(&one, "/api/revoke_session", &[("id", &theirs.to_string())])
        .await;
    assert_eq!(r.status(), 404);
    assert_eq!(error_of(r).await, AppError::NotFound);
    assert_ne!(current_user(&app, &two).await, Value::Null);
    let theirs_before = overview(&app, &two).await["devices"]
        .as_array()
        .unwrap()
        .len();
    let their_device = overview(&app, &two).await["devices"][0]["id"]
        .as_i64()
        .unwrap();
    let r = app
        .post(
            &one,
            "/api/revoke_device",
            &[("id", &their_device.to_string())],
        )
        .await;
    assert_eq!(r.status(), 404);
    assert_eq!(
        overview(&app, &two).await["devices"]
            .as_array()
            .unwrap()
            .len(),
        theirs_before
    );
    // Nobody signed in: refused.
    let anon = app.client();
    for path in [
        "/api/security_overview",
        "/api/revoke_session",
        "/api/revoke_other_sessions",
        "/api/revoke_device",
    ] {
        assert_eq!(
            app.post(&anon, path, &[("id", "1")]).await.status(),
            401,
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_revoked_device_needs_a_new_code() {
    let app = spawn().await;
    server::seed::seed_demo(&app.state).await.unwrap();
    let email = "device@example.com";
    let pw = app.registered_active(email).await;
    let c = app.client();
    login(&app, &c, email, &pw).await;
    let priya = server::seed::link_hints(app.clock.now().date())
        .into_iter()
        .find(|h| h.first == "Priya")
        .unwrap();
    let form = [
        ("first_name", "Priya"),
        ("last_name", "Shah"),
        ("method", "customer_id"),
        ("vin", ""),
        ("last_payment", ""),
        ("customer_id", &priya.card_id),
    ];
    // Two remembered browsers: the one that opened the activation link, and this one (signed in
    // with the emailed code). Remove both.
    let devices = overview(&app, &c).await["devices"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(devices.len(), 2);
    for d in devices {
        let id = d["id"].as_i64().unwrap().to_string();
        assert_eq!(
            app.post(&c, "/api/revoke_device", &[("id", &id)])
                .await
                .status(),
            200
        );
    }
    assert!(overview(&app, &c).await["devices"]
        .as_array()
        .unwrap()
        .is_empty());
    // Linking again from this browser asks for a code again.
    let again: Value = app
        .post(&c, "/api/link_contract", &form)
        .await
        .json()
        .await
        .unwrap();
    assert!(again["CodeSent"].is_string(), "{again}");
    // And so does the next sign-in from it.
    let fresh = app.client();
    let step: Value = login_first_step(&app, &fresh, email, &pw)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(step["Code"]["new_device"], true, "{step}");
}

#[tokio::test]
async fn a_sign_in_waiting_for_its_code_is_not_listed_but_is_ended_with_the_others() {
    let app = spawn().await;
    let email = "pending.list@example.com";
    let pw = app.registered_active(email).await;
    let me = app.client();
    login(&app, &me, email, &pw).await;
    // Someone else has the password but not the emailed code.
    let stranger = app.client();
    let step: Value = login_first_step(&app, &stranger, email, &pw)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(step["Code"]["new_device"], true);
    let sessions = overview(&app, &me).await["sessions"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(sessions, 1, "only real sessions are listed");
    let r = app.post(&me, "/api/revoke_other_sessions", &[]).await;
    assert_eq!(r.status(), 200);
    assert_eq!(
        app.post(&stranger, "/api/login_step", &[]).await.status(),
        401,
        "the pending sign-in ended"
    );
}

/// The walk-through found the current Chrome listed as "Unknown browser" (a remembered device's
/// name was named a second time) and each sign-in listed twice alike.
#[tokio::test]
async fn devices_keep_their_browser_name_and_the_two_sign_in_steps_read_differently() {
    let app = spawn().await;
    let email = "chrome@example.com";
    let pw = app.registered_active(email).await;
    let chrome = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36")
        .build()
        .unwrap();
    assert_eq!(login(&app, &chrome, email, &pw).await.status(), 200);
    let o = overview(&app, &chrome).await;
    let named = |v: &serde_json::Value, l| {
        let agent: app::domain::agent::AgentName = serde_json::from_value(v.clone()).unwrap();
        app::security::device_name(l, &agent)
    };
    let (en, ru) = (app::i18n::Locale::En, app::i18n::Locale::Ru);
    let names: Vec<String> = o["devices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| named(&d["device"], en))
        .collect();
    assert!(names.contains(&"Chrome on Linux".to_string()), "{names:?}");
    let current = o["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["current"] == true)
        .unwrap();
    assert_eq!(named(&current["device"], en), "Chrome on Linux");
    assert_eq!(named(&current["device"], ru), "Chrome на Linux");
    let unknown = app::domain::agent::describe("SomethingElse/1.0");
    assert_eq!(
        app::security::device_name(ru, &unknown),
        "Неизвестный браузер"
    );
    // The password step and the completed sign-in are two events with two different names.
    let l = app::i18n::Locale::En;
    assert_eq!(app::security::event_text(l, "login", ""), "Password check");
    assert_eq!(
        app::security::event_text(l, "login_second_step", "device_code"),
        "Signed in with password + device code"
    );
    let history = o["history"].as_array().unwrap();
    assert!(history
        .iter()
        .any(|e| e["kind"] == "login_second_step" && e["detail"] == "device_code"));
}

/// Times of day are shown in the browser's zone (remembered in a cookie by the page), with the
/// offset written next to them; without it, in UTC, said so.
#[tokio::test]
async fn times_follow_the_browsers_time_zone() {
    let app = spawn().await;
    let email = "toronto@example.com";
    let pw = app.registered_active(email).await;
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let url: reqwest::Url = app.base.parse().unwrap();
    let c = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    assert_eq!(login(&app, &c, email, &pw).await.status(), 200);
    let page = || async {
        let r = c
            .get(format!("{}/profile/security", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        r.text().await.unwrap()
    };
    let utc = page().await;
    assert!(utc.contains("(UTC)"), "no zone yet: UTC, said so");
    // The test calendar is pinned; its month decides standard or daylight time in Toronto.
    let zone = app::i18n::zone::parse("America/Toronto").unwrap();
    let offset = app::i18n::zone::offset_in(&zone, app.clock_now());
    let label = app::i18n::zone::offset_label(offset);
    assert!(label == "UTC−5" || label == "UTC−4", "{label}");
    jar.add_cookie_str("portal_tz=America/Toronto; Path=/", &url);
    let local = page().await;
    assert!(local.contains(&format!("({label})")), "{label} in the page");
    assert!(!local.contains("(UTC)"));
    // A made-up zone is ignored, not trusted.
    jar.add_cookie_str("portal_tz=Mars/Olympus; Path=/", &url);
    assert!(page().await.contains("(UTC)"));
}
