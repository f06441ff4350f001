//! Issue 16, applications: a customer previews and files an application once per form; staff take
//! it into review and decide; approval changes the contract in the same transaction as the
//! decision; a returned application is corrected and resubmitted; arrears close every kind but
//! an insurance event; bad input is named and writes nothing; another customer's contract and
//! application are not found. Runs again at the pinned days (layer 1b): due dates move with them.

use crate::backoffice::{staff, AGENT, SUPERVISOR};
use crate::common::*;
use crate::contracts::{seeded, signed_in};
use crate::payments::{annas_loan, date_of, today};
use app::domain::application::Ineligible;
use app::error::{AppError, Conflict};
use serde_json::Value;

mod effects;
mod follow;
mod refused;

pub(crate) const ANNA: &str = "anna.kowalski@demo.example";

/// A form's fields as the page sends them (`form[kind]=…`), with the contract and key.
pub(crate) fn fields<'a>(pairs: &[(&'a str, &'a str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| match *k {
            "contract" | "key" | "id" | "attachments" | "correcting" => {
                (k.to_string(), v.to_string())
            }
            _ => (format!("form[{k}]"), v.to_string()),
        })
        .collect()
}

pub(crate) async fn call(
    app: &TestApp,
    c: &reqwest::Client,
    endpoint: &str,
    pairs: &[(&str, &str)],
) -> reqwest::Response {
    let owned = fields(pairs);
    let borrowed: Vec<(&str, &str)> = owned
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post(c, &format!("/api/{endpoint}"), &borrowed).await
}

/// A seeded app with Anna signed in: her client, her loan as the dashboard lists it, and its id as
/// the forms send it.
pub(crate) async fn anna_and_her_loan() -> (TestApp, reqwest::Client, Value, String) {
    let app = seeded().await;
    let anna = signed_in(&app, ANNA).await;
    let loan = annas_loan(&app, &anna).await;
    let contract = loan["id"].as_i64().unwrap().to_string();
    (app, anna, loan, contract)
}

/// What `c` may file on `contract` (`application_options`), asserted to succeed.
pub(crate) async fn options_of(app: &TestApp, c: &reqwest::Client, contract: &str) -> Value {
    ok(call(app, c, "application_options", &[("contract", contract)]).await).await
}

