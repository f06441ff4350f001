//! Linking a login to contracts of the seeded book: by VIN + last payment or Customer ID, with
//! device authorisation by emailed code, and the abuse limits.

use crate::common::*;
use app::domain::Money;
use app::error::{AppError, Conflict};
use app::infra::Clock;
use serde_json::Value;

async fn seeded() -> TestApp {
    let app = spawn().await;
    server::seed::seed_demo(&app.state).await.unwrap();
    app
}

async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let c = app.client();
    assert_eq!(
        login(app, &c, email, server::seed::DEMO_PASSWORD)
            .await
            .status(),
        200
    );
    c
}

async fn contracts_of(app: &TestApp, c: &reqwest::Client) -> Vec<Value> {
    let r = app.post(c, "/api/my_contracts", &[]).await;
    assert_eq!(r.status(), 200);
    r.json::<Vec<Value>>().await.unwrap()
}

#[tokio::test]
async fn link_by_vin_then_authorise_the_device_with_the_emailed_code() {
    let app = seeded().await;
    let email = "jordan.rivera@example.com";
    let pw = app.registered_active(email).await;
    let c = app.client();
    login(&app, &c, email, &pw).await;
    // Sign-in authorised this browser; linking asks again only on a device that is no longer
    // remembered (removed on the Security page since), which is what this test exercises.
    forget_devices(&app, email).await;
    let hints = server::seed::link_hints(app.clock.now().date());
    let jordan = hints.iter().find(|h| h.first == "Jordan").unwrap();
    let amount = jordan.last_payment.to_string();
    let form = |amount: &str| {
        vec![
            ("first_name", "jordan".to_string()),
            ("last_name", "RIVERA".to_string()),
            ("method", "vin".to_string()),
            ("vin", jordan.vin.to_lowercase()),
            ("last_payment", amount.to_string()),
            ("customer_id", String::new()),
        ]
    };
    let as_refs = |f: &Vec<(&'static str, String)>| {
        f.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>()
    };

    let send = |f: Vec<(&'static str, String)>| {
        let c = c.clone();
        let base = app.base.clone();
        async move {
            c.post(format!("{base}/api/link_contract"))
                .header("Origin", &base)
                .form(&f)
                .send()
                .await
                .unwrap()
        }
    };
    let r = send(as_refs(&form(&amount))).await;
    assert_eq!(r.status(), 200);
    let outcome: Value = r.json().await.unwrap();
    assert_eq!(outcome["CodeSent"], "j***@example.com");
    let mail = app.smtp.wait_for(email, 3).await;
    assert_eq!(mail.subject, "Your device authorization code");
    let code = six_digits(&mail.text);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let r = app
        .post(&c, "/api/authorize_device", &[("code", wrong)])
        .await;
    assert_eq!(error_of(r).await, AppError::WrongCode { attempts_left: 4 });
    let r = app
        .post(&c, "/api/authorize_device", &[("code", &code)])
        .await;
    assert_eq!(r.status(), 200);
    assert!(r
        .headers()
        .get_all("set-cookie")
        .iter()
        .any(|v| v.to_str().unwrap().starts_with("portal_device=")));
    assert_eq!(
        r.json::<Vec<String>>().await.unwrap(),
        vec!["LN-2024-005120"]
    );
    // The code was single-use.
    assert_eq!(
        error_of(
            app.post(&c, "/api/authorize_device", &[("code", &code)])
                .await
        )
        .await,
        AppError::InvalidToken
    );
    let list = contracts_of(&app, &c).await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["role"], "primary");

    // On the now-authorised device, linking again needs no code (the same party: idempotent).
    let again: Value = send(as_refs(&form(&amount))).await.json().await.unwrap();
    assert_eq!(again["Linked"][0], "LN-2024-005120");
}

