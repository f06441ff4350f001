//! The back office: staff sign-in (password + authenticator code, replay-proof, throttled),
//! staff-only endpoints and roles, search, the customer file, and the actions staff take on an
//! account — each with its reference and its effect checked from the customer's side.

use crate::common::*;
use app::error::AppError;
use serde_json::Value;
use server::seed::{DEMO_PASSWORD, STAFF};

mod audited;
mod contract_view;
mod messages;
mod notes;
mod payments;
mod search;

pub(crate) const AGENT: usize = 0;
pub(crate) const SUPERVISOR: usize = 1;

async fn seeded() -> TestApp {
    let app = spawn().await;
    server::seed::seed_demo(&app.state).await.unwrap();
    app
}

pub(crate) fn code_now(app: &TestApp, who: usize) -> String {
    app::factors::totp::code_at(STAFF[who].totp_secret, app.state.clock.unix()).unwrap()
}

async fn staff_login(
    app: &TestApp,
    c: &reqwest::Client,
    who: usize,
    password: &str,
    code: &str,
) -> reqwest::Response {
    app.post(
        c,
        "/api/staff_login",
        &[
            ("email", STAFF[who].email),
            ("password", password),
            ("code", code),
        ],
    )
    .await
}

pub(crate) async fn staff(app: &TestApp, who: usize) -> reqwest::Client {
    let c = app.client();
    let r = staff_login(app, &c, who, DEMO_PASSWORD, &code_now(app, who)).await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    // Each code works once: the next sign-in in a test needs the next 30-second step.
    app.advance(30);
    c
}

/// What the back-office search finds for `q` (asserting it answered).
async fn staff_search(app: &TestApp, agent: &reqwest::Client, q: &str) -> Value {
    let r = app.post(agent, "/api/staff_search", &[("q", q)]).await;
    assert_eq!(r.status(), 200, "{q}");
    r.json::<Value>().await.unwrap()
}