pub(crate) async fn ok(r: reqwest::Response) -> Value {
    let status = r.status();
    let body = r.text().await.unwrap();
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

pub(crate) async fn decide(
    app: &TestApp,
    staff: &reqwest::Client,
    id: i64,
    decision: &str,
    note: &str,
) -> reqwest::Response {
    app.post(
        staff,
        "/api/staff_decide_application",
        &[
            ("id", &id.to_string()),
            ("decision", decision),
            ("note", note),
        ],
    )
    .await
}

pub(crate) async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

/// The instalments' due dates of contract `id`, in order.
pub(crate) async fn due_dates(app: &TestApp, id: i64) -> Vec<time::Date> {
    let dates: Vec<String> = sqlx::query_scalar(
        "SELECT due_date FROM schedule_rows WHERE contract_id = $1 ORDER BY number",
    )
    .bind(id)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    dates
        .iter()
        .map(|d| app::domain::dates::parse_iso(d).unwrap())
        .collect()
}

#[tokio::test]
async fn a_due_date_change_is_previewed_filed_once_reviewed_and_applied_with_its_decision() {
    let (app, anna, loan, contract) = anna_and_her_loan().await;
    let id = loan["id"].as_i64().unwrap();
    let next_due = date_of(&loan["next_due"][0]);
    let before = due_dates(&app, id).await;

    // Which kinds the loan may file: all but a lease extension.
    let options = options_of(&app, &anna, &contract).await;
    let kinds: Vec<(String, bool)> = options["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| (k[0].as_str().unwrap().to_string(), k[1].get("Ok").is_some()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("EarlyRepayment".into(), true),
            ("DueDateChange".into(), true),
            ("Deferral".into(), true),
            ("InsuranceEvent".into(), true),
            ("LeaseExtension".into(), false),
        ]
    );

    // The preview is the domain's arithmetic on the loan as it stands.
    let new_day = if next_due.day() == 20 { "21" } else { "20" };
    let form = [
        ("contract", contract.as_str()),
        ("kind", "due_date_change"),
        ("new_day", new_day),
    ];
    let preview = ok(call(&app, &anna, "application_preview", &form).await).await;
    let moved = &preview["DueDateChange"];
    let expected = app::domain::application::due_date_change(
        next_due,
        new_day.parse().unwrap(),
        rust_decimal::Decimal::ONE,
        next_due,
    )
    .unwrap();
    assert_eq!(date_of(&moved["next_due"]), expected.next_due);
    assert_eq!(moved["days_later"].as_i64().unwrap(), expected.days_later);
    assert!(
        moved["interest"].as_str().is_some_and(|s| s != "0"),
        "{moved}"
    );

    // Filed once per form, with its conversation (held) and a confirmation.
    let key = "apply-due-date-0001";
    let mut with_key = form.to_vec();
    with_key.push(("key", key));
    let first = ok(call(&app, &anna, "file_application", &with_key).await).await;
    let again = ok(call(&app, &anna, "file_application", &with_key).await).await;
    assert_eq!(first, again);
    let app_id = first["id"].as_i64().unwrap();
    assert!(first["reference"].as_str().unwrap().starts_with("APP-"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 1);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM message_threads WHERE legal_hold = 1 AND topic = 'payments'"
        )
        .await,
        1
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE 'We received your application APP-%'").await,
        1
    );
    // One open application of a kind: another form is refused.
    let mut other = form.to_vec();
    other.push(("key", "apply-due-date-0002"));
    let r = call(&app, &anna, "file_application", &other).await;
    assert_eq!(r.status(), 409);
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::NotEligible(Ineligible::AlreadyOpen))
    );

    // Staff: an agent takes it into review but cannot approve; a supervisor approves.
    let agent = staff(&app, AGENT).await;
    let queue = ok(app.post(&agent, "/api/staff_application_queue", &[]).await).await;
    assert_eq!(queue[0]["id"].as_i64(), Some(app_id));
    let r = decide(&app, &agent, app_id, "Approve", "").await;
    assert_eq!(r.status(), 403);
    ok(decide(&app, &agent, app_id, "Review", "").await).await;
    let supervisor = staff(&app, SUPERVISOR).await;
    let seen = ok(app
        .post(
            &supervisor,
            "/api/staff_application",
            &[("id", &app_id.to_string())],
        )
        .await)
    .await;
    assert!(seen["preview"]["Ok"]["DueDateChange"].is_object(), "{seen}");
    let done = ok(decide(&app, &supervisor, app_id, "Approve", "").await).await;
    assert!(done["reference"].as_str().unwrap().starts_with("BO-"));
    // Twice is once.
    let r = decide(&app, &supervisor, app_id, "Approve", "").await;
    assert_eq!(
        error_of(r).await,
        AppError::Conflict(Conflict::ApplicationMoved)
    );

    // The contract changed with the decision: every instalment from the next one due is on the
    // new day (those paid, or covered by a payment on its way, stay).
    let after_dates = due_dates(&app, id).await;
    let moved: Vec<_> = before
        .iter()
        .zip(&after_dates)
        .filter(|(b, _)| **b >= next_due)
        .map(|(_, a)| *a)
        .collect();
    assert!(!moved.is_empty());
    assert_eq!(moved[0], expected.next_due);
    assert!(
        moved.iter().all(|d| d.day().to_string() == new_day),
        "{moved:?}"
    );
    for (b, a) in before
        .iter()
        .zip(&after_dates)
        .filter(|(b, _)| **b < next_due)
    {
        assert_eq!(b, a);
    }
    let due_day: i64 = sqlx::query_scalar("SELECT due_day FROM contracts WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(due_day.to_string(), new_day);
    let after = annas_loan(&app, &anna).await;
    assert_eq!(date_of(&after["next_due"][0]), expected.next_due);

    // The customer's view: approved, its history, what changed; the thread has the lender's notes.
    let mine = ok(app.post(&anna, "/api/my_applications", &[]).await).await;
    assert_eq!(mine[0]["status"], "Approved");
    let events: Vec<&str> = mine[0]["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(events, ["Submitted", "UnderReview", "Approved"]);
    assert_eq!(
        date_of(&mine[0]["outcome"]["next_due_after"]),
        expected.next_due
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM messages WHERE author = 'staff'").await,
        2
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM staff_actions WHERE action IN ('review_application', 'approve_application')").await,
        2
    );
    // What the agent read is on the staff trail too: the queue, and this application.
    assert!(
        count(
            &app,
            "SELECT COUNT(*) FROM staff_actions WHERE action = 'view_application_queue'"
        )
        .await
            >= 1
    );
    let viewed: Vec<Option<String>> =
        sqlx::query_scalar("SELECT detail FROM staff_actions WHERE action = 'view_application'")
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    assert!(!viewed.is_empty(), "the application view is recorded");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE 'Your application APP-% is approved'").await,
        1
    );

    // Once in 12 months: the next change is refused until a year after this one.
    let options = options_of(&app, &anna, &contract).await;
    let again_from = &options["kinds"][1][1]["Err"]["DueDateChangedRecently"]["again_from"];
    assert_eq!(
        date_of(again_from),
        app::domain::dates::add_months(today(&app), 12)
    );
}