#[tokio::test]
async fn customer_id_link_gives_a_co_borrower_the_shared_contract() {
    let app = seeded().await;
    let email = "piotr@example.com";
    let pw = app.registered_active(email).await;
    let c = app.client();
    login(&app, &c, email, &pw).await;
    let r = app
        .post(
            &c,
            "/api/link_contract",
            &[
                ("first_name", "Piotr"),
                ("last_name", "Kowalski"),
                ("method", "customer_id"),
                ("vin", ""),
                ("last_payment", ""),
                ("customer_id", "ns-48213908"),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    // The browser was authorised at sign-in, so the contract is linked at once.
    let outcome: Value = r.json().await.unwrap();
    assert_eq!(outcome["Linked"][0], "LN-2023-004512");
    let list = contracts_of(&app, &c).await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["number"], "LN-2023-004512");
    assert_eq!(list[0]["role"], "co_borrower");
    // Anna (primary) still sees it too.
    let anna = signed_in(&app, "anna.kowalski@demo.example").await;
    assert!(contracts_of(&app, &anna)
        .await
        .iter()
        .any(|x| x["number"] == "LN-2023-004512"));
}

#[tokio::test]
async fn failures_are_generic_throttled_audited_and_taken_contracts_refused() {
    let app = seeded().await;
    let email = "mallory@example.com";
    let pw = app.registered_active(email).await;
    let c = app.client();
    login(&app, &c, email, &pw).await;
    let jordan = server::seed::link_hints(app.clock.now().date())
        .into_iter()
        .find(|h| h.first == "Taylor")
        .unwrap();
    let wrong_amount = (jordan.last_payment + Money::from_cents(1)).to_string();
    let right_amount = jordan.last_payment.to_string();
    let attempt = |first: &'static str, amount: String| {
        let (c, base, vin) = (c.clone(), app.base.clone(), jordan.vin.clone());
        async move {
            c.post(format!("{base}/api/link_contract"))
                .header("Origin", &base)
                .form(&[
                    ("first_name", first),
                    ("last_name", "Nguyen"),
                    ("method", "vin"),
                    ("vin", &vin),
                    ("last_payment", &amount),
                    ("customer_id", ""),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    // Wrong amount and misspelled name fail the same way, saying how many tries are left.
    let a = error_of(attempt("Taylor", wrong_amount.clone()).await).await;
    let b = error_of(attempt("Tailor", right_amount.clone()).await).await;
    assert_eq!(a, AppError::LinkNotMatched { attempts_left: 4 });
    assert_eq!(b, AppError::LinkNotMatched { attempts_left: 3 });
    assert!(a
        .message_in(app::i18n::Locale::En)
        .ends_with("You have 4 more tries before linking pauses for an hour."));
    // A contract held by another login is refused with a pointer to support.
    let r = app
        .post(
            &c,
            "/api/link_contract",
            &[
                ("first_name", "Anna"),
                ("last_name", "Kowalski"),
                ("method", "customer_id"),
                ("vin", ""),
                ("last_payment", ""),
                ("customer_id", "NS-48213907"),
            ],
        )
        .await;
    assert_eq!(r.status(), 409);
    assert!(matches!(
        error_of(r).await,
        AppError::Conflict(Conflict::ContractTaken)
    ));
    // Bad input is a specific field error (and still counts as nothing linked).
    let r = app
        .post(
            &c,
            "/api/link_contract",
            &[
                ("first_name", "Taylor"),
                ("last_name", "Nguyen"),
                ("method", "vin"),
                ("vin", "1FTFW1E53PFA1000I"),
                ("last_payment", "1"),
                ("customer_id", ""),
            ],
        )
        .await;
    assert_eq!(
        error_of(r).await,
        AppError::validation("vin", app::domain::Issue::VinCharacters)
    );
    // The taken contract counted too: the 5th unmatched try pauses linking for an hour — then even
    // the right details wait, with a message that says what is paused.
    let r = attempt("Taylor", wrong_amount.clone()).await;
    assert_eq!(
        error_of(r).await,
        AppError::LinkNotMatched { attempts_left: 1 }
    );
    let r = attempt("Taylor", wrong_amount.clone()).await;
    assert_eq!(r.status(), 429);
    assert_eq!(
        error_of(r).await,
        AppError::LinkingPaused {
            retry_after_secs: 3600
        }
    );
    let r = attempt("Taylor", right_amount.clone()).await;
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["retry-after"], "3600");
    let paused = error_of(r).await.message_in(app::i18n::Locale::En);
    assert!(
        paused.starts_with("Linking is paused") && !paused.contains("password"),
        "{paused}"
    );
    app.advance(3601);
    login(&app, &c, email, &pw).await; // the idle session ended meanwhile
    assert_eq!(attempt("Taylor", right_amount).await.status(), 200);
    let audited: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM auth_events WHERE kind = 'link'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert!(audited >= 5, "{audited}");
}

#[tokio::test]
async fn device_codes_expire_and_die_after_five_wrong_tries() {
    let app = seeded().await;
    let email = "chris@example.com";
    let pw = app.registered_active(email).await;
    let c = app.client();
    login(&app, &c, email, &pw).await;
    forget_devices(&app, email).await;
    let chris = server::seed::link_hints(app.clock.now().date())
        .into_iter()
        .find(|h| h.first == "Chris")
        .unwrap();
    let form = [
        ("first_name", "Chris"),
        ("last_name", "Martin"),
        ("method", "customer_id"),
        ("vin", ""),
        ("last_payment", ""),
        ("customer_id", &chris.card_id),
    ];
    assert_eq!(
        app.post(&c, "/api/link_contract", &form).await.status(),
        200
    );
    let code = six_digits(&app.smtp.wait_for(email, 3).await.text);
    app.advance(601);
    assert_eq!(
        error_of(
            app.post(&c, "/api/authorize_device", &[("code", &code)])
                .await
        )
        .await,
        AppError::InvalidToken
    );

    assert_eq!(
        app.post(&c, "/api/link_contract", &form).await.status(),
        200
    );
    let code = six_digits(&app.smtp.wait_for(email, 4).await.text);
    let wrong = if code == "999999" { "999998" } else { "999999" };
    for left in (0..5).rev() {
        assert_eq!(
            error_of(
                app.post(&c, "/api/authorize_device", &[("code", wrong)])
                    .await
            )
            .await,
            AppError::WrongCode {
                attempts_left: left
            }
        );
    }
    assert_eq!(
        error_of(
            app.post(&c, "/api/authorize_device", &[("code", &code)])
                .await
        )
        .await,
        AppError::InvalidToken,
        "dead after 5 wrong tries"
    );
    assert!(contracts_of(&app, &c).await.is_empty());
}

/// The walk-through: after four misses and a match, linking the next contract was blocked for an
/// hour. A match clears the misses.
#[tokio::test]
async fn a_match_clears_earlier_misses() {
    let app = seeded().await;
    let email = "four.misses@example.com";
    let pw = app.registered_active(email).await;
    let c = app.client();
    login(&app, &c, email, &pw).await;
    let taylor = server::seed::link_hints(app.clock.now().date())
        .into_iter()
        .find(|h| h.first == "Taylor")
        .unwrap();
    let try_amount = |amount: String| {
        let (c, app, vin) = (c.clone(), &app, taylor.vin.clone());
        async move {
            app.post(
                &c,
                "/api/link_contract",
                &[
                    ("first_name", "Taylor"),
                    ("last_name", "Nguyen"),
                    ("method", "vin"),
                    ("vin", &vin),
                    ("last_payment", &amount),
                    ("customer_id", ""),
                ],
            )
            .await
        }
    };
    let wrong = (taylor.last_payment + Money::from_cents(1)).to_string();
    for left in [4, 3, 2, 1] {
        let r = try_amount(wrong.clone()).await;
        assert_eq!(
            error_of(r).await,
            AppError::LinkNotMatched {
                attempts_left: left
            }
        );
    }
    let r = try_amount(taylor.last_payment.to_string()).await;
    assert_eq!(r.status(), 200);
    let r = try_amount(wrong).await;
    assert_eq!(
        error_of(r).await,
        AppError::LinkNotMatched { attempts_left: 4 },
        "the match cleared the four misses"
    );
}