async fn contract_id(app: &TestApp, number: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM contracts WHERE contract_number = $1")
        .bind(number)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn staff_sign_in_needs_password_and_a_fresh_authenticator_code() {
    let app = seeded().await;
    let c = app.client();
    let code = code_now(&app, AGENT);
    let r = staff_login(&app, &c, AGENT, "Wrong-password-2026", &code).await;
    assert_eq!(error_of(r).await, AppError::InvalidCredentials);
    let r = staff_login(&app, &c, AGENT, DEMO_PASSWORD, "000000").await;
    assert_eq!(error_of(r).await, AppError::InvalidCredentials);
    // Another staff member's code is not this one's.
    let r = staff_login(&app, &c, AGENT, DEMO_PASSWORD, &code_now(&app, SUPERVISOR)).await;
    assert_eq!(error_of(r).await, AppError::InvalidCredentials);
    let r = staff_login(&app, &c, AGENT, DEMO_PASSWORD, &code).await;
    assert_eq!(r.status(), 200);
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.starts_with("portal_staff=")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let me: Value = app
        .post(&c, "/api/staff_me", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["name"], "Jordan Reyes");
    assert_eq!(me["role"], "Agent");
    // The same code again (same 30 s) is refused: it has been used.
    let other = app.client();
    let r = staff_login(&app, &other, AGENT, DEMO_PASSWORD, &code).await;
    assert_eq!(error_of(r).await, AppError::InvalidCredentials);
    // Customers' passwords and sessions are not staff ones.
    let r = app
        .post(
            &c,
            "/api/staff_login",
            &[
                ("email", "anna.kowalski@demo.example"),
                ("password", DEMO_PASSWORD),
                ("code", &code),
            ],
        )
        .await;
    assert_eq!(error_of(r).await, AppError::InvalidCredentials);
}

#[tokio::test]
async fn staff_sign_in_is_throttled_and_sessions_idle_out() {
    let app = seeded().await;
    let c = app.client();
    let mut last = AppError::Internal;
    for _ in 0..7 {
        last = error_of(staff_login(&app, &c, SUPERVISOR, "Wrong-password-2026", "123456").await)
            .await;
    }
    assert!(matches!(last, AppError::RateLimited { .. }), "{last:?}");
    // Locked: even the right password and code wait.
    let r = staff_login(
        &app,
        &c,
        SUPERVISOR,
        DEMO_PASSWORD,
        &code_now(&app, SUPERVISOR),
    )
    .await;
    assert!(matches!(error_of(r).await, AppError::RateLimited { .. }));
    app.advance(16 * 60);
    let s = staff(&app, SUPERVISOR).await;
    assert_ne!(
        app.post(&s, "/api/staff_me", &[])
            .await
            .json::<Value>()
            .await
            .unwrap(),
        Value::Null
    );
    // 31 idle minutes end the session.
    app.advance(31 * 60);
    assert_eq!(
        app.post(&s, "/api/staff_me", &[])
            .await
            .json::<Value>()
            .await
            .unwrap(),
        Value::Null
    );
    let r = app.post(&s, "/api/staff_search", &[("q", "Anna")]).await;
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn staff_endpoints_refuse_customers_and_roles_are_enforced() {
    let app = seeded().await;
    let anna = signed_in_with(&app, "anna.kowalski@demo.example", DEMO_PASSWORD).await;
    let anon = app.client();
    let anna_id = customer_id(&app, "anna.kowalski@demo.example")
        .await
        .to_string();
    let contract = contract_id(&app, "LN-2024-005124").await.to_string();
    for c in [&anna, &anon] {
        for (path, form) in [
            ("/api/staff_search", vec![("q", "Anna")]),
            ("/api/staff_customer", vec![("id", anna_id.as_str())]),
            ("/api/staff_unlock", vec![("customer_id", anna_id.as_str())]),
            (
                "/api/staff_end_sessions",
                vec![("customer_id", anna_id.as_str())],
            ),
            (
                "/api/staff_temporary_password",
                vec![("contract_id", contract.as_str())],
            ),
            (
                "/api/staff_reset_sign_in_methods",
                vec![
                    ("customer_id", anna_id.as_str()),
                    ("reason", "a customer cannot do this"),
                ],
            ),
        ] {
            let r = app.post(c, path, &form).await;
            assert_eq!(r.status(), 401, "{path}");
        }
    }
    // An agent may not issue temporary passwords; nothing is issued.
    let agent = staff(&app, AGENT).await;
    let r = app
        .post(
            &agent,
            "/api/staff_temporary_password",
            &[("contract_id", &contract)],
        )
        .await;
    assert_eq!(r.status(), 403);
    assert_eq!(error_of(r).await, AppError::Forbidden);
    let issued: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM temp_logins")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(issued, 0);
}

#[tokio::test]
async fn search_finds_customers_and_contracts_by_what_staff_have_at_hand() {
    let app = seeded().await;
    let agent = staff(&app, AGENT).await;
    let search = |q: &'static str| staff_search(&app, &agent, q);
    let by_name = search("kowal").await;
    assert_eq!(
        by_name["customers"][0]["email"],
        "anna.kowalski@demo.example"
    );
    let contracts: Vec<&str> = by_name["customers"][0]["contracts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(contracts, ["LN-2017-000981", "LN-2023-004512"]);
    let by_vin = search("5yj3e1ea6pf345678").await;
    assert_eq!(by_vin["customers"][0]["email"], "olga.ivanova@demo.example");
    assert_eq!(by_vin["contracts"][0]["number"], "LS-2024-010406");
    // A contract whose borrower never registered: found, with no portal login.
    let unregistered = search("LN-2024-005124").await;
    assert!(unregistered["customers"].as_array().unwrap().is_empty());
    assert_eq!(
        unregistered["contracts"][0]["primary_customer"],
        Value::Null
    );
    // Wildcards are taken literally.
    assert!(search("%%").await["customers"]
        .as_array()
        .unwrap()
        .is_empty());
    let r = app.post(&agent, "/api/staff_search", &[("q", " a ")]).await;
    assert_eq!(r.status(), 400);
    assert!(matches!(error_of(r).await, AppError::Validation { field, .. } if field == "q"));
}

#[tokio::test]
async fn unlocking_and_ending_sessions_act_on_the_customers_account() {
    let app = seeded().await;
    let email = "olga.ivanova@demo.example";
    let olga = signed_in_with(&app, email, DEMO_PASSWORD).await;
    let id = customer_id(&app, email).await.to_string();
    // Wrong passwords lock Olga's sign-in.
    let c = app.client();
    for _ in 0..7 {
        login_first_step(&app, &c, email, "Not-her-password-1").await;
    }
    let r = login_first_step(&app, &c, email, DEMO_PASSWORD).await;
    assert!(matches!(error_of(r).await, AppError::RateLimited { .. }));
    let agent = staff(&app, AGENT).await;
    let file: Value = app
        .post(&agent, "/api/staff_customer", &[("id", &id)])
        .await
        .json()
        .await
        .unwrap();
    assert!(file["locked_until"].as_i64().unwrap() > app.state.clock.unix());
    assert_eq!(file["sessions"], 1);
    assert_eq!(file["contracts"].as_array().unwrap().len(), 2);
    assert!(file["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["success"] == false));
    // Unlock: a reference comes back, and Olga can sign in again at once.
    let r = app
        .post(&agent, "/api/staff_unlock", &[("customer_id", &id)])
        .await;
    assert_eq!(r.status(), 200);
    let done: Value = r.json().await.unwrap();
    let reference = done["reference"].as_str().unwrap().to_string();
    assert!(
        reference.starts_with("BO-") && reference.len() == 9,
        "{reference}"
    );
    assert_eq!(
        login_first_step(&app, &app.client(), email, DEMO_PASSWORD)
            .await
            .status(),
        200
    );
    // Sign out everywhere: Olga's session is gone.
    assert_ne!(current_user(&app, &olga).await, Value::Null);
    let r = app
        .post(&agent, "/api/staff_end_sessions", &[("customer_id", &id)])
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(current_user(&app, &olga).await, Value::Null);
    // Both actions are on file, newest first, by name.
    let file: Value = app
        .post(&agent, "/api/staff_customer", &[("id", &id)])
        .await
        .json()
        .await
        .unwrap();
    let actions = file["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 2);
    assert_eq!(actions[0]["action"], "end_sessions");
    assert_eq!(actions[1]["action"], "unlock");
    assert_eq!(actions[1]["reference"], reference.as_str());
    assert_eq!(actions[0]["staff"], "Jordan Reyes");
    assert_eq!(file["sessions"], 0);
    // Unknown customers are not found.
    let r = app
        .post(&agent, "/api/staff_customer", &[("id", "999999")])
        .await;
    assert_eq!(r.status(), 404);
}

#[tokio::test]
async fn a_supervisor_issues_a_temporary_password_that_works_once() {
    let app = seeded().await;
    let supervisor = staff(&app, SUPERVISOR).await;
    let id = contract_id(&app, "LN-2024-005124").await.to_string();
    let r = app
        .post(
            &supervisor,
            "/api/staff_temporary_password",
            &[("contract_id", &id)],
        )
        .await;
    assert_eq!(r.status(), 200);
    let done: Value = r.json().await.unwrap();
    let password = done["temporary_password"].as_str().unwrap().to_string();
    assert_eq!(
        done["expires_at"].as_i64().unwrap(),
        app.state.clock.unix() + 72 * 3600
    );
    let c = app.client();
    let r = app
        .post(
            &c,
            "/api/login_temporary",
            &[
                ("contract_number", "LN-2024-005124"),
                ("password", &password),
            ],
        )
        .await;
    assert_eq!(r.status(), 200);
    let issued_by: String =
        sqlx::query_scalar("SELECT issued_by FROM temp_logins ORDER BY id DESC LIMIT 1")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(issued_by, "Priya Nair");
    let recorded: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM staff_actions WHERE action = 'temporary_password' AND contract_id = $1",
    )
    .bind(id.parse::<i64>().unwrap())
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(recorded, 1);
    let r = app
        .post(
            &supervisor,
            "/api/staff_temporary_password",
            &[("contract_id", "999999")],
        )
        .await;
    assert_eq!(r.status(), 404);
}
